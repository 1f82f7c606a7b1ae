package io.wcsettle.his.card;

import static io.wcsettle.his.card.CardFixtures.CLOCK;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.wcsettle.his.card.CardFixtures.CardData;
import io.wcsettle.testkit.card.CardLayout;
import io.wcsettle.testkit.card.PcscDaemon;
import io.wcsettle.testkit.card.SimulatedPsam;
import io.wcsettle.testkit.card.SimulatedSocialSecurityCard;
import io.wcsettle.testkit.card.SimulatedSocialSecurityCard.Generation;
import io.wcsettle.testkit.card.SimulatedSocialSecurityCard.Protection;
import io.wcsettle.testkit.card.VpcdCard;

/**
 * The real path: javax.smartcardio → libpcsclite → pcscd → vpcd → simulated card. Skipped, saying
 * why, where pcscd or vsmartcard-vpcd is not installed; starts pcscd itself when none runs. The
 * testkit's surefire turns the JDK's own 61xx / 6Cxx handling off
 * ({@code sun.security.smartcardio.t0GetResponse/t1GetResponse=false}), so the reader's handling is
 * what runs here.
 */
@Tag("pcsc")
@DisplayName("PC/SC end to end through pcscd and vpcd")
class PcscEndToEndTest {

    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final SocialSecurityCardReader READER =
            SocialSecurityCardReader.withPsam(CLOCK, new SimulatedPsam());
    private static final CardData DATA = CardData.sample();
    private static final String PIN = "406172";

    private static PcscDaemon daemon;

    @BeforeAll
    static void startPcscd() throws Exception {
        String reason = PcscDaemon.unavailableReason().orElse(null);
        assumeTrue(reason == null, () -> "pcscd + vpcd end-to-end test skipped: " + reason);
        assumeTrue(PcscReaders.useLibraryIfUnset(PcscDaemon.LIBPCSCLITE),
                "pcscd + vpcd end-to-end test skipped: no libpcsclite for javax.smartcardio");
        daemon = PcscDaemon.ensureRunning(Duration.ofSeconds(10));
    }

    @AfterAll
    static void stopPcscd() {
        if (daemon != null) {
            daemon.close();
        }
    }

    static String vpcdReader(PcscReaders readers) {
        List<String> names = readers.names();
        return names.stream().filter(n -> n.startsWith("Virtual PCD")).findFirst()
                .orElseThrow(() -> new AssertionError("no vpcd reader among " + names));
    }

    /** Waits until PC/SC sees the reader empty (the previous test's card gone), then inserts {@code card}. */
    private static VpcdCard insertIntoEmptyReader(SimulatedSocialSecurityCard card) throws Exception {
        PcscReaders readers = PcscReaders.open();
        assertTrue(readers.waitForRemoval(vpcdReader(readers), WAIT), "vpcd reader still holds a card");
        return VpcdCard.insert(card, "127.0.0.1", VpcdCard.DEFAULT_PORT, WAIT);
    }

    /** Layout i's card: protections and the PIN vary with i so that every layout meets several. */
    private static SimulatedSocialSecurityCard card(CardLayout layout, int i) {
        SimulatedSocialSecurityCard.Builder b = DATA.simulated(layout)
                .externalAuthentication(Protection.values()[i % 3]);
        if (i % 2 == 1) {
            b.pin(PIN).pinProtection(Protection.EF06);
        }
        return b.build();
    }

    @Test
    @DisplayName("every card layout (72: addressing × Le × SELECT P1 × 61xx on select) read over one PC/SC connection")
    void everyLayout_isReadThroughPcscd() throws Exception {
        List<CardLayout> layouts = CardLayout.all();
        try (VpcdCard inserted = insertIntoEmptyReader(card(layouts.get(0), 0))) {
            PcscReaders readers = PcscReaders.open();
            try (PcscCardChannel channel = readers.waitForCard(vpcdReader(readers), WAIT)) {
                for (int i = 0; i < layouts.size(); i++) {
                    SimulatedSocialSecurityCard card = card(layouts.get(i), i);
                    inserted.replaceCard(card);
                    PinEntry pin = i % 2 == 1 ? PinEntry.typed(Pin.of(PIN.toCharArray())) : null;
                    assertEquals(DATA.expected(), READER.read(channel, pin), layouts.get(i).toString());
                }
            }
        }
    }

    @ParameterizedTest(name = "{0} generation as issued")
    @EnumSource(Generation.class)
    @DisplayName("second and third generation cards as issued, inserted into the reader and read")
    void generationAsIssued_isRead(Generation generation) throws Exception {
        SimulatedSocialSecurityCard card = SimulatedSocialSecurityCard.asIssued(generation).build();
        try (VpcdCard inserted = insertIntoEmptyReader(card)) {
            PcscReaders readers = PcscReaders.open();
            SocialSecurityCard read = readers.read(vpcdReader(readers), WAIT, 0, READER::read);
            assertEquals(generation.specVersion(), read.specVersion());
            assertEquals(card.atrHistoricalBytes(), read.atrHistoricalBytes().orElseThrow());
            assertEquals(generation == Generation.THIRD ? 19 : 16, card.apduCount());
        }
    }

    @Test
    @DisplayName("card pulled out mid-read and put back: the read starts over and succeeds")
    void read_whenCardPulledAndReinserted_recovers() throws Exception {
        SimulatedSocialSecurityCard card = DATA.simulated().externalAuthentication(Protection.EF06)
                .pullOutAfter(10).build();
        try (VpcdCard inserted = insertIntoEmptyReader(card)) {
            inserted.reinsertAfter(Duration.ofMillis(300));
            PcscReaders readers = PcscReaders.open();
            assertEquals(DATA.expected(), readers.read(vpcdReader(readers), WAIT, 1, READER::read));
        }
    }

    @Test
    @DisplayName("card pulled out mid-read and not put back: CARD_REMOVED or NO_CARD, never a card")
    void read_whenCardPulledAndNotReinserted_fails() throws Exception {
        SimulatedSocialSecurityCard card = DATA.simulated().pullOutAfter(10).build();
        try (VpcdCard inserted = insertIntoEmptyReader(card)) {
            PcscReaders readers = PcscReaders.open();
            String reader = vpcdReader(readers);
            CardReadException e = assertThrows(CardReadException.class,
                    () -> readers.read(reader, Duration.ofMillis(500), 1, READER::read));
            assertTrue(e.cardErrorCode() == CardErrorCode.CARD_REMOVED || e.cardErrorCode() == CardErrorCode.NO_CARD,
                    e.code());
        }
    }

    @Test
    @DisplayName("no card in the reader: NO_CARD after the wait timeout")
    void waitForCard_whenReaderEmpty_failsNoCard() {
        PcscReaders readers = PcscReaders.open();
        String reader = vpcdReader(readers);
        assertEquals(CardErrorCode.NO_CARD, assertThrows(CardReadException.class,
                () -> readers.waitForCard(reader, Duration.ofMillis(300))).cardErrorCode());
    }

    @Test
    @DisplayName("PIN pad discovery over pcscd: vpcd reports no FEATURE_VERIFY_PIN_DIRECT, so no PIN pad")
    void pinPad_vpcdOffersNone() throws Exception {
        try (VpcdCard inserted = insertIntoEmptyReader(DATA.simulated().build())) {
            PcscReaders readers = PcscReaders.open();
            try (PcscCardChannel channel = readers.waitForCard(vpcdReader(readers), WAIT)) {
                assertTrue(channel.pinPad().isEmpty());
                assertEquals(DATA.expected(), READER.read(channel));
            }
        }
    }
}
