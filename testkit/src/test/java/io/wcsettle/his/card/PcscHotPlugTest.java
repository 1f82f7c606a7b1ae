package io.wcsettle.his.card;

import static io.wcsettle.his.card.CardFixtures.CLOCK;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.wcsettle.his.card.CardFixtures.CardData;
import io.wcsettle.testkit.card.PcscDaemon;
import io.wcsettle.testkit.card.SimulatedSocialSecurityCard;
import io.wcsettle.testkit.card.VpcdCard;

/**
 * Hot-plug over the real PC/SC stack with a pcscd this test owns ({@code pcscd -f -c DIR}): pcscd
 * restarted, the last (vpcd) reader gone (pcscd started without its configuration) and back, the
 * card pulled and put back. The JVM runs with {@link PcscReaders#REESTABLISH_OPTION} (testkit
 * surefire), without which the JDK's dead PC/SC context could not be replaced. Skipped where pcscd
 * or vpcd is missing, or where a pcscd this test did not start is running (it could not restart it).
 */
@Tag("pcsc")
@DisplayName("PC/SC hot-plug: pcscd restarts, reader unplugged, card events")
class PcscHotPlugTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String SLOT = "Virtual PCD 00 00";
    private static final SocialSecurityCardReader READER = SocialSecurityCardReader.withoutPsam(CLOCK);
    private static final CardData DATA = CardData.sample();

    private Path config;
    private PcscDaemon daemon;
    private ScheduledExecutorService executor;
    private final BlockingQueue<CardReaderEvent> events = new LinkedBlockingQueue<>();

    @BeforeEach
    void startOwnPcscd() throws Exception {
        String reason = PcscDaemon.unavailableReason().orElse(null);
        assumeTrue(reason == null, () -> "hot-plug test skipped: " + reason);
        assumeTrue(PcscReaders.useLibraryIfUnset(PcscDaemon.LIBPCSCLITE), "hot-plug test skipped: no libpcsclite");
        assumeTrue(!PcscDaemon.running(), "hot-plug test skipped: a pcscd this test did not start is running");
        config = Files.createTempDirectory("wcsettle-readers");
        PcscDaemon.writeVpcdReader(config);
        daemon = PcscDaemon.startOwned(config, WAIT);
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "card-monitor");
            t.setDaemon(true);
            return t;
        });
    }

    @AfterEach
    void stopOwnPcscd() throws Exception {
        if (executor != null) {
            executor.shutdownNow();
        }
        if (daemon != null) {
            daemon.stop();
        }
        if (config != null) {
            PcscDaemon.removeVpcdReader(config);
            Files.deleteIfExists(config);
        }
    }

    /** Skips events until one of {@code type} for {@code reader} (null: any reader) arrives. */
    private CardReaderEvent await(CardReaderEvent.Type type, String reader) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            CardReaderEvent e = events.poll(100, TimeUnit.MILLISECONDS);
            if (e != null && e.type() == type && (reader == null || reader.equals(e.reader()))) {
                return e;
            }
        }
        throw new AssertionError("no " + type + " for " + reader + " within " + WAIT);
    }

    @Test
    @DisplayName("card events; pcscd restarted: PC/SC lost and back, the same PcscReaders reads again")
    void pcscdRestart_contextIsReestablished() throws Exception {
        PcscReaders readers = PcscReaders.open();
        try (CardReaderMonitor monitor = readers.monitor(executor, Duration.ofMillis(50), events::add)) {
            await(CardReaderEvent.Type.READER_ADDED, SLOT);
            SimulatedSocialSecurityCard card = DATA.simulated().build();
            try (VpcdCard inserted = VpcdCard.insert(card, "127.0.0.1", VpcdCard.DEFAULT_PORT, WAIT)) {
                await(CardReaderEvent.Type.CARD_INSERTED, SLOT);
                assertEquals(DATA.expected(), readers.read(SLOT, WAIT, 0, READER::read));
                inserted.pullOut();
                await(CardReaderEvent.Type.CARD_REMOVED, SLOT);

                daemon.stop();
                await(CardReaderEvent.Type.PCSC_UNAVAILABLE, null);
                assertEquals(CardErrorCode.READER_UNAVAILABLE,
                        assertThrows(CardReadException.class, readers::names).cardErrorCode());
                daemon.start();
                await(CardReaderEvent.Type.PCSC_AVAILABLE, null);
                await(CardReaderEvent.Type.READER_ADDED, SLOT);

                inserted.insert();
                await(CardReaderEvent.Type.CARD_INSERTED, SLOT);
                assertEquals(DATA.expected(), readers.read(SLOT, WAIT, 0, READER::read));
            }
        }
    }

    @Test
    @DisplayName("the last reader unplugged and plugged back: READER_REMOVED, an empty list, READER_ADDED, read again")
    void lastReaderUnplugged_andBack() throws Exception {
        PcscReaders readers = PcscReaders.open();
        try (CardReaderMonitor monitor = readers.monitor(executor, Duration.ofMillis(50), events::add)) {
            await(CardReaderEvent.Type.READER_ADDED, SLOT);
            daemon.stop();
            PcscDaemon.removeVpcdReader(config);
            daemon.start();
            // the monitor may or may not have polled while pcscd was down; either way the reader is gone
            assertNotNull(await(CardReaderEvent.Type.READER_REMOVED, SLOT));
            assertTrue(readers.names().isEmpty(), readers.names().toString());
            CardReadException none = assertThrows(CardReadException.class,
                    () -> readers.waitForCard(null, Duration.ofMillis(300)));
            assertEquals(CardErrorCode.READER_UNAVAILABLE, none.cardErrorCode());

            daemon.stop();
            PcscDaemon.writeVpcdReader(config);
            daemon.start();
            await(CardReaderEvent.Type.READER_ADDED, SLOT);
            try (VpcdCard inserted = VpcdCard.insert(DATA.simulated().build(), "127.0.0.1", VpcdCard.DEFAULT_PORT,
                    WAIT)) {
                await(CardReaderEvent.Type.CARD_INSERTED, SLOT);
                assertEquals(DATA.expected(), readers.read(SLOT, WAIT, 0, READER::read));
            }
        }
    }
}
