package io.wcsettle.his.card;

import static io.wcsettle.his.card.CardFixtures.CLOCK;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import io.wcsettle.his.card.CardFixtures.CardData;
import io.wcsettle.testkit.card.CardLayout;
import io.wcsettle.testkit.card.SampleIds;
import io.wcsettle.testkit.card.SimulatedPsam;
import io.wcsettle.testkit.card.SimulatedSocialSecurityCard.Protection;

/** slf4j-simple (test scope) logs at DEBUG to System.err, resolved on every write: captured here. */
@DisplayName("Logs never carry a PIN, name, ID number or card number (PROTOCOL.md, Security)")
class CardLogPrivacyTest {

    private static final String PIN = "902417";
    private static final String WRONG_PIN = "583016";
    private static final CardData DATA = CardData.sample().withSsnOnCard(
            SampleIds.id15("330302", LocalDate.of(1965, 3, 9), 25),
            SampleIds.id18("330302", LocalDate.of(1965, 3, 9), 25));

    private static String captureLog(Runnable action) {
        PrintStream original = System.err;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        System.setErr(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        try {
            action.run();
        } catch (CardReadException e) {
            System.err.println(e.getMessage()); // what a HIS would log
        } finally {
            System.setErr(original);
        }
        return buffer.toString(StandardCharsets.UTF_8);
    }

    private static void assertNoPersonalData(String log) {
        for (String secret : List.of(PIN, WRONG_PIN, DATA.name(), DATA.ssn(), DATA.ssn().substring(0, 17),
                DATA.ssnOnCard(), DATA.cardNumber(), "90 24 17", "902417".substring(0, 4))) {
            assertFalse(log.contains(secret), "personal data in log: " + secret + "\n" + log);
        }
        for (String line : log.split("\n")) {
            assertFalse(line.contains(" INFO "), "libraries log at DEBUG/WARN: " + line);
        }
    }

    @Test
    @DisplayName("a full read with PSAM authentication, PIN and layout fallbacks logs at DEBUG without personal data")
    void fullRead_logsNoPersonalData() {
        SocialSecurityCardReader reader = SocialSecurityCardReader.withPsam(CLOCK, new SimulatedPsam());
        String log = captureLog(() -> assertEquals(DATA.expected(), reader.read(
                DATA.simulated(new CardLayout(CardLayout.RecordAddressing.BY_IDENTIFIER, CardLayout.LeBehaviour.ZERO,
                        CardLayout.SelectEf.P1_00, true))
                        .externalAuthentication(Protection.PERSONAL_ITEMS).pin(PIN).pinProtection(Protection.EF06)
                        .build(),
                PinEntry.typed(Pin.of(PIN.toCharArray())))));
        assertTrue(log.contains("social security card read [apdus="), "the read was not logged: " + log);
        assertTrue(log.contains("needs external authentication"), log);
        assertTrue(log.contains("verifying"), log);
        assertNoPersonalData(log);
    }

    @Test
    @DisplayName("a wrong PIN, a bad ID number and their exceptions carry no personal data")
    void failingReads_logNoPersonalData() {
        SocialSecurityCardReader reader = SocialSecurityCardReader.withoutPsam(CLOCK);
        String wrongPin = captureLog(() -> reader.read(DATA.simulated().pin(PIN).pinProtection(Protection.EF06).build(),
                PinEntry.typed(Pin.of(WRONG_PIN.toCharArray()))));
        assertTrue(wrongPin.contains("PIN_INCORRECT"), wrongPin);
        assertNoPersonalData(wrongPin);
        String bad = DATA.ssn().substring(0, 17) + (DATA.ssn().charAt(17) == '1' ? '2' : '1');
        String badId = captureLog(() -> reader.read(DATA.simulated().socialSecurityNumber(bad).build()));
        assertTrue(badId.contains("INVALID_ID_CHECK_DIGIT"), badId);
        assertFalse(badId.contains(bad));
        assertNoPersonalData(badId);
        assertFalse(DATA.expected().toString().contains(DATA.name()));
    }

    @Test
    @DisplayName("vendor strings: a parse failure's message names the item, never its value")
    void vendorFailure_messageHasNoPersonalData() {
        String items = DATA.vendorItems("330300900001", "00010100202111010884");
        String wrongCheck = items.replace(DATA.ssnOnCard() + "|", DATA.ssn().substring(0, 17) + "0|");
        CardReadException e = assertThrows(CardReadException.class, () -> VendorCardString.parse(0, wrongCheck, CLOCK));
        assertEquals("socialSecurityNumber", e.field());
        assertNoPersonalData(e.getMessage());
    }
}
