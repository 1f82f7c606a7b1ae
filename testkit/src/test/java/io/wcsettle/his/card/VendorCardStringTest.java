package io.wcsettle.his.card;

import static io.wcsettle.his.card.CardFixtures.CLOCK;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.wcsettle.his.card.CardFixtures.CardData;
import io.wcsettle.testkit.card.SampleIds;

/**
 * The reader vendor's iReadCardBas output in every published form (PROTOCOL.md). Inputs are built
 * from the forms as published: 11 items each ending with '|', the identification code 32 hex
 * characters, the ATR's historical bytes 26 hex, the region = first six characters of the code.
 */
@DisplayName("Reader vendor iReadCardBas string (PROTOCOL.md)")
class VendorCardStringTest {

    private static final CardData DATA = CardData.sample();
    private static final String TERMINAL = "330300900173";
    private static final String DEVICE = "00010100202111010884";
    private static final String STANDARD = DATA.vendorItems(TERMINAL, DEVICE);

    private static CardReadException failure(int rv, String output) {
        return assertThrows(CardReadException.class, () -> VendorCardString.read(rv, output, CLOCK));
    }

    @Test
    @DisplayName("standard form, 11 items: the card, with the ATR's historical bytes and the terminal items")
    void standard() {
        VendorCardRead read = VendorCardString.read(0, STANDARD, CLOCK);
        assertEquals(VendorForm.STANDARD, read.form());
        assertEquals(DATA.expectedFromVendor(), read.card().orElseThrow());
        assertEquals(TERMINAL, read.terminalNumber().orElseThrow());
        assertEquals(DEVICE, read.terminalDeviceNumber().orElseThrow());
        assertEquals(List.of(), read.missing());
        assertEquals(DATA.expectedFromVendor(), VendorCardString.parse(0, STANDARD, CLOCK));
        assertEquals("330399", read.issuingAdmdvs().code());
    }

    @Test
    @DisplayName("standard form with empty terminal items: the card; the terminal items reported missing")
    void standard_emptyTerminalItems() {
        VendorCardRead read = VendorCardString.read(0, DATA.vendorItems("", ""), CLOCK);
        assertEquals(DATA.expectedFromVendor(), read.card().orElseThrow());
        assertEquals(List.of("terminalNumber", "terminalDeviceNumber"), read.missing());
    }

    @Test
    @DisplayName("status-prefixed form: 1| + the 11 items + 持卡就诊登记许可号")
    void statusPrefixed() {
        VendorCardRead read = VendorCardString.read(0, "1|" + STANDARD + "JSB045526778|", CLOCK);
        assertEquals(VendorForm.STATUS_PREFIXED, read.form());
        assertEquals(DATA.expectedFromVendor(), read.card().orElseThrow());
        assertEquals("JSB045526778", read.registrationPermitNumber().orElseThrow());
    }

    @Test
    @DisplayName("status-prefixed failure 0|<error text>|: VENDOR_REPORTED_FAILURE, the text kept")
    void statusPrefixed_failure() {
        VendorCardException e = assertThrows(VendorCardException.class,
                () -> VendorCardString.read(0, "0|卡片上电失败|", CLOCK));
        assertEquals(CardErrorCode.VENDOR_REPORTED_FAILURE, e.cardErrorCode());
        assertEquals("卡片上电失败", e.vendorText().orElseThrow());
    }

    @Test
    @DisplayName("extended form, 15 items: the card and PSAM卡芯片号 | 医疗证号 | 加密因子 | 版本号 as given")
    void extended() {
        List<String> extra = List.of("3B7D940000008150220886431E10C9022736", "%GALJGMJKASUKZ?;0789059?",
                " 5f2ab04d6d289495b7b14ec9a9602a23", "V0.1");
        VendorCardRead read = VendorCardString.read(0, STANDARD + String.join("|", extra) + "|", CLOCK);
        assertEquals(VendorForm.EXTENDED, read.form());
        assertEquals(DATA.expectedFromVendor(), read.card().orElseThrow());
        assertEquals(extra, read.extendedItems());
    }

