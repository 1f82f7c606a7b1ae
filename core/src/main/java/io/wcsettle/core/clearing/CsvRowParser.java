package io.wcsettle.core.clearing;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

import io.wcsettle.core.error.CoreErrorCode;
import io.wcsettle.core.region.Admdvs;

/**
 * Parses one row of a clearing CSV from bytes, without allocating: the fields land in this
 * object's public-in-package fields, and {@link #parse} returns the index after the row's line
 * end, {@link #NEED_MORE} (the row runs past the bytes given and the input has more), or
 * {@link #MALFORMED} (then {@link #errField}, {@link #errCode} and {@link #errMessage} say why).
 *
 * <p>Text fields ({@code record_id}, {@code institution_code}) are UTF-8 without quotes, commas
 * or control characters: a {@code "}, a CR that does not end the line, a byte below 0x20, DEL
 * (0x7F) or bytes that are not UTF-8 (GBK, Latin-1) refuse the row. They are scanned 8 bytes at a
 * time for all of those at once; any byte of 0x80 and above is checked as UTF-8 one sequence at
 * a time. Other fields are strict ASCII digits, dashes and dots.
 */
final class CsvRowParser {

    /** {@link #parse} result: the row continues past the bytes given. */
    static final int NEED_MORE = -1;
    /** {@link #parse} result: the row is malformed. */
    static final int MALFORMED = -2;

    /** Field indices, in header order. */
    static final int RECORD_ID = 0;
    static final int INSTITUTION_CODE = 3;

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long MAX_FEN = 10_000_000_000_000_000L; // 16 digits of fen
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;
    private static final boolean[] PROVINCES = new boolean[100];

    static {
        for (int p = 0; p < 100; p++) {
            PROVINCES[p] = Admdvs.isValid(String.format("%02d0000", p));
        }
    }

    // the parsed row
    int idStart;
    int idEnd;
    /** The id is 1..18 digits without a leading zero (or "0"); {@link #idNumber(byte[])} is its value. */
    boolean idNumeric;
    private long idNumber;
    private boolean idNumberKnown;
    /** Province numbers (the first two digits of the admdvs). */
    int insured;
    int treatment;
    int instStart;
    int instEnd;
    /** {@code yyyymmdd}. */
    int date;
    long fund;
    long deduction;

    // why the row is malformed
    int errField;
    CoreErrorCode errCode;
    String errMessage;

    private long amountValue;

    private int fail(int field, CoreErrorCode code, String message) {
        errField = field;
        errCode = code;
        errMessage = message;
        return MALFORMED;
    }

    private int fail(int field, String message) {
        return fail(field, CoreErrorCode.MALFORMED_ROW, message);
    }

    /**
     * Parses the row starting at {@code b[i]}, with valid bytes up to {@code end}; {@code eof}
     * tells whether the input ends at {@code end}.
     */
    int parse(byte[] b, int i, int end, boolean eof) {
        int next = parseId(b, i, end, eof);
        return next < 0 ? next : parseRest(b, next, end, eof);
    }

    /**
     * Parses the {@code record_id} at {@code b[i]}: the index after its comma, {@link #NEED_MORE}
     * or {@link #MALFORMED}. {@link #parseRest} goes on from there.
     */
    int parseId(byte[] b, int i, int end, boolean eof) {
        int start = i;
        if (i + 8 <= end) {
            // fast path: a numeric id of 1..7 digits followed by ',' parsed 8 bytes at once
            long x = (long) LONGS.get(b, i) - 0x3030303030303030L;
            long nonDigit = (x | (x + 0x7676767676767676L)) & HIGHS;
            int len = Long.numberOfTrailingZeros(nonDigit) >>> 3;
            if (len > 0 && len < 8 && b[i + len] == ',' && (b[i] != '0' || len == 1)) {
                long v = digits8(x << (8 * (8 - len)));
                idStart = start;
                idEnd = start + len;
                idNumeric = true;
                idNumber = v;
                idNumberKnown = true;
                return idEnd + 1;
            }
        }
        int j = text(b, i, end, eof, RECORD_ID);
        if (j < 0) {
            return j;
        }
        if (j == start) {
            return fail(RECORD_ID, "empty");
        }
        idStart = start;
        idEnd = j;
        idNumeric = false;
        idNumberKnown = false;
        int len = j - start;
        if (len <= 18 && (b[start] != '0' || len == 1)) {
            // only whether it is all digits, 8 at a time; the value is computed when asked for
            int k = start;
            for (; k + 8 <= j; k += 8) {
                long x = (long) LONGS.get(b, k) - 0x3030303030303030L;
                if (((x | (x + 0x7676767676767676L)) & HIGHS) != 0) {
                    break;
                }
            }
            for (; k < j; k++) {
                int d = b[k] - '0';
                if (d < 0 || d > 9) {
                    break;
                }
            }
            idNumeric = k == j;
        }
        return j + 1;
    }

