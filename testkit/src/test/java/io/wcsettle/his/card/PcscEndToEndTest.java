package io.wcsettle.his.card;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.wcsettle.testkit.card.PcscDaemon;
import io.wcsettle.testkit.card.SimulatedPsam;
import io.wcsettle.testkit.card.SimulatedSocialSecurityCard;
import io.wcsettle.testkit.card.VpcdCard;
import io.wcsettle.his.card.CardErrorCode;
import io.wcsettle.his.card.CardReadException;
import io.wcsettle.his.card.PcscReaders;
import io.wcsettle.his.card.SocialSecurityCard;
import io.wcsettle.his.card.SocialSecurityCardReader;

/**
 * The real path: javax.smartcardio → libpcsclite → pcscd → vpcd → simulated card. Skipped, saying
 * why, where pcscd or vsmartcard-vpcd is not installed; starts pcscd itself when none runs.
 */
@Tag("pcsc")
@DisplayName("PC/SC end to end through pcscd and vpcd")
class PcscEndToEndTest {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final Clock CLOCK = Clock.fixed(LocalDate.of(2025, 6, 1).atStartOfDay(CHINA).toInstant(), CHINA);
    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final SocialSecurityCardReader READER =
            SocialSecurityCardReader.withPsam(CLOCK, new SimulatedPsam());

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

    private static String vpcdReader(PcscReaders readers) {
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

    private static SocialSecurityCard expected() {
        return SocialSecurityCard.builder().identificationCode("110100D156000005").cardNumber("K12345678")
                .socialSecurityNumber("11010519491231002X").name("张三").specVersion("3.00")
                .issueDate(LocalDate.of(2021, 3, 1)).expiryDate(LocalDate.of(2031, 3, 1)).build(CLOCK);
    }

    @Test
    @DisplayName("a full read with PSAM authentication through the real PC/SC stack")
    void read_throughPcscdAndVpcd_returnsTheCard() throws Exception {
        SimulatedSocialSecurityCard card = SimulatedSocialSecurityCard.builder().ef06NeedsAuthentication(true).build();
        try (VpcdCard inserted = insertIntoEmptyReader(card)) {
            PcscReaders readers = PcscReaders.open();
            String reader = vpcdReader(readers);
            SocialSecurityCard read = readers.read(reader, WAIT, 0, READER::read);
            assertEquals(expected(), read);
            assertEquals(19, card.apduCount());
        }
    }

    @Test
    @DisplayName("card pulled out mid-read and put back: the read starts over and succeeds")
    void read_whenCardPulledAndReinserted_recovers() throws Exception {
        SimulatedSocialSecurityCard card = SimulatedSocialSecurityCard.builder().ef06NeedsAuthentication(true)
                .pullOutAfter(10).build();
        try (VpcdCard inserted = insertIntoEmptyReader(card)) {
            inserted.reinsertAfter(Duration.ofMillis(300));
            PcscReaders readers = PcscReaders.open();
            String reader = vpcdReader(readers);
            assertEquals(expected(), readers.read(reader, WAIT, 1, READER::read));
        }
    }

    @Test
    @DisplayName("card pulled out mid-read and not put back: CARD_REMOVED or NO_CARD, never a card")
    void read_whenCardPulledAndNotReinserted_fails() throws Exception {
        SimulatedSocialSecurityCard card = SimulatedSocialSecurityCard.builder().pullOutAfter(10).build();
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
}
