package io.wcsettle.testkit.card;

import java.time.LocalDate;

import io.wcsettle.his.card.IdNumber;

/**
 * Fictitious but valid GB 11643 numbers for simulated cards, with the check character computed by
 * {@link IdNumber#checkCharacter(CharSequence)} (the production code), never copied.
 */
public final class SampleIds {

    private SampleIds() {
    }

    /**
     * An 18-character number.
     *
     * @param area     six-digit area code (e.g. {@code 110105})
     * @param birth    the birth date
     * @param sequence 0–999 (odd for men, even for women)
     */
    public static String id18(String area, LocalDate birth, int sequence) {
        String first17 = area + String.format("%04d%02d%02d%03d", birth.getYear(), birth.getMonthValue(),
                birth.getDayOfMonth(), sequence);
        return first17 + IdNumber.checkCharacter(first17);
    }

    /**
     * A 15-digit number of GB 11643-1989 (born 1900–1999).
     *
     * @param area     six-digit area code
     * @param birth    the birth date, in the 1900s
     * @param sequence 0–999
     */
    public static String id15(String area, LocalDate birth, int sequence) {
        if (birth.getYear() < 1900 || birth.getYear() > 1999) {
            throw new IllegalArgumentException("15-digit numbers are for births in 1900-1999");
        }
        return area + String.format("%02d%02d%02d%03d", birth.getYear() % 100, birth.getMonthValue(),
                birth.getDayOfMonth(), sequence);
    }
}
