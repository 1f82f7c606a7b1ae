package io.wcsettle.his.card;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.Arrays;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;

class CardValuePropertiesTest {

    @Provide
    Arbitrary<String> first17() {
        Arbitrary<LocalDate> birth = Arbitraries.longs().between(LocalDate.of(1900, 1, 1).toEpochDay(),
                LocalDate.of(2024, 12, 31).toEpochDay()).map(LocalDate::ofEpochDay);
        Arbitrary<String> area = Arbitraries.strings().numeric().ofLength(6);
        Arbitrary<String> seq = Arbitraries.strings().numeric().ofLength(3);
        return net.jqwik.api.Combinators.combine(area, birth, seq)
                .as((a, b, s) -> a + String.format("%04d%02d%02d", b.getYear(), b.getMonthValue(), b.getDayOfMonth()) + s);
    }

    @Property
    @Label("GB 11643: 17 digits with a real birth date and their check character are accepted")
    void idWithComputedCheckCharacter_isAccepted(@ForAll("first17") String first17) {
        String id = first17 + IdNumber.checkCharacter(first17);
        assertEquals(id, IdNumber.validate(id, "ssn"));
    }

    @Property
    @Label("GB 11643: any other check character is INVALID_ID_CHECK_DIGIT")
    void idWithAnyOtherCheckCharacter_isRefused(@ForAll("first17") String first17,
            @ForAll @CharRange(from = '0', to = '9') char other) {
        Assume.that(other != IdNumber.checkCharacter(first17));
        CardReadException e = assertThrows(CardReadException.class, () -> IdNumber.validate(first17 + other, "ssn"));
        assertEquals(CardErrorCode.INVALID_ID_CHECK_DIGIT, e.cardErrorCode());
    }

    @Property
    @Label("GB 11643: an ID number of any other length is INVALID_ID_LENGTH")
    void idOfWrongLength_isRefused(@ForAll @StringLength(max = 40) @CharRange(from = '0', to = '9') String id) {
        Assume.that(id.length() != 18);
        assertEquals(CardErrorCode.INVALID_ID_LENGTH,
                assertThrows(CardReadException.class, () -> IdNumber.validate(id, "ssn")).cardErrorCode());
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
}
