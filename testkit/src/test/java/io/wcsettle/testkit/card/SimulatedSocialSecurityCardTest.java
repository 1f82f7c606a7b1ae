package io.wcsettle.testkit.card;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HexFormat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The double itself: stricter than real cards, so a sloppy reader fails against it. */
@DisplayName("Simulated card refuses malformed APDUs (test double)")
class SimulatedSocialSecurityCardTest {

    private static final String SELECT_AID = "00A404000F7378312E73682EC9E7BBE1B1A3D5CF";
    private static final String SELECT_EF05 = "00A4020002EF05";

    private static String send(SimulatedSocialSecurityCard card, String hex) {
        return HexFormat.of().withUpperCase().formatHex(card.transceive(HexFormat.of().parseHex(hex)));
    }

    private static String sw(SimulatedSocialSecurityCard card, String hex) {
        String r = send(card, hex);
        return r.substring(r.length() - 4);
    }

    @ParameterizedTest(name = "{0}: {1} → {2}")
    @CsvSource({
        "too short, 00A4, 6700",
        "Lc larger than the data, 00A4020003EF05, 6700",
        "extended length, 00B2010400000A, 6700",
        "class 80, 80B2010400, 6E00",
        "unknown instruction, 00CA000000, 6D00",
        "SELECT with P2 04, 00A4020402EF05, 6A86",
        "SELECT with an Le other than 00, 00A4020002EF0501, 6700",
        "READ RECORD with data, 00B201040101, 6700",
        "READ RECORD P1 00 (current record), 00B2000400, 6A86",
        "READ RECORD P2 0C, 00B2010C00, 6A86",
        "GET RESPONSE without 61xx, 00C0000010, 6985",
        "VERIFY of 2 bytes, 00200000021234, 6700",
        "GET CHALLENGE of 5, 0084000005, 6700"})
    @DisplayName("malformed commands after selecting EF05")
    void malformed_isRefused(String what, String apdu, String expected) {
        SimulatedSocialSecurityCard card = SimulatedSocialSecurityCard.sample();
        assertEquals("9000", sw(card, SELECT_AID));
        assertEquals("9000", sw(card, SELECT_EF05));
        assertEquals(expected, sw(card, apdu), what);
    }

    @Test
    @DisplayName("READ RECORD before any EF is selected: 6986; an EF before the application: 6A82")
    void order_isEnforced() {
        SimulatedSocialSecurityCard card = SimulatedSocialSecurityCard.sample();
        assertEquals("6A82", sw(card, SELECT_EF05));
        assertEquals("9000", sw(card, SELECT_AID));
        assertEquals("6986", sw(card, "00B2010412"));
    }

    @Test
    @DisplayName("records by number restart at 1 in EF06 (record 1 is tag 08); by identifier P1 is the tag")
    void recordNumbering() {
        SimulatedSocialSecurityCard card = SimulatedSocialSecurityCard.sample();
        sw(card, SELECT_AID);
        sw(card, "00A4020002EF06");
        assertEquals("0812", send(card, "00B2010400").substring(0, 4));
        assertEquals("0912", send(card, "00B2090000").substring(0, 2) + "12");
        assertEquals("6A83", sw(card, "00B2080400"));
        assertEquals("6A83", sw(card, "00B2010000"));
    }

    @Test
    @DisplayName("layout restrictions answer the status word a strict card gives")
    void layoutRestrictions() {
        SimulatedSocialSecurityCard card = SimulatedSocialSecurityCard.builder()
                .layout(new CardLayout(CardLayout.RecordAddressing.BY_IDENTIFIER, CardLayout.LeBehaviour.EXACT,
                        CardLayout.SelectEf.P1_00, false)).build();
        sw(card, SELECT_AID);
        assertEquals("6A86", sw(card, SELECT_EF05));
        assertEquals("9000", sw(card, "00A4000002EF05"));
        assertEquals("6A86", sw(card, "00B2010412"));
        assertEquals("6700", sw(card, "00B2010000"));
        assertEquals("9000", sw(card, "00B2010012"));
    }

    @Test
    @DisplayName("a chained card answers 61xx and gives the record to GET RESPONSE with that Le only")
    void chained() {
        SimulatedSocialSecurityCard card = SimulatedSocialSecurityCard.builder()
                .layout(CardLayout.lenient().withLe(CardLayout.LeBehaviour.CHAINED)).build();
        sw(card, SELECT_AID);
        sw(card, SELECT_EF05);
        assertEquals("6103", send(card, "00B2020400"));
        assertEquals("6C03", sw(card, "00C0000010"));
        assertEquals("0201339000", send(card, "00C0000003"));
    }
}
