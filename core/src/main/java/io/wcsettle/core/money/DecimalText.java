package io.wcsettle.core.money;

import io.wcsettle.core.error.CoreErrorCode;
import io.wcsettle.core.error.InvalidInputException;

/**
 * Parses a plain decimal string ({@code -?[0-9]+(\.[0-9]+)?}, ASCII digits only: no sign
 * {@code +}, exponent, grouping, whitespace or full-width digits) into a {@code long} scaled by
 * {@code 10^scale}, without BigDecimal and without rounding (R-MON-1, R-MON-3). The scaled value
 * has at most {@code maxDigits} digits, checked before every multiplication, so nothing wraps.
 * Leading zeros are accepted ({@code "007.50"}) and do not count as digits.
 */
final class DecimalText {

    private static final long[] POW10 = {
        1L, 10L, 100L, 1_000L, 10_000L, 100_000L, 1_000_000L
    };

    /** LIMIT[d] = 10^d: a scaled value must stay below 10^maxDigits. */
    private static final long[] LIMIT = new long[19];

    static {
        long v = 1;
        for (int d = 0; d < LIMIT.length; d++) {
            LIMIT[d] = v;
            v = d < 18 ? v * 10 : v;
        }
    }

    private DecimalText() {
    }

    /**
     * @param field       field name for the error
     * @param text        the decimal string
     * @param scale       maximum number of decimals (0..6)
     * @param maxDigits   maximum number of digits of the scaled value, at most 18
     *                    (16 for the national interface's {@code (16, s)} columns)
     * @param allowNegative whether a leading minus is accepted
     */
    static long parse(String field, String text, int scale, int maxDigits, boolean allowNegative) {
        if (text == null) {
            throw new InvalidInputException(CoreErrorCode.INVALID_INPUT, field, "missing");
        }
        int n = text.length();
        int i = 0;
        boolean negative = false;
        if (n > 0 && text.charAt(0) == '-') {
            negative = true;
            i = 1;
        }
        long value = 0;
        int intDigits = 0;
        int fracDigits = 0;
        boolean dot = false;
        for (; i < n; i++) {
            char c = text.charAt(i);
            if (c == '.') {
                if (dot || intDigits == 0) {
                    throw invalid(field, text);
                }
                dot = true;
                continue;
            }
            if (c < '0' || c > '9') {
                throw invalid(field, text);
            }
            if (dot) {
                if (++fracDigits > scale) {
                    throw new InvalidInputException(CoreErrorCode.INVALID_AMOUNT, field,
                            "more than " + scale + " decimals");
                }
            } else {
                intDigits++;
            }
            value = value * 10 + (c - '0');
            if (value >= LIMIT[maxDigits]) {
                throw tooLarge(field, maxDigits, scale);
            }
        }
        if (intDigits == 0 || (dot && fracDigits == 0)) {
            throw invalid(field, text);
        }
        // value < 10^maxDigits here; scaling may overflow a long, so compare before multiplying
        long factor = POW10[scale - fracDigits];
        if (value >= LIMIT[maxDigits] / factor) {
            throw tooLarge(field, maxDigits, scale);
        }
        value *= factor;
        if (negative) {
            if (!allowNegative && value != 0) {
                throw new InvalidInputException(CoreErrorCode.INVALID_AMOUNT, field, "negative not allowed here");
            }
            value = -value;
        }
        return value;
    }

    private static InvalidInputException tooLarge(String field, int maxDigits, int scale) {
        return new InvalidInputException(CoreErrorCode.INVALID_AMOUNT, field,
                "more than " + (maxDigits - scale) + " integer digits");
    }

    private static InvalidInputException invalid(String field, String text) {
        return new InvalidInputException(CoreErrorCode.INVALID_AMOUNT, field,
                "not a plain decimal string (length " + text.length() + ")");
    }

    /** Formats {@code scaled / 10^scale} with exactly {@code scale} decimals. */
    static String format(long scaled, int scale) {
        boolean negative = scaled < 0;
        String digits = negative ? Long.toString(scaled).substring(1) : Long.toString(scaled);
        if (scale == 0) {
            return (negative ? "-" : "") + digits;
        }
        StringBuilder sb = new StringBuilder(digits.length() + 3);
        if (negative) {
            sb.append('-');
        }
        int pad = scale + 1 - digits.length();
        for (int k = 0; k < pad; k++) {
            sb.append('0');
        }
        sb.append(digits);
        sb.insert(sb.length() - scale, '.');
        return sb.toString();
    }
}