    @Test
    @DisplayName("short read, 9 items, 社会保障号码 / 卡号 / 姓名 empty: accepted, missing items reported")
    void shortRead() {
        String s = "330399|||" + DATA.identificationCode() + "||" + DATA.atrHistoricalBytes() + "|3.00|20211203|20311202|";
        VendorCardRead read = VendorCardString.read(0, s, CLOCK);
        assertEquals(VendorForm.SHORT, read.form());
        assertTrue(read.card().isEmpty());
        assertEquals(List.of("socialSecurityNumber", "cardNumber", "name", "terminalNumber", "terminalDeviceNumber"),
                read.missing());
        assertEquals(DATA.identificationCode(), read.identificationCode());
        assertEquals(LocalDate.of(2031, 12, 2), read.expiryDate());
        CardReadException e = assertThrows(CardReadException.class, () -> VendorCardString.parse(0, s, CLOCK));
        assertEquals(CardErrorCode.VENDOR_FIELDS_MISSING, e.cardErrorCode());
        assertEquals("socialSecurityNumber", e.field());
    }

    @Test
    @DisplayName("a 15-digit social security number and a lower-case identification code are accepted and normalised")
    void normalisation() {
        String id15 = SampleIds.id15("330302", LocalDate.of(1965, 3, 9), 25);
        String s = STANDARD.replace(DATA.ssnOnCard(), id15).replace(DATA.identificationCode(),
                DATA.identificationCode().toLowerCase());
        SocialSecurityCard card = VendorCardString.parse(0, s, CLOCK);
        assertEquals(SampleIds.id18("330302", LocalDate.of(1965, 3, 9), 25), card.socialSecurityNumber());
        assertEquals(DATA.identificationCode(), card.identificationCode());
    }

    @ParameterizedTest(name = "{0} → {1} naming {2}")
    @CsvSource(delimiter = ';', value = {
        "no final '|';VENDOR_STRING_MALFORMED;output",
        "10 items;VENDOR_STRING_MALFORMED;output",
        "12 items (status 1 without the permit);VENDOR_STRING_MALFORMED;output",
        "13 items, first not 1;VENDOR_STRING_MALFORMED;status",
        "region not the code's first six;VENDOR_STRING_MALFORMED;issuingAdmdvs",
        "identification code of 16 characters;VENDOR_STRING_MALFORMED;identificationCode",
        "ATR odd length;VENDOR_STRING_MALFORMED;atrHistoricalBytes",
        "version 3.0;VENDOR_STRING_MALFORMED;specVersion",
        "date 2031-12-02;VENDOR_STRING_MALFORMED;expiryDate",
        "card number of 8;INVALID_CARD_FIELD;cardNumber",
        "wrong check character;INVALID_ID_CHECK_DIGIT;socialSecurityNumber",
        "expired;CARD_EXPIRED;expiryDate"})
    @DisplayName("anything that fits no form, or an item of the wrong form, is refused naming the item")
    void malformed(String what, CardErrorCode code, String field) {
        String s = switch (what) {
            case "no final '|'" -> STANDARD.substring(0, STANDARD.length() - 1);
            case "10 items" -> STANDARD.substring(0, STANDARD.length() - DEVICE.length() - 1);
            case "12 items (status 1 without the permit)" -> "1|" + STANDARD;
            case "13 items, first not 1" -> "2|" + STANDARD + "JSB045526778|";
            case "region not the code's first six" -> STANDARD.replaceFirst("^330399", "330300");
            case "identification code of 16 characters" -> STANDARD.replace(DATA.identificationCode(),
                    DATA.identificationCode().substring(0, 16));
            case "ATR odd length" -> STANDARD.replace(DATA.atrHistoricalBytes(), DATA.atrHistoricalBytes() + "0");
            case "version 3.0" -> STANDARD.replace("|3.00|", "|3.0|");
            case "date 2031-12-02" -> STANDARD.replace("|20311202|", "|2031-12-02|");
            case "card number of 8" -> STANDARD.replace(DATA.cardNumber(), DATA.cardNumber().substring(1));
            case "wrong check character" -> STANDARD.replace(DATA.ssnOnCard(), DATA.ssn().substring(0, 17)
                    + (DATA.ssn().charAt(17) == '0' ? '1' : '0'));
            case "expired" -> STANDARD.replace("|20311202|", "|20250531|");
            default -> throw new AssertionError(what);
        };
        CardReadException e = failure(0, s);
        assertEquals(code, e.cardErrorCode(), what);
        assertEquals(field, e.field(), what);
    }

