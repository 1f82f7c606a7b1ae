package io.wcsettle.core.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * Mutations of valid inputs, the way bad input arrives in the field: truncation, byte flips,
 * deletions and duplications, huge and tiny numbers, exponents, leading zeros, signs, full-width
 * and other non-ASCII digits, whitespace of every kind, control characters, lone surrogates,
 * structural characters ({@code , " [ {}}).
 */
public final class Mutate {

    /** Tokens worth inserting anywhere. */
    static final String[] TOKENS = {
        "", "-", "+", ".", "..", ",", "e", "E", "e10", "E-5", "e+3", "1e999", "9e2147483647",
        "1e-999999999", "0x1F", " ", "  ", "\t", "\n", "\r\n", "\u00a0", "\u3000", "\u2028", "\u0000",
        "\u0001", "\uFEFF", "\uD800", "\uDC00", "\uD83D\uDE00", "１", "２０２５", "٣", "०", "¥", "元", "'",
        "\"", "\\", "/", "NaN", "Infinity", "-Infinity", "null", "true", "-0", "0", "00", "000000000000",
        "00000000000000000000", "99999999999999999999", "9223372036854775807", "9223372036854775808",
        "-9223372036854775808", "18446744073709551616", "0.0000000001", "1000000000", "2147483648",
        "[", "]", "{", "}", ":", "#", "%", "\\u0000", "\\ud800", "\\u-001", "\\u00zz"
    };

    /** Characters worth substituting for one character. */
    private static final char[] CHARS = {
        '0', '1', '5', '9', '.', '-', '+', 'e', 'E', ' ', '\t', '\n', '\r', ',', '"', '\\', '[', ']',
        '{', '}', ':', '\u0000', '\u007f', '\u00a0', '\u3000', '\uFEFF', '\uD800', '０', '９', '٠', '٩',
        '०', '〇', '一', 'Ｏ', 'O', 'l', 'x', '-', '−', '–', '．', '，'
    };

    private Mutate() {
    }

    /** One to four stacked mutations of {@code seed}. */
    public static String string(SplittableRandom r, String seed) {
        String s = seed;
        int n = 1 + r.nextInt(4);
        for (int k = 0; k < n; k++) {
            s = once(r, s);
        }
        return s;
    }

    /** One mutation. */
    public static String once(SplittableRandom r, String s) {
        int len = s.length();
        int at = len == 0 ? 0 : r.nextInt(len + 1);
        switch (r.nextInt(13)) {
            case 0: // truncation
                return s.substring(0, r.nextInt(len + 1));
            case 1: // deletion
                if (len == 0) {
                    return s;
                }
                int from = r.nextInt(len);
                return s.substring(0, from) + s.substring(Math.min(len, from + 1 + r.nextInt(3)));
            case 2: // insertion of a token
                return s.substring(0, at) + pick(r, TOKENS) + s.substring(at);
            case 3: // substitution of a character
                if (len == 0) {
                    return String.valueOf(CHARS[r.nextInt(CHARS.length)]);
                }
                int c = r.nextInt(len);
                return s.substring(0, c) + CHARS[r.nextInt(CHARS.length)] + s.substring(c + 1);
            case 4: // bit flip in the UTF-8 bytes, decoded leniently
                return new String(flip(r, s.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
            case 5: // duplication of a slice
                if (len == 0) {
                    return s;
                }
                int a = r.nextInt(len);
                int b = Math.min(len, a + 1 + r.nextInt(8));
                return s.substring(0, b) + s.substring(a, b).repeat(1 + r.nextInt(3)) + s.substring(b);
            case 6: // ASCII digits to full-width
                return fullWidth(s, r);
            case 7: // leading zeros
                return "0".repeat(1 + r.nextInt(20)) + s;
            case 8: // a huge digit run
                return s.substring(0, at) + "9".repeat(1 + r.nextInt(30)) + s.substring(at);
            case 9: // an exponent
                return s + pick(r, new String[] {"e3", "E-2", "e+0", "e2147483647", "e-999999999"});
            case 10: // sign games
                return pick(r, new String[] {"-", "+", "--", "-+", " -", "−"}) + s;
            case 11: // surrounding whitespace
                String w = pick(r, new String[] {" ", "\t", "\u00a0", "\u3000", "\n", "\r"});
                return r.nextBoolean() ? w + s : s + w;
            default: // swap two characters
                if (len < 2) {
                    return s;
                }
                char[] cs = s.toCharArray();
                int i = r.nextInt(len);
                int j = r.nextInt(len);
                char t = cs[i];
                cs[i] = cs[j];
                cs[j] = t;
                return new String(cs);
        }
    }

    /** Flips one to three bits of random bytes (a copy). */
    public static byte[] flip(SplittableRandom r, byte[] bytes) {
        byte[] b = bytes.clone();
        if (b.length == 0) {
            return b;
        }
        int n = 1 + r.nextInt(3);
        for (int k = 0; k < n; k++) {
            int i = r.nextInt(b.length);
            b[i] ^= (byte) (1 << r.nextInt(8));
        }
        return b;
    }

    /** Replaces some ASCII digits with their full-width forms. */
    static String fullWidth(String s, SplittableRandom r) {
        StringBuilder sb = new StringBuilder(s.length());
        boolean all = r.nextBoolean();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9' && (all || r.nextInt(3) == 0)) {
                sb.append((char) ('０' + (c - '0')));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** A copy of the tokens worth inserting anywhere (for other modules' generators). */
    public static String[] tokensForTests() {
        return TOKENS.clone();
    }

    /** A random element. */
    public static <T> T pick(SplittableRandom r, T[] values) {
        return values[r.nextInt(values.length)];
    }

    /** A random ASCII digit string of {@code n} digits. */
    public static String digits(SplittableRandom r, int n) {
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            sb.append((char) ('0' + r.nextInt(10)));
        }
        return sb.toString();
    }

    /** A long biased to the edges: 0, ±1, powers of ten, near {@code Long.MIN/MAX_VALUE}, or anything. */
    public static long edgyLong(SplittableRandom r) {
        switch (r.nextInt(8)) {
            case 0:
                return pick(r, new Long[] {0L, 1L, -1L, Long.MAX_VALUE, Long.MIN_VALUE, Long.MAX_VALUE - 1,
                    Long.MIN_VALUE + 1, 3_037_000_499L, -3_037_000_499L, 3_037_000_500L, Integer.MAX_VALUE + 1L});
            case 1:
                long p = 1;
                int e = r.nextInt(19);
                for (int i = 0; i < e; i++) {
                    p *= 10;
                }
                return r.nextBoolean() ? p - r.nextInt(2) : -p;
            case 2:
                return r.nextLong();
            case 3:
                return Long.MAX_VALUE / (1 + r.nextInt(100_000)) * (r.nextBoolean() ? 1 : -1);
            default:
                long bound = 1L << (1 + r.nextInt(62));
                return r.nextLong(-bound, bound);
        }
    }
}
