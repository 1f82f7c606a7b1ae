package io.wcsettle.his.card;

import java.time.DateTimeException;
import java.time.LocalDate;

import io.wcsettle.core.region.Admdvs;

/**
 * GB 11643-1999 citizen identification numbers, as the social security number (社会保障号码) uses
 * them: 17 digits and a mod 11-2 check character ({@code 0}–{@code 9} or {@code X}). The old
 * 15-digit numbers (GB 11643-1989: six-digit area, {@code yyMMdd}, three-digit sequence), still on
 * old records, are accepted and converted: {@code 19} is inserted before the year and the check
 * character computed.
 *
 * <p>Region: the first six digits are an area code. The table at hand is core's {@link Admdvs},
 * which knows the provinces of GB/T 2260 (34 province-level codes) but no lower level, so the
 * region check is on the province: the first two digits must be one of them, or {@code 83}
 * (Taiwan residents' residence permits, 830000, not in GB/T 2260). A number starting with {@code 9}
 * is a foreigner's permanent residence ID (2023 form): its digits 2–3 are the issuing province,
 * checked the same way.
 */
public final class IdNumber {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] CHECK = "10X98765432".toCharArray();

    private IdNumber() {
    }

    /**
     * Validates {@code text} (15 or 18 characters) and returns the 18-character number, a 15-digit
     * one converted, a lower-case check {@code x} upper-cased.
     *
     * @param text  the number as recorded
     * @param field the field name for errors
     * @return the 18-character number
     * @throws CardReadException {@code INVALID_ID_LENGTH}, {@code INVALID_ID_CHECK_DIGIT},
     *         {@code INVALID_ID_REGION}
     */
    public static String normalize(String text, String field) {
        if (text != null && text.length() == 15) {
            return validate18(from15(text, field), field);
        }
        return validate18(text, field);
    }

    /**
     * The 18-character form of a 15-digit number: {@code 19} inserted before the two-digit year,
     * the check character appended. Only the digits are checked here; {@link #normalize} checks
     * the rest.
     *
     * @throws CardReadException {@code INVALID_ID_LENGTH}, {@code INVALID_ID_CHECK_DIGIT}
     */
    public static String from15(String fifteen, String field) {
        if (fifteen == null || fifteen.length() != 15) {
            throw new CardReadException(CardErrorCode.INVALID_ID_LENGTH, field, "not 15 characters");
        }
        requireDigits(fifteen, 15, field);
        String first17 = fifteen.substring(0, 6) + "19" + fifteen.substring(6);
        return first17 + checkCharacter(first17);
    }

    /**
     * The check character of the first 17 digits of {@code id} (GB 11643, ISO 7064 MOD 11-2).
     *
     * @throws CardReadException {@code INVALID_ID_LENGTH} when {@code id} is missing or shorter than 17,
     *         {@code INVALID_ID_CHECK_DIGIT} when one of the 17 is no ASCII digit
     */
    public static char checkCharacter(CharSequence id) {
        if (id == null || id.length() < 17) {
            throw new CardReadException(CardErrorCode.INVALID_ID_LENGTH, "idNumber", "fewer than 17 characters");
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            int d = id.charAt(i) - '0';
            if (d < 0 || d > 9) {
                throw new CardReadException(CardErrorCode.INVALID_ID_CHECK_DIGIT, "idNumber",
                        "non-digit at position " + (i + 1));
            }
            sum += d * WEIGHTS[i];
        }
        return CHECK[sum % 11];
    }

    /**
     * The birth date in an 18-character number (digits 7–14).
     *
     * @throws CardReadException {@code INVALID_ID_LENGTH} when {@code id} is not 18 characters,
     *         {@code INVALID_ID_CHECK_DIGIT} when digits 7–14 are no date
     */
    public static LocalDate birthDate(String id) {
        requireLength18(id);
        String digits = id.substring(6, 14);
        if (!CardText.isDate(digits)) {
            throw new CardReadException(CardErrorCode.INVALID_ID_CHECK_DIGIT, "idNumber", "birth date is not 8 digits");
        }
        try {
            return LocalDate.of(Integer.parseInt(digits.substring(0, 4)), Integer.parseInt(digits.substring(4, 6)),
                    Integer.parseInt(digits.substring(6, 8)));
        } catch (DateTimeException e) {
            throw new CardReadException(CardErrorCode.INVALID_ID_CHECK_DIGIT, "idNumber", "impossible birth date");
        }
    }

    private static void requireLength18(String id) {
        if (id == null || id.length() != 18) {
            throw new CardReadException(CardErrorCode.INVALID_ID_LENGTH, "idNumber", "not 18 characters");
        }
    }

    /**
     * Whether the region prefix of an 18-character number names a known province (see the class doc).
     *
     * @throws CardReadException {@code INVALID_ID_LENGTH} when {@code id} is not 18 characters
     */
    public static boolean regionKnown(String id) {
        requireLength18(id);
        if (id.charAt(0) == '9') {
            return Admdvs.isValid(id.substring(1, 3) + "0000");
        }
        return id.startsWith("83") || Admdvs.isValid(id.substring(0, 6));
    }

    private static String validate18(String text, String field) {
        if (text == null || text.length() != 18) {
            throw new CardReadException(CardErrorCode.INVALID_ID_LENGTH, field, "neither 15 nor 18 characters");
        }
        String id = text.charAt(17) == 'x' ? text.substring(0, 17) + 'X' : text;
        requireDigits(id, 17, field);
        if (id.charAt(17) != checkCharacter(id)) {
            throw new CardReadException(CardErrorCode.INVALID_ID_CHECK_DIGIT, field, "check character does not match");
        }
        try {
            birthDate(id);
        } catch (CardReadException e) {
            throw new CardReadException(CardErrorCode.INVALID_ID_CHECK_DIGIT, field, "impossible birth date");
        }
        if (!regionKnown(id)) {
            throw new CardReadException(CardErrorCode.INVALID_ID_REGION, field, "region prefix is no known province");
        }
        return id;
    }

    private static void requireDigits(String s, int count, String field) {
        for (int i = 0; i < count; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                throw new CardReadException(CardErrorCode.INVALID_ID_CHECK_DIGIT, field,
                        "non-digit at position " + (i + 1));
            }
        }
    }
}
