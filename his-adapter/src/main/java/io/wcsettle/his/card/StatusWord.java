package io.wcsettle.his.card;

/**
 * Status words (ISO/IEC 7816-4, as the third-generation social security card uses them), with
 * their meaning. {@code 61xx} and {@code 6Cxx} carry a length in their low byte; {@link #of(int)}
 * maps them to {@link #MORE_DATA_AVAILABLE} and {@link #WRONG_LE}.
 */
public enum StatusWord {
    /** 9000: success. */
    SUCCESS(0x9000, "success"),
    /** 61xx: more response bytes are available (GET RESPONSE with Le = xx). */
    MORE_DATA_AVAILABLE(0x6100, "more data available"),
    /** 6283: the selected file or application is invalidated (blocked application). */
    APPLICATION_BLOCKED(0x6283, "selected file invalidated (application blocked)"),
    /** 6300: authentication failed (external authenticate refused). */
    AUTHENTICATION_FAILED(0x6300, "authentication failed"),
    /** 6581: memory failure. */
    MEMORY_FAILURE(0x6581, "memory failure"),
    /** 6700: wrong length. */
    WRONG_LENGTH(0x6700, "wrong length"),
    /** 6982: security status not satisfied (external authentication needed). */
    SECURITY_STATUS_NOT_SATISFIED(0x6982, "security status not satisfied"),
    /** 6983: authentication method blocked. */
    AUTHENTICATION_BLOCKED(0x6983, "authentication method blocked"),
    /** 6984: referenced data invalidated (e.g. no challenge was requested). */
    REFERENCED_DATA_INVALIDATED(0x6984, "referenced data invalidated"),
    /** 6985: conditions of use not satisfied. */
    CONDITIONS_NOT_SATISFIED(0x6985, "conditions of use not satisfied"),
    /** 6986: command not allowed (no current EF). */
    COMMAND_NOT_ALLOWED(0x6986, "command not allowed (no current EF)"),
    /** 6A80: incorrect data in the command. */
    INCORRECT_DATA(0x6A80, "incorrect parameters in the data field"),
    /** 6A81: function not supported (card blocked). */
    FUNCTION_NOT_SUPPORTED(0x6A81, "function not supported (card blocked)"),
    /** 6A82: file or application not found. */
    FILE_NOT_FOUND(0x6A82, "file or application not found"),
    /** 6A83: record not found. */
    RECORD_NOT_FOUND(0x6A83, "record not found"),
    /** 6A86: incorrect P1 P2. */
    INCORRECT_P1_P2(0x6A86, "incorrect parameters P1-P2"),
    /** 6B00: wrong P1 P2. */
    WRONG_P1_P2(0x6B00, "wrong parameters P1-P2"),
    /** 6Cxx: wrong Le; xx is the exact length to ask for. */
    WRONG_LE(0x6C00, "wrong Le field"),
    /** 6D00: instruction not supported. */
    INS_NOT_SUPPORTED(0x6D00, "instruction code not supported"),
    /** 6E00: class not supported. */
    CLA_NOT_SUPPORTED(0x6E00, "class not supported"),
    /** 6F00: no precise diagnosis. */
    NO_PRECISE_DIAGNOSIS(0x6F00, "no precise diagnosis"),
    /** Any other value. */
    UNKNOWN(-1, "unknown status word");

    private final int value;
    private final String meaning;

    StatusWord(int value, String meaning) {
        this.value = value;
        this.meaning = meaning;
    }

    /** The two bytes as an int ({@code 0x9000}); for the {@code xx} families the base, {@code -1} for UNKNOWN. */
    public int value() {
        return value;
    }

    /** What the card means by it. */
    public String meaning() {
        return meaning;
    }

    /** The status word of {@code sw} ({@code 0x0000}–{@code 0xFFFF}). */
    public static StatusWord of(int sw) {
        int high = sw >>> 8;
        if (high == 0x61) {
            return MORE_DATA_AVAILABLE;
        }
        if (high == 0x6C) {
            return WRONG_LE;
        }
        for (StatusWord w : values()) {
            if (w.value == sw) {
                return w;
            }
        }
        return UNKNOWN;
    }

    /** The status word ending {@code response}. */
    public static StatusWord of(byte[] response) {
        return of(sw(response));
    }

    /** The last two bytes of {@code response} as an int. */
    static int sw(byte[] response) {
        if (response == null || response.length < 2) {
            throw new CardReadException(CardErrorCode.CARD_IO, null, "response shorter than a status word");
        }
        return ((response[response.length - 2] & 0xFF) << 8) | (response[response.length - 1] & 0xFF);
    }

    /** {@code 6A82}-style hex of {@code sw}. */
    static String hex(int sw) {
        return String.format("%04X", sw);
    }
}
