package io.wcsettle.core.region;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.wcsettle.core.error.CoreErrorCode;
import io.wcsettle.core.error.InvalidInputException;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class AdmdvsTest {

    @ParameterizedTest
    @ValueSource(strings = {"43010", "4301020", "", "00000", "000000", "990000", "43010a", "４３０１０２"})
    @DisplayName("R-FIL-6: malformed admdvs codes are INVALID_ADMDVS naming the field")
    void parse_malformed_isInvalidAdmdvs(String text) {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> Admdvs.parse("institution.admdvs", text));
        assertEquals(CoreErrorCode.INVALID_ADMDVS, e.errorCode());
        assertEquals("institution.admdvs", e.field());
    }

    @Test
    @DisplayName("本级 codes PP9900 and PPCC99 are valid and belong to their province and city")
    void levelCodes_belongToTheirProvinceAndCity() {
        assertEquals("430000", Admdvs.parse("a", "439900").province().code());
        assertEquals("430100", Admdvs.parse("a", "430199").city().code());
        assertEquals("430100", Admdvs.parse("a", "430102").city().code());
        assertEquals("429000", Admdvs.parse("a", "429004").city().code());
    }

    @ParameterizedTest(name = "target {0} covers {1}: {2}")
    @CsvSource({
        "110000, 110105, true",   // municipality covers its districts
        "500000, 500112, true",   // Chongqing covers Yubei
        "310000, 320100, false",
        "430100, 430102, true",   // city covers districts
        "430100, 430199, true",   // and its city-level code
        "430100, 430202, false",  // not Zhuzhou
        "429004, 429004, true",   // province-governed county-level city: only itself
        "429004, 429005, false",
        "429004, 429000, false",
    })
    @DisplayName("R-FIL-6: a filing target covers exactly the institutions the rule says")
    void covers_followsRFil6(String target, String institution, boolean covered) {
        assertEquals(covered, Admdvs.parse("t", target).covers(Admdvs.parse("i", institution)));
    }

    @Test
    @DisplayName("R-FIL-6: only 11, 12, 31, 50 are municipalities")
    void municipalities() {
        assertTrue(Admdvs.parse("a", "120000").isMunicipality());
        assertFalse(Admdvs.parse("a", "430000").isMunicipality());
        assertFalse(Admdvs.parse("a", "110100").isMunicipality());
    }

    @Property
    @Label("R-FIL-6: a city target covers every code sharing its first four digits")
    void cityTarget_coversItsPrefix(@ForAll @IntRange(min = 1, max = 98) int city, @ForAll @IntRange(min = 0, max = 99) int county) {
        Admdvs target = Admdvs.parse("t", String.format("43%02d00", city));
        Admdvs inst = Admdvs.parse("i", String.format("43%02d%02d", city, county));
        assertTrue(target.covers(inst));
        assertEquals(target, inst.city());
    }
}
