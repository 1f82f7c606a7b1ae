package io.wcsettle.his.card;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.Arrays;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;

class CardValuePropertiesTest {

    /** The 34 province-level codes of GB/T 2260. */
    private static final String[] PROVINCES = {"11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33",
        "34", "35", "36", "37", "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63",
        "64", "65", "71", "81", "82"};

    @Provide
    Arbitrary<String> area() {
        return Combinators.combine(Arbitraries.of(PROVINCES), Arbitraries.strings().numeric().ofLength(4))
                .as(String::concat);
    }

    @Provide
    Arbitrary<String> first17() {
        Arbitrary<LocalDate> birth = Arbitraries.longs().between(LocalDate.of(1900, 1, 1).toEpochDay(),
                LocalDate.of(2024, 12, 31).toEpochDay()).map(LocalDate::ofEpochDay);
        Arbitrary<String> seq = Arbitraries.strings().numeric().ofLength(3);
        return Combinators.combine(area(), birth, seq)
                .as((a, b, s) -> a + String.format("%04d%02d%02d", b.getYear(), b.getMonthValue(), b.getDayOfMonth()) + s);
    }

    @Provide
    Arbitrary<String> fifteen() {
        Arbitrary<LocalDate> birth = Arbitraries.longs().between(LocalDate.of(1900, 1, 1).toEpochDay(),
                LocalDate.of(1999, 12, 31).toEpochDay()).map(LocalDate::ofEpochDay);
        return Combinators.combine(area(), birth, Arbitraries.strings().numeric().ofLength(3))
                .as((a, b, s) -> a + String.format("%02d%02d%02d", b.getYear() % 100, b.getMonthValue(),
                        b.getDayOfMonth()) + s);
    }

    @Property
    @Label("GB 11643: 17 digits with a real birth date and their check character are accepted")
    void idWithComputedCheckCharacter_isAccepted(@ForAll("first17") String first17) {
        String id = first17 + IdNumber.checkCharacter(first17);
        assertEquals(id, IdNumber.normalize(id, "ssn"));
    }

    @Property
    @Label("GB 11643: any other check character is INVALID_ID_CHECK_DIGIT")
    void idWithAnyOtherCheckCharacter_isRefused(@ForAll("first17") String first17,
            @ForAll @CharRange(from = '0', to = '9') char other) {
        Assume.that(other != IdNumber.checkCharacter(first17));
        CardReadException e = assertThrows(CardReadException.class, () -> IdNumber.normalize(first17 + other, "ssn"));
        assertEquals(CardErrorCode.INVALID_ID_CHECK_DIGIT, e.cardErrorCode());
    }

    @Property
    @Label("GB 11643: an ID number neither 15 nor 18 characters long is INVALID_ID_LENGTH")
    void idOfWrongLength_isRefused(@ForAll @StringLength(max = 40) @CharRange(from = '0', to = '9') String id) {
        Assume.that(id.length() != 18 && id.length() != 15);
        assertEquals(CardErrorCode.INVALID_ID_LENGTH,
                assertThrows(CardReadException.class, () -> IdNumber.normalize(id, "ssn")).cardErrorCode());
    }

    @Property
    @Label("GB 11643-1989: a 15-digit number becomes 18 digits: 19 before the year, the check character after")
    void fifteenDigitId_isConvertedTo18(@ForAll("fifteen") String fifteen) {
        String id = IdNumber.normalize(fifteen, "ssn");
        String first17 = fifteen.substring(0, 6) + "19" + fifteen.substring(6);
        assertEquals(first17 + IdNumber.checkCharacter(first17), id);
        assertEquals(id, IdNumber.normalize(id, "ssn"));
        assertEquals(LocalDate.of(1900 + Integer.parseInt(fifteen.substring(6, 8)),
                Integer.parseInt(fifteen.substring(8, 10)), Integer.parseInt(fifteen.substring(10, 12))),
                IdNumber.birthDate(id));
    }

    @Property
    @Label("GB 11643: a region prefix that is no province of GB/T 2260 is INVALID_ID_REGION")
    void idOfUnknownProvince_isRefused(@ForAll @IntRange(min = 0, max = 89) int province,
            @ForAll("first17") String template) {
        String prefix = String.format("%02d", province);
        Assume.that(!Arrays.asList(PROVINCES).contains(prefix) && !prefix.equals("83"));
        String first17 = prefix + template.substring(2);
        String id = first17 + IdNumber.checkCharacter(first17);
        assertEquals(CardErrorCode.INVALID_ID_REGION,
                assertThrows(CardReadException.class, () -> IdNumber.normalize(id, "ssn")).cardErrorCode());
    }

    @Example
    @Label("residence permits: 830000 (Taiwan) and foreigners' 9 + province are accepted")
    void residencePermitPrefixes_areAccepted() {
        String taiwan = "83000019900101001";
        String foreigner = "93184019900101001";
        assertEquals(taiwan + IdNumber.checkCharacter(taiwan),
                IdNumber.normalize(taiwan + IdNumber.checkCharacter(taiwan), "ssn"));
        assertEquals(foreigner + IdNumber.checkCharacter(foreigner),
                IdNumber.normalize(foreigner + IdNumber.checkCharacter(foreigner), "ssn"));
        String unknown = "90184019900101001";
        assertEquals(CardErrorCode.INVALID_ID_REGION, assertThrows(CardReadException.class,
                () -> IdNumber.normalize(unknown + IdNumber.checkCharacter(unknown), "ssn")).cardErrorCode());
    }

    @Example
    @Label("GB 11643: a lower-case check x is accepted and upper-cased")
    void lowerCaseX_isUpperCased() {
        String first17 = "11010519491231002";
        assertEquals('X', IdNumber.checkCharacter(first17));
        assertEquals(first17 + "X", IdNumber.normalize(first17 + "x", "ssn"));
    }

    @Property
    @Label("TLV: a record cut anywhere inside it is TLV_TRUNCATED, never a shorter value")
    void truncatedRecord_isRefused(@ForAll @Size(min = 0, max = 120) byte[] value, @ForAll @IntRange(min = 0, max = 200) int cut) {
        byte[] record = new byte[value.length + 2];
        record[0] = 0x09;
        record[1] = (byte) value.length;
        System.arraycopy(value, 0, record, 2, value.length);
        Assume.that(cut < record.length);
        byte[] truncated = Arrays.copyOf(record, cut);
        assertEquals(CardErrorCode.TLV_TRUNCATED,
                assertThrows(CardReadException.class, () -> Tlv.value(truncated, 0x09, "name")).cardErrorCode());
        assertEquals(value.length, Tlv.value(record, 0x09, "name").length);
    }

    @Property
    @Label("BCD digits with F padding: digits then only F nibbles decode to the digits; anything else is refused")
    void bcdWithPadding_decodesOrRefuses(@ForAll @Size(3) byte[] value) {
        String hex = CardText.hex(value);
        String digits = hex.replaceAll("F+$", "");
        boolean valid = digits.chars().allMatch(c -> c >= '0' && c <= '9');
        if (valid) {
            assertEquals(digits, CardText.bcdDigits(value, "birthplace"));
        } else {
            assertEquals(CardErrorCode.INVALID_CARD_FIELD, assertThrows(CardReadException.class,
                    () -> CardText.bcdDigits(value, "birthplace")).cardErrorCode());
        }
    }
}
