package io.wcsettle.his.card;

import static io.wcsettle.his.card.CardFixtures.CLOCK;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import io.wcsettle.testkit.card.SimulatedPsam;
import io.wcsettle.testkit.card.SimulatedSocialSecurityCard;

/** slf4j-simple (test scope) logs at DEBUG to System.err, resolved on every write: captured here. */
@DisplayName("Logs never carry a name, ID number or card number (PROTOCOL.md, Security)")
class CardLogPrivacyTest {

    private static String captureLog(Runnable action) {
        PrintStream original = System.err;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        System.setErr(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        try {
            action.run();
        } catch (CardReadException expected) {
            // failures are logged too; the log is what is checked
        } finally {
            System.setErr(original);
        }
        return buffer.toString(StandardCharsets.UTF_8);
    }

    private static void assertNoPersonalData(String log) {
        assertFalse(log.contains(CardFixtures.NAME), "name in log");
        assertFalse(log.contains(CardFixtures.SSN), "ID number in log");
        assertFalse(log.contains(CardFixtures.SSN.substring(0, 17)), "ID number prefix in log");
        assertFalse(log.contains(CardFixtures.CARD_NUMBER), "card number in log");
    }

    @Test
    @DisplayName("a full read with PSAM authentication logs at DEBUG without personal data")
    void fullRead_logsNoPersonalData() {
        SimulatedSocialSecurityCard card = SimulatedSocialSecurityCard.builder().ef06NeedsAuthentication(true).build();
        SocialSecurityCardReader reader = SocialSecurityCardReader.withPsam(CLOCK, new SimulatedPsam());
        String log = captureLog(() -> assertEquals(CardFixtures.sampleCard(), reader.read(card)));
        assertTrue(log.contains("social security card read [apdus=19"), "the read was not logged: " + log);
        assertNoPersonalData(log);
    }

    @Test
    @DisplayName("a failing read and its exception carry no personal data")
    void failingRead_logsNoPersonalData() {
        SimulatedSocialSecurityCard card = SimulatedSocialSecurityCard.builder()
                .socialSecurityNumber("110105194912310021").build();
        SocialSecurityCardReader reader = SocialSecurityCardReader.withoutPsam(CLOCK);
        String log = captureLog(() -> reader.read(card));
        assertNoPersonalData(log);
        CardReadException e = assertThrows(CardReadException.class, () -> reader.read(card));
        assertFalse(e.getMessage().contains("110105194912310021"));
        assertFalse(CardFixtures.sampleCard().toString().contains(CardFixtures.NAME));
    }
}
