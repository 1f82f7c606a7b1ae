package io.wcsettle.his.card;

import java.util.Arrays;

/**
 * One card record as {@code tag len value}: the tag is the data item (PROTOCOL.md table), the length one byte
 * ({@code 00}–{@code 7F}) or {@code 81 xx}. The record must be exactly one TLV of the expected tag;
 * anything else is refused, never guessed at.
 */
final class Tlv {

    private Tlv() {
    }

    /**
     * The value of the single TLV of {@code record}.
     *
     * @throws CardReadException {@code TLV_TRUNCATED}, {@code TLV_MALFORMED}
     */
    static byte[] value(byte[] record, int expectedTag, String field) {
        if (record.length < 2) {
            throw new CardReadException(CardErrorCode.TLV_TRUNCATED, field, "record ends inside the TLV header");
        }
        int tag = record[0] & 0xFF;
        if (tag != expectedTag) {
            throw new CardReadException(CardErrorCode.TLV_MALFORMED, field,
                    "tag " + String.format("%02X", tag) + " where " + String.format("%02X", expectedTag) + " was expected");
        }
        int length = record[1] & 0xFF;
        int offset = 2;
        if (length == 0x81) {
            if (record.length < 3) {
                throw new CardReadException(CardErrorCode.TLV_TRUNCATED, field, "record ends inside the TLV length");
            }
            length = record[2] & 0xFF;
            offset = 3;
        } else if (length > 0x7F) {
            throw new CardReadException(CardErrorCode.TLV_MALFORMED, field,
                    "unsupported length form " + String.format("%02X", length));
        }
        if (record.length < offset + length) {
            throw new CardReadException(CardErrorCode.TLV_TRUNCATED, field,
                    "value of " + length + " bytes but only " + (record.length - offset) + " present");
        }
        if (record.length > offset + length) {
            throw new CardReadException(CardErrorCode.TLV_MALFORMED, field,
                    (record.length - offset - length) + " bytes after the TLV");
        }
        return Arrays.copyOfRange(record, offset, offset + length);
    }
}