    /**
     * The value of a numeric id ({@link #idNumeric}), from {@code b}, the bytes the row was
     * parsed from: computed at most once per row, and only when asked for (most long numeric
     * ids are refused by {@link DenseIdWindow#excludes} from their digits alone).
     */
    long idNumber(byte[] b) {
        if (!idNumberKnown) {
            long v = 0;
            int k = idStart;
            for (; k + 8 <= idEnd; k += 8) {
                v = v * 100_000_000L + digits8((long) LONGS.get(b, k) - 0x3030303030303030L);
            }
            for (; k < idEnd; k++) {
                v = v * 10 + (b[k] - '0');
            }
            idNumber = v;
            idNumberKnown = true;
        }
        return idNumber;
    }

    /** The value of 8 digit bytes already reduced to 0..9 each, first digit in the low byte. */
    private static long digits8(long x) {
        x = x * 10 + (x >>> 8);
        return (((x & 0x000000FF000000FFL) * (100 + (1000000L << 32)))
                + (((x >>> 16) & 0x000000FF000000FFL) * (1 + (10000L << 32)))) >>> 32;
    }

    /**
     * Bytes that end or refuse a text field, as the high bit of their byte: ',', '"', below 0x20,
     * 0x7F and above. The lowest flagged byte is always a real one (borrows and carries only
     * flag bytes above a real hit), which is all a scan needs.
     */
    static long specials(long w) {
        long comma = w ^ 0x2C2C2C2C2C2C2C2CL;
        long quote = w ^ 0x2222222222222222L;
        long isComma = (comma - ONES) & ~comma;
        long isQuote = (quote - ONES) & ~quote;
        long below20 = (w - 0x2020202020202020L) & ~w;
        long from7F = (w + ONES) | w;
        return (isComma | isQuote | below20 | from7F) & HIGHS;
    }

    /**
     * Scans a text field from {@code i}: the index of the ',' that ends it, {@link #NEED_MORE} or
     * {@link #MALFORMED}.
     */
    private int text(byte[] b, int i, int end, boolean eof, int field) {
        while (true) {
            while (i + 8 <= end) {
                long hit = specials((long) LONGS.get(b, i));
                if (hit != 0) {
                    i += Long.numberOfTrailingZeros(hit) >>> 3;
                    break;
                }
                i += 8;
            }
            if (i >= end) {
                return eof ? fail(field + 1, "missing field") : NEED_MORE;
            }
            byte c = b[i];
            if (c == ',') {
                return i;
            }
            if (c >= 0x20 && c < 0x7F && c != '"') {
                i++;
                continue;
            }
            if (c < 0) {
                int n = utf8(b, i, end);
                if (n == 0) {
                    if (!eof) {
                        return NEED_MORE;
                    }
                    n = -1;
                }
                if (n < 0) {
                    return fail(field, "not UTF-8 (GBK and other encodings are not supported)");
                }
                i += n;
                continue;
            }
            if (c == '"') {
                return fail(field, "quotes are not supported");
            }
            if (c == '\n') {
                return fail(field + 1, "missing field");
            }
            if (c == '\r') {
                if (i + 1 >= end && !eof) {
                    return NEED_MORE;
                }
                return i + 1 < end && b[i + 1] == '\n' ? fail(field + 1, "missing field")
                        : fail(field, "carriage return inside the field");
            }
            return fail(field, "control character");
        }
    }

    /**
     * Length of the well-formed UTF-8 sequence at {@code b[i]} (a byte of 0x80 or above): 2..4,
     * 0 when {@code end} cuts it, -1 when it is not UTF-8 (overlong forms, surrogates and code
     * points above U+10FFFF included).
     */
    static int utf8(byte[] b, int i, int end) {
        int c = b[i] & 0xFF;
        int n;
        int min = 0x80;
        int max = 0xBF;
        if (c >= 0xC2 && c <= 0xDF) {
            n = 2;
        } else if (c >= 0xE0 && c <= 0xEF) {
            n = 3;
            if (c == 0xE0) {
                min = 0xA0;
            } else if (c == 0xED) {
                max = 0x9F;
            }
        } else if (c >= 0xF0 && c <= 0xF4) {
            n = 4;
            if (c == 0xF0) {
                min = 0x90;
            } else if (c == 0xF4) {
                max = 0x8F;
            }
        } else {
            return -1;
        }
        for (int k = 1; k < n; k++) {
            if (i + k >= end) {
                return 0;
            }
            int d = b[i + k] & 0xFF;
            if (k == 1 ? d < min || d > max : d < 0x80 || d > 0xBF) {
                return -1;
            }
        }
        return n;
    }

