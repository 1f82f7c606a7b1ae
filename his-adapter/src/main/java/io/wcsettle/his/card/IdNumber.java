package io.wcsettle.his.card;

import java.time.DateTimeException;
import java.time.LocalDate;

/** GB 11643-1999 citizen identification number: 17 digits and a mod 11-2 check character. */
final class IdNumber {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] CHECK = "10X98765432".toCharArray();

    private IdNumber() {
    }

    /**
     * Validates {@code text} and returns it with a lower-case check {@code x} upper-cased.
     *
     * @throws CardReadException {@code INVALID_ID_LENGTH}, {@code INVALID_ID_CHECK_DIGIT}
     */
    static String validate(String text, String field) {
        if (text == null || text.length() != 18) {
            throw new CardReadException(CardErrorCode.INVALID_ID_LENGTH, field, "not 18 characters");
        }
        String id = text.charAt(17) == 'x' ? text.substring(0, 17) + 'X' : text;
        for (int i = 0; i < 17; i++) {
            char c = id.charAt(i);
            if (c < '0' || c > '9') {
                throw new CardReadException(CardErrorCode.INVALID_ID_CHECK_DIGIT, field, "non-digit in the first 17");
            }
        }
        if (id.charAt(17) != checkCharacter(id)) {
            throw new CardReadException(CardErrorCode.INVALID_ID_CHECK_DIGIT, field, "check character does not match");
        }
        try {
            birthDate(id);
        } catch (DateTimeException e) {
            throw new CardReadException(CardErrorCode.INVALID_ID_CHECK_DIGIT, field, "impossible birth date");
        }
        return id;
    }

    /** The check character of the first 17 digits of {@code id}. */
    static char checkCharacter(CharSequence id) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (id.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK[sum % 11];
    }

    static LocalDate birthDate(String id) {
        return LocalDate.of(Integer.parseInt(id.substring(6, 10)), Integer.parseInt(id.substring(10, 12)),
                Integer.parseInt(id.substring(12, 14)));
    }
}
