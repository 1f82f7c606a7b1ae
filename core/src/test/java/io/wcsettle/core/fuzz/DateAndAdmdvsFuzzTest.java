package io.wcsettle.core.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Set;
import java.util.SplittableRandom;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import io.wcsettle.core.calendar.IsoDate;
import io.wcsettle.core.error.CoreErrorCode;
import io.wcsettle.core.error.WcsettleException;
import io.wcsettle.core.region.Admdvs;

/**
 * Dates and division codes against references written without {@code java.time} or the code
 * under test: an ISO date is ten ASCII characters {@code yyyy-MM-dd} naming a real proleptic
 * Gregorian day; an admdvs is six ASCII digits starting with a GB/T 2260 province.
 */
class DateAndAdmdvsFuzzTest {

    private static final Set<Integer> PROVINCES = Set.of(11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35,
            36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82);

    static String dateText(SplittableRandom r) {
        int k = r.nextInt(100);
        if (k == 0) {
            return null;
        }
        String valid = String.format("%04d-%02d-%02d", r.nextInt(10_000), 1 + r.nextInt(12), 1 + r.nextInt(28));
        if (k < 30) {
            return valid;
        }
        if (k < 45) { // any digits in the right places: month 13, day 31 of a short month, 29 February
            return String.format("%04d-%02d-%02d", r.nextInt(10_000), r.nextInt(14), r.nextInt(33));
        }
        return Mutate.string(r, Mutate.pick(r, new String[] {valid, "2024-02-29", "2025-02-29", "1900-02-29",
            "2000-02-29", "2025-12-31", "0000-01-01", "9999-12-31", "+2025-01-01", "20250101", "2025-1-1"}));
    }

    /** The reference: whether {@code s} names a real day, without java.time. */
    static boolean isDate(String s) {
        if (s == null || s.length() != 10 || s.charAt(4) != '-' || s.charAt(7) != '-') {
            return false;
        }
        for (int i : new int[] {0, 1, 2, 3, 5, 6, 8, 9}) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        int y = Integer.parseInt(s.substring(0, 4));
        int m = Integer.parseInt(s.substring(5, 7));
        int d = Integer.parseInt(s.substring(8, 10));
        boolean leap = y % 4 == 0 && (y % 100 != 0 || y % 400 == 0);
        int[] len = {31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
        return m >= 1 && m <= 12 && d >= 1 && d <= len[m - 1];
    }

    @Test
    @DisplayName("R-CAL-1 fuzz: IsoDate.parse accepts exactly the real yyyy-MM-dd days, else INVALID_DATE")
    void isoDate() {
        Fuzz.run("IsoDate.parse", Fuzz.tries(1), DateAndAdmdvsFuzzTest::dateText, s -> IsoDate.parse("d", s),
                new Fuzz.Oracle<String, LocalDate>() {
                    @Override
                    public void accepted(String s, LocalDate d) {
                        assertTrue(isDate(s), "the reference refuses it");
                        assertEquals(s, String.format("%04d-%02d-%02d", d.getYear(), d.getMonthValue(), d.getDayOfMonth()));
                    }

                    @Override
                    public void rejected(String s, WcsettleException e) {
                        assertFalse(isDate(s), "the reference accepts it");
                        assertEquals(s == null ? CoreErrorCode.INVALID_INPUT : CoreErrorCode.INVALID_DATE, e.errorCode());
                        assertEquals("d", e.field());
                    }
                });
    }

    static String admdvsText(SplittableRandom r) {
        int k = r.nextInt(100);
        if (k == 0) {
            return null;
        }
        String valid = Mutate.pick(r, new String[] {"110000", "110105", "150102", "430100", "429004", "439900",
            "430199", "820000", "710000"});
        if (k < 30) {
            return k < 15 ? valid : Mutate.digits(r, 6);
        }
        return Mutate.string(r, valid);
    }

    static boolean isAdmdvs(String s) {
        if (s == null || s.length() != 6 || !s.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return false;
        }
        return PROVINCES.contains(Integer.parseInt(s.substring(0, 2)));
    }

    @Test
    @DisplayName("R-FIL-6 fuzz: Admdvs.parse accepts six ASCII digits of a known province, else INVALID_ADMDVS")
    void admdvsParse() {
        Fuzz.run("Admdvs.parse", Fuzz.tries(1), DateAndAdmdvsFuzzTest::admdvsText, s -> Admdvs.parse("a", s),
                new Fuzz.Oracle<String, Admdvs>() {
                    @Override
                    public void accepted(String s, Admdvs a) {
                        assertTrue(isAdmdvs(s), "the reference refuses it");
                        assertEquals(s, a.code());
                        assertEquals(s.substring(0, 2) + "0000", a.province().code());
                        assertTrue(a.province().isProvince() && a.sameProvince(a.province()), "its province");
                    }

                    @Override
                    public void rejected(String s, WcsettleException e) {
                        assertFalse(isAdmdvs(s), "the reference accepts it");
                        assertEquals(CoreErrorCode.INVALID_ADMDVS, e.errorCode());
                        assertEquals("a", e.field());
                    }
                });
    }

    @Test
    @DisplayName("R-FIL-6 fuzz: new Admdvs(code) is the same check, null included")
    void admdvsConstructor() {
        Fuzz.run("new Admdvs", Fuzz.tries(0.5), DateAndAdmdvsFuzzTest::admdvsText, Admdvs::new,
                new Fuzz.Oracle<String, Admdvs>() {
                    @Override
                    public void accepted(String s, Admdvs a) {
                        assertTrue(isAdmdvs(s), "the reference refuses it");
                    }

                    @Override
                    public void rejected(String s, WcsettleException e) {
                        assertFalse(isAdmdvs(s), "the reference accepts it");
                        assertEquals(CoreErrorCode.INVALID_ADMDVS, e.errorCode());
                    }
                });
    }
}