    /** Parses the row from {@code insured_admdvs} on (after {@link #parseId}). */
    int parseRest(byte[] b, int i, int end, boolean eof) {
        int r = admdvs(b, i, end, eof, 1);
        if (r < 0) {
            return r;
        }
        insured = r;
        i += 7;
        r = admdvs(b, i, end, eof, 2);
        if (r < 0) {
            return r;
        }
        treatment = r;
        i += 7;
        if (insured == treatment) {
            return fail(2, CoreErrorCode.NOT_CROSS_PROVINCE, "insured and treatment in the same province");
        }
        int start = i;
        i = text(b, i, end, eof, INSTITUTION_CODE);
        if (i < 0) {
            return i;
        }
        if (i == start) {
            return fail(INSTITUTION_CODE, "empty");
        }
        instStart = start;
        instEnd = i;
        i++;
        // confirmed_on
        if (i + 11 > end) {
            if (!eof) {
                return NEED_MORE;
            }
            return fail(4, CoreErrorCode.INVALID_DATE, "not yyyy-MM-dd");
        }
        int d = date(b, i);
        if (d < 0 || b[i + 10] != ',') {
            return fail(4, CoreErrorCode.INVALID_DATE, "not yyyy-MM-dd");
        }
        date = d;
        i += 11;
        // fund_paid, deduction
        r = amount(b, i, end, eof, 5, ',');
        if (r < 0) {
            return r;
        }
        fund = amountValue;
        i = r;
        r = amount(b, i, end, eof, 6, '\n');
        if (r < 0) {
            return r;
        }
        deduction = amountValue;
        return r;
    }

    private int admdvs(byte[] b, int i, int end, boolean eof, int field) {
        if (i + 8 <= end) {
            // fast path: six ASCII digits followed by ',' checked 8 bytes at once
            long x = (long) LONGS.get(b, i) - 0x0000303030303030L;
            if (((x | (x + 0x0000767676767676L)) & 0x0000808080808080L) == 0 && (x >>> 48 & 0xFF) == ',') {
                int p = (int) (x & 0xFF) * 10 + (int) (x >>> 8 & 0xFF);
                return PROVINCES[p] ? p : fail(field, CoreErrorCode.INVALID_ADMDVS, "unknown province");
            }
        }
        if (i + 7 > end) {
            if (!eof) {
                return NEED_MORE;
            }
            return fail(field, CoreErrorCode.INVALID_ADMDVS, "not six digits");
        }
        int p = 0;
        for (int k = 0; k < 6; k++) {
            int digit = b[i + k] - '0';
            if (digit < 0 || digit > 9) {
                return fail(field, CoreErrorCode.INVALID_ADMDVS, "not six digits");
            }
            if (k < 2) {
                p = p * 10 + digit;
            }
        }
        if (b[i + 6] != ',') {
            return fail(field, CoreErrorCode.INVALID_ADMDVS, "not six digits");
        }
        if (!PROVINCES[p]) {
            return fail(field, CoreErrorCode.INVALID_ADMDVS, "unknown province");
        }
        return p;
    }

    /**
     * Parses a yuan amount ending with {@code terminator} (for the last field: a line end or
     * end of file); returns the index after the terminator.
     */
    private int amount(byte[] b, int i, int end, boolean eof, int field, char terminator) {
        // fast path for the common shape: 1..14 integer digits, '.', 1..2 decimals, terminator
        int start = i;
        long v = 0;
        int d;
        while (i < end && (d = b[i] - '0') >= 0 && d <= 9) {
            v = v * 10 + d;
            i++;
        }
        int intDigits = i - start;
        if (intDigits > 0 && intDigits <= 14 && i + 3 < end && b[i] == '.') {
            int d1 = b[i + 1] - '0';
            int d2 = b[i + 2] - '0';
            if (d1 >= 0 && d1 <= 9) {
                int after;
                if (d2 >= 0 && d2 <= 9) {
                    v = v * 100 + d1 * 10 + d2;
                    after = i + 3;
                } else {
                    v = v * 100 + d1 * 10;
                    after = i + 2;
                }
                if (b[after] == terminator) {
                    amountValue = v;
                    return after + 1;
                }
            }
        }
        return amountSlow(b, start, end, eof, field, terminator);
    }

