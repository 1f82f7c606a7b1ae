package io.wcsettle.his.card;

import static io.wcsettle.his.card.CardFixtures.CLOCK;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("Reader vendor iReadCardBas string (PROTOCOL.md, card section)")
class VendorCardStringTest {

    private static final String FIELDS = "110100|11010519491231002X|K12345678|110100D156000005|张三|"
            + "3B6C00000000000000000000000000|3.00|20210301|20310301|||";

    private static CardErrorCode failure(int rv, String output) {
        return assertThrows(CardReadException.class, () -> VendorCardString.parse(rv, output, CLOCK)).cardErrorCode();
    }

    @Test
    @DisplayName("11 fields, each ending with '|', empty terminal/device: the card")
    void parse_standardLayout_returnsTheCard() {
        assertEquals(CardFixtures.sampleCard(), VendorCardString.parse(0, FIELDS, CLOCK));
    }

    @Test
    @DisplayName("a leading status field 0 is recognised by content")
    void parse_withLeadingStatusField_returnsTheCard() {
        assertEquals(CardFixtures.sampleCard(), VendorCardString.parse(0, "0|" + FIELDS, CLOCK));
    }

    @Test
    @DisplayName("15 fields: the four trailing vendor fields are ignored")
    void parse_fifteenFields_returnsTheCard() {
        assertEquals(CardFixtures.sampleCard(), VendorCardString.parse(0, FIELDS + "a|b|c|d|", CLOCK));
    }

    @Test
    @DisplayName("a 本级 region ending in 99 (639900) is accepted")
    void parse_socialInsuranceLevelRegion_isAccepted() {
        String s = FIELDS.replace("110100|", "639900|").replace("110100D", "639900D");
        assertEquals("639900", VendorCardString.parse(0, s, CLOCK).issuingAdmdvs().code());
    }

    @Test
    @DisplayName("no final '|', a wrong field count, or a region not matching the identification code: VENDOR_STRING_MALFORMED")
    void parse_whenLayoutDoesNotFit_failsMalformed() {
        assertEquals(CardErrorCode.VENDOR_STRING_MALFORMED, failure(0, FIELDS.substring(0, FIELDS.length() - 1)));
        assertEquals(CardErrorCode.VENDOR_STRING_MALFORMED, failure(0, "x|" + FIELDS));
        assertEquals(CardErrorCode.VENDOR_STRING_MALFORMED, failure(0, FIELDS.replaceFirst("110100\\|", "120100|")));
        assertEquals(CardErrorCode.VENDOR_STRING_MALFORMED, failure(0, FIELDS.replace("20310301", "2031-03-01")));
        assertEquals(CardErrorCode.VENDOR_STRING_MALFORMED, failure(0, ""));
    }

    @Test
    @DisplayName("third-generation card without PSAM: empty SSN, card number and name are VENDOR_FIELDS_MISSING")
    void parse_whenPersonalFieldsEmpty_failsFieldsMissing() {
        String s = "110100|||110100D156000005||3B6C00000000000000000000000000|3.00|20210301|20310301|||";
        assertEquals(CardErrorCode.VENDOR_FIELDS_MISSING, failure(0, s));
    }

    @Test
    @DisplayName("fields are validated like the chip's: a wrong check digit is INVALID_ID_CHECK_DIGIT")
    void parse_whenIdCheckDigitWrong_failsInvalidIdCheckDigit() {
        assertEquals(CardErrorCode.INVALID_ID_CHECK_DIGIT, failure(0, FIELDS.replace("1002X", "10021")));
    }

    @ParameterizedTest(name = "return value {0} → {1}")
    @CsvSource({"-2, VENDOR_NO_CARD", "-11, VENDOR_READER_ERROR", "-12, VENDOR_READER_ERROR",
        "-2201, VENDOR_PSAM_ERROR", "-2204, VENDOR_PSAM_ERROR", "-2205, VENDOR_ERROR", "-1, VENDOR_ERROR"})
    @DisplayName("a non-zero return value maps to a typed error")
    void parse_whenReturnValueNonZero_mapsVendorCode(int rv, CardErrorCode expected) {
        assertEquals(expected, failure(rv, "读卡失败"));
    }
}
