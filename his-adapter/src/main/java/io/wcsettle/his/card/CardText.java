package io.wcsettle.his.card;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.time.DateTimeException;
import java.time.LocalDate;

/** Decoding of record values: GBK text, ASCII fields and BCD dates. */
final class CardText {

    static final Charset GBK = Charset.forName("GBK");

    private CardText() {
    }

    /**
     * GBK text with trailing {@code 00} / space padding removed; malformed or unmappable bytes and
     * control characters are refused.
     *
     * @throws CardReadException {@code INVALID_GBK}
     */
    static String gbk(byte[] value, String field) {
        int end = value.length;
        while (end > 0 && (value[end - 1] == 0x00 || value[end - 1] == 0x20)) {
            end--;
        }
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
     * A date as four BCD bytes {@code yyyyMMdd}, or eight ASCII digits.
     *
     * @throws CardReadException {@code INVALID_CARD_FIELD}
     */
    static LocalDate date(byte[] value, String field) {
        String digits;
        if (value.length == 4) {
            StringBuilder sb = new StringBuilder(8);
            for (byte b : value) {
                int hi = (b >>> 4) & 0x0F;
                int lo = b & 0x0F;
                if (hi > 9 || lo > 9) {
                    throw new CardReadException(CardErrorCode.INVALID_CARD_FIELD, field, "date is not BCD");
                }
                sb.append((char) ('0' + hi)).append((char) ('0' + lo));
            }
            digits = sb.toString();
        } else if (value.length == 8) {
            digits = new String(value, java.nio.charset.StandardCharsets.US_ASCII);
        } else {
            throw new CardReadException(CardErrorCode.INVALID_CARD_FIELD, field,
                    "date of " + value.length + " bytes (4 BCD or 8 digits expected)");
        }
        return parseDate(digits, field);
    }

    /** {@code yyyyMMdd}. */
    static LocalDate parseDate(String digits, String field) {
        if (digits.length() != 8 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new CardReadException(CardErrorCode.INVALID_CARD_FIELD, field, "date is not yyyyMMdd");
        }
        try {
            return LocalDate.of(Integer.parseInt(digits.substring(0, 4)),
                    Integer.parseInt(digits.substring(4, 6)), Integer.parseInt(digits.substring(6, 8)));
        } catch (DateTimeException e) {
            throw new CardReadException(CardErrorCode.INVALID_CARD_FIELD, field, "no such date");
        }
    }
}