    private int amountSlow(byte[] b, int i, int end, boolean eof, int field, char terminator) {
        long v = 0;
        int intDigits = 0;
        int frac = -1;
        while (true) {
            if (i >= end) {
                if (!eof) {
                    return NEED_MORE;
                }
                if (terminator != '\n') {
                    return fail(field + 1, "missing field");
                }
                break;
            }
            byte c = b[i];
            if (c >= '0' && c <= '9') {
                if (frac >= 0) {
                    if (++frac > 2) {
                        return fail(field, CoreErrorCode.INVALID_AMOUNT, "more than 2 decimals");
                    }
                } else {
                    intDigits++;
                }
                v = v * 10 + (c - '0');
                if (v >= MAX_FEN) {
                    return fail(field, CoreErrorCode.INVALID_AMOUNT, "too large");
                }
                i++;
                continue;
            }
            if (c == '.' && frac < 0) {
                frac = 0;
                i++;
                continue;
            }
            if (terminator == ',' && c == ',') {
                i++;
                break;
            }
            if (terminator == '\n') {
                if (c == '\n') {
                    i++;
                    break;
                }
                if (c == '\r') {
                    if (i + 1 >= end && !eof) {
                        return NEED_MORE;
                    }
                    if (i + 1 >= end || b[i + 1] == '\n') {
                        i += Math.min(2, end - i);
                        break;
                    }
                }
                if (c == ',') {
                    return fail(field, "extra fields after the last column");
                }
            } else if (c == '\n') {
                return fail(field + 1, "missing field");
            } else if (c == '\r') {
                if (i + 1 >= end && !eof) {
                    return NEED_MORE;
                }
                if (i + 1 < end && b[i + 1] == '\n') {
                    return fail(field + 1, "missing field");
                }
            }
            return fail(field, CoreErrorCode.INVALID_AMOUNT, c == '-' ? "negative" : "not a decimal");
        }
        if (intDigits == 0 || frac == 0) {
            return fail(field, CoreErrorCode.INVALID_AMOUNT, "not a decimal");
        }
        int scale = frac < 0 ? 0 : frac;
        for (int k = scale; k < 2; k++) {
            v *= 10;
        }
        if (v >= MAX_FEN) {
            return fail(field, CoreErrorCode.INVALID_AMOUNT, "too large");
        }
        amountValue = v;
        return i;
    }

    /** {@code yyyymmdd} of a valid ISO date at {@code i}, or -1. */
    static int date(byte[] b, int i) {
        if (i + 8 <= b.length) {
            // fast path: "yyyy-MM-" as one long: digits become 0..9, dashes 0
            long x = (long) LONGS.get(b, i) - 0x2D30302D30303030L;
            if (((x | (x + 0x7676767676767676L)) & HIGHS) == 0 && (x & 0xFF0000FF00000000L) == 0) {
                int d0 = b[i + 8] - '0';
                int d1 = b[i + 9] - '0';
                if (d0 < 0 || d0 > 9 || d1 < 0 || d1 > 9) {
                    return -1;
                }
                int y = (int) (x & 0xFF) * 1000 + (int) (x >>> 8 & 0xFF) * 100 + (int) (x >>> 16 & 0xFF) * 10
                        + (int) (x >>> 24 & 0xFF);
                int m = (int) (x >>> 40 & 0xFF) * 10 + (int) (x >>> 48 & 0xFF);
                int d = d0 * 10 + d1;
                if (y == 0 || m < 1 || m > 12 || d < 1 || (d > 28 && d > daysInMonth(y, m))) {
                    return -1;
                }
                return y * 10000 + m * 100 + d;
            }
        }
        if (b[i + 4] != '-' || b[i + 7] != '-') {
            return -1;
        }
        int y = 0;
        for (int k = 0; k < 4; k++) {
            int d = b[i + k] - '0';
            if (d < 0 || d > 9) {
                return -1;
            }
            y = y * 10 + d;
        }
        int m0 = b[i + 5] - '0';
        int m1 = b[i + 6] - '0';
        int d0 = b[i + 8] - '0';
        int d1 = b[i + 9] - '0';
        if (m0 < 0 || m0 > 9 || m1 < 0 || m1 > 9 || d0 < 0 || d0 > 9 || d1 < 0 || d1 > 9) {
            return -1;
        }
        int m = m0 * 10 + m1;
        int d = d0 * 10 + d1;
        if (y == 0 || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) {
            return -1;
        }
        return y * 10000 + m * 100 + d;
    }

    static int daysInMonth(int y, int m) {
        switch (m) {
            case 2:
                return (y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)) ? 29 : 28;
            case 4: case 6: case 9: case 11:
                return 30;
            default:
                return 31;
        }
    }
}