    @ParameterizedTest(name = "return value {0} → {1}")
    @CsvSource({
        "-1, VENDOR_WRONG_CARD_TYPE, -1", "-2, VENDOR_NO_CARD, -1", "-3, VENDOR_CARD_NOT_POWERED, -1",
        "-4, VENDOR_CARD_NO_ANSWER, -1", "-5, VENDOR_LIBRARY_LOAD_FAILED, -1", "-11, VENDOR_READER_ERROR, -1",
        "-12, VENDOR_READER_ERROR, -1", "-13, VENDOR_UNSUPPORTED_OPERATION, -1", "-14, VENDOR_BAD_PARAMETERS, -1",
        "-15, VENDOR_CHECKSUM_ERROR, -1", "-20, VENDOR_IDENTIFICATION_CODE_FORMAT, -1", "-24, VENDOR_PSAM_KEY_LEVEL, -1",
        "-7, VENDOR_READER_FAULT, -1", "-25, VENDOR_READER_FAULT, -1",
        "-2201, VENDOR_PSAM_ERROR, -1", "-2204, VENDOR_PSAM_ERROR, -1", "-2205, VENDOR_ERROR, -1",
        "-26, VENDOR_ERROR, -1", "1, VENDOR_ERROR, -1",
        "-27010, SECURITY_STATUS_NOT_SATISFIED, 27010", "-27272, REFERENCED_DATA_NOT_FOUND, 27272",
        "-25539, PIN_INCORRECT, 25539", "-27011, CARD_LOCKED, 27011", "-37635, APPLICATION_LOCKED, 37635",
        "-27267, RECORD_NOT_FOUND, 27267", "-25219, CARD_BLOCKED, 25219", "-27009, UNEXPECTED_STATUS_WORD, 27009"})
    @DisplayName("a non-zero return value is decoded to its meaning, negated status words to the status word's code")
    void returnValues(int rv, CardErrorCode expected, int sw) {
        VendorCardException e = assertThrows(VendorCardException.class,
                () -> VendorCardString.read(rv, "读卡失败", CLOCK));
        assertEquals(expected, e.cardErrorCode());
        assertEquals(rv, e.returnValue());
        assertEquals("读卡失败", e.vendorText().orElseThrow());
        assertEquals(sw, e.statusWord().orElse(-1));
        if (rv == -25539) {
            assertEquals(3, e.triesLeft().getAsInt());
        }
    }

    @Provide
    Arbitrary<CardData> cards() {
        return CardDataArbitraries.cards();
    }

    @Property(tries = 300)
    @Label("standard, status-prefixed and extended forms of one card give the same card")
    void everyForm_givesTheSameCard(@ForAll("cards") CardData data) {
        String items = data.vendorItems(TERMINAL, DEVICE);
        SocialSecurityCard expected = data.expectedFromVendor();
        assertEquals(expected, VendorCardString.parse(0, items, CLOCK));
        assertEquals(expected, VendorCardString.parse(0, "1|" + items + "P1|", CLOCK));
        assertEquals(expected, VendorCardString.parse(0, items + "a|b|c|d|", CLOCK));
        String shortRead = data.identificationCode().substring(0, 6) + "|||" + data.identificationCode() + "||"
                + data.atrHistoricalBytes() + "|" + data.specVersion() + "|" + items.split("\\|")[7] + "|"
                + items.split("\\|")[8] + "|";
        VendorCardRead read = VendorCardString.read(0, shortRead, CLOCK);
        assertEquals(expected.identificationCode(), read.identificationCode());
        assertEquals(expected.expiryDate(), read.expiryDate());
    }

    @Property(tries = 300)
    @Label("an item count that is no published form is VENDOR_STRING_MALFORMED naming the output, never a card")
    void otherItemCounts_areRefused(@ForAll @IntRange(min = 1, max = 30) int count, @ForAll("cards") CardData data) {
        net.jqwik.api.Assume.that(count != 9 && count != 11 && count != 13 && count != 15 && count != 2);
        String[] items = data.vendorItems(TERMINAL, DEVICE).split("\\|");
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < count; i++) {
            s.append(items[i % items.length]).append('|');
        }
        CardReadException e = failure(0, s.toString());
        assertEquals(CardErrorCode.VENDOR_STRING_MALFORMED, e.cardErrorCode());
        assertEquals("output", e.field());
    }
}
