package io.wcsettle.his.card;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * Decoding of item values by their encoding (PROTOCOL.md, card table): binary as hex, BCD dates,
 * BCD digits with {@code F} padding, printable ASCII and GBK text with trailing padding removed.
 * Every malformed value is refused with a typed error naming the item.
 */
final class CardText {

    static final Charset GBK = Charset.forName("GBK");

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private CardText() {
    }

    /** Upper-case hex of {@code value}. */
    static String hex(byte[] value) {
        char[] out = new char[value.length * 2];
        for (int i = 0; i < value.length; i++) {
            out[2 * i] = HEX[(value[i] >>> 4) & 0x0F];
            out[2 * i + 1] = HEX[value[i] & 0x0F];
        }
        return new String(out);
    }

    /**
     * Whether {@code s} is ASCII hex digits only (either case). Not {@link Character#digit}, which
     * also takes full-width ({@code ０}) and other scripts' digits ({@code ٠}).
     */
    static boolean isHex(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F')) {
                return false;
            }
        }
        return true;
    }

    /** {@code hex} (even length, hex digits) as bytes. */
    static byte[] unhex(String hex) {
        byte[] out = new byte[hex.length() / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) ((Character.digit(hex.charAt(2 * i), 16) << 4) | Character.digit(hex.charAt(2 * i + 1), 16));
        }
        return out;
    }

    /** The length of {@code value} without trailing {@code 00}, {@code 20} or {@code FF} padding. */
    private static int unpadded(byte[] value) {
        int end = value.length;
        while (end > 0 && (value[end - 1] == 0x00 || value[end - 1] == 0x20 || value[end - 1] == (byte) 0xFF)) {
            end--;
        }
        return end;
    }

    /**
     * Printable ASCII with trailing padding removed.
     *
     * @throws CardReadException {@code INVALID_CARD_FIELD}
     */
    static String ascii(byte[] value, String field) {
        int end = unpadded(value);
        for (int i = 0; i < end; i++) {
            if (value[i] < 0x20 || value[i] > 0x7E) {
                throw new CardReadException(CardErrorCode.INVALID_CARD_FIELD, field, "not printable ASCII");
            }
        }
        return new String(value, 0, end, StandardCharsets.US_ASCII);
    }

    /**
     * GBK text with trailing padding removed; malformed or unmappable bytes and control characters
     * are refused.
     *
     * @throws CardReadException {@code INVALID_GBK}
     */
    static String gbk(byte[] value, String field) {
        int end = unpadded(value);
        CharsetDecoder decoder = GBK.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        CharBuffer chars;
        try {
            chars = decoder.decode(ByteBuffer.wrap(value, 0, end));
        } catch (CharacterCodingException e) {
            throw new CardReadException(CardErrorCode.INVALID_GBK, field, "not valid GBK text");
        }
        String text = chars.toString();
        for (int i = 0; i < text.length(); i++) {
            if (Character.isISOControl(text.charAt(i))) {
                throw new CardReadException(CardErrorCode.INVALID_GBK, field, "control character in text");
            }
        }
        return text;
    }

    /**
     * BCD digits; a value may end in {@code F} nibbles (padding), after which no digit may follow.
     *
     * @throws CardReadException {@code INVALID_CARD_FIELD}
     */
    static String bcdDigits(byte[] value, String field) {
        StringBuilder sb = new StringBuilder(value.length * 2);
        boolean padding = false;
        for (byte b : value) {
            for (int nibble : new int[] {(b >>> 4) & 0x0F, b & 0x0F}) {
                if (nibble == 0x0F) {
                    padding = true;
                } else if (nibble > 9 || padding) {
                    throw new CardReadException(CardErrorCode.INVALID_CARD_FIELD, field, "not BCD digits with F padding");
                } else {
                    sb.append((char) ('0' + nibble));
                }
            }
        }
        return sb.toString();
    }

    /**
     * A date as four BCD bytes {@code yyyyMMdd}.
     *
     * @throws CardReadException {@code INVALID_CARD_FIELD}
     */
    static LocalDate date(byte[] value, String field) {
        if (value.length != 4) {
            throw new CardReadException(CardErrorCode.INVALID_CARD_FIELD, field,
                    "date of " + value.length + " bytes (4 BCD bytes expected)");
        }
        StringBuilder sb = new StringBuilder(8);
        for (byte b : value) {
            int hi = (b >>> 4) & 0x0F;
            int lo = b & 0x0F;
            if (hi > 9 || lo > 9) {
                throw new CardReadException(CardErrorCode.INVALID_CARD_FIELD, field, "date is not BCD");
            }
            sb.append((char) ('0' + hi)).append((char) ('0' + lo));
        }
        return parseDate(sb.toString(), field);
    }

    /**
     * {@code yyyyMMdd}.
     *
     * @throws CardReadException {@code INVALID_CARD_FIELD}
     */
    static LocalDate parseDate(String digits, String field) {
        if (!isDate(digits)) {
            throw new CardReadException(CardErrorCode.INVALID_CARD_FIELD, field, "date is not yyyyMMdd");
        }
        try {
            return LocalDate.of(Integer.parseInt(digits.substring(0, 4)),
                    Integer.parseInt(digits.substring(4, 6)), Integer.parseInt(digits.substring(6, 8)));
        } catch (DateTimeException e) {
            throw new CardReadException(CardErrorCode.INVALID_CARD_FIELD, field, "no such date");
        }
    }

    /** Whether {@code s} is eight ASCII digits. */
    static boolean isDate(String s) {
        if (s.length() != 8) {
            return false;
        }
        for (int i = 0; i < 8; i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }
}
