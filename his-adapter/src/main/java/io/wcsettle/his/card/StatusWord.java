package io.wcsettle.his.card;

import java.util.Optional;

/**
 * Status words (ISO/IEC 7816-4, as the social security card and PC/SC PIN pads use them), each
 * with its meaning and the {@link CardErrorCode} it stands for when a step ends with it. Four are
 * families whose low byte carries a number: {@code 61xx} ({@link #MORE_DATA_AVAILABLE}, xx bytes
 * waiting), {@code 6Cxx} ({@link #WRONG_LE}, resend with Le = xx), {@code 63Cx}
 * ({@link #VERIFICATION_FAILED}, x tries left); {@link #of(int)} maps every value of the family to
 * its constant. Every value of {@code 0000}–{@code FFFF} maps to exactly one constant, the same one
 * every time; values without their own constant are {@link #UNKNOWN}.
 */
public enum StatusWord {
    /** 9000: success. */
    SUCCESS(0x9000, 0xFFFF, "success", null),
    /** 61xx: xx more response bytes are available (GET RESPONSE {@code 00 C0 00 00 xx}). */
    MORE_DATA_AVAILABLE(0x6100, 0xFF00, "more data available", CardErrorCode.RESPONSE_INCOMPLETE),
    /** 6282: end of the record reached before Le bytes were read; the data is returned. */
    END_OF_RECORD_REACHED(0x6282, 0xFFFF, "end of record reached before Le bytes", null),
    /** 6283: the selected application is invalidated (blocked). */
    APPLICATION_BLOCKED(0x6283, 0xFFFF, "application blocked", CardErrorCode.CARD_BLOCKED),
    /** 6300: authentication failed (EXTERNAL AUTHENTICATE refused the cryptogram). */
    AUTHENTICATION_FAILED(0x6300, 0xFFFF, "authentication failed", CardErrorCode.PSAM_AUTH_FAILED),
    /** 63Cx: PIN verification failed, x tries left. */
    VERIFICATION_FAILED(0x63C0, 0xFFF0, "verification failed", CardErrorCode.PIN_INCORRECT),
    /**
     * 6400: execution error, state unchanged. A PC/SC PIN pad answers it when PIN entry timed out;
     * the PIN pad path reports that as {@link CardErrorCode#PIN_ENTRY_TIMEOUT}.
     */
    EXECUTION_ERROR(0x6400, 0xFFFF, "execution error, state unchanged", CardErrorCode.CARD_EXECUTION_ERROR),
    /** 6401: a PC/SC PIN pad's answer when the holder cancelled PIN entry. */
    PIN_ENTRY_CANCELLED(0x6401, 0xFFFF, "PIN entry cancelled on the PIN pad", CardErrorCode.PIN_ENTRY_CANCELLED),
    /** 6581: memory failure. */
    MEMORY_FAILURE(0x6581, 0xFFFF, "memory failure", CardErrorCode.CARD_MEMORY_FAILURE),
    /** 6700: wrong length (Lc or Le). */
    WRONG_LENGTH(0x6700, 0xFFFF, "wrong length", CardErrorCode.WRONG_LENGTH),
    /** 6901: command not accepted (inactive state). */
    COMMAND_NOT_ACCEPTED(0x6901, 0xFFFF, "command not accepted (inactive state)", CardErrorCode.COMMAND_NOT_ACCEPTED),
    /** 6982: security status not satisfied (PIN or external authentication needed first). */
    SECURITY_STATUS_NOT_SATISFIED(0x6982, 0xFFFF, "security status not satisfied",
            CardErrorCode.SECURITY_STATUS_NOT_SATISFIED),
    /** 6983: card locked, the authentication method (PIN) is blocked. */
    CARD_LOCKED(0x6983, 0xFFFF, "card locked (authentication method blocked)", CardErrorCode.CARD_LOCKED),
    /** 6984: referenced data invalidated (e.g. no challenge was requested). */
    REFERENCED_DATA_INVALIDATED(0x6984, 0xFFFF, "referenced data invalidated",
            CardErrorCode.REFERENCED_DATA_INVALIDATED),
    /** 6985: conditions of use not satisfied. */
    CONDITIONS_NOT_SATISFIED(0x6985, 0xFFFF, "conditions of use not satisfied", CardErrorCode.CONDITIONS_NOT_SATISFIED),
    /** 6986: command not allowed (no current EF). */
    COMMAND_NOT_ALLOWED(0x6986, 0xFFFF, "command not allowed (no current EF)", CardErrorCode.COMMAND_NOT_ALLOWED),
    /** 6A80: incorrect data in the command. */
    INCORRECT_DATA(0x6A80, 0xFFFF, "incorrect parameters in the data field", CardErrorCode.INCORRECT_DATA),
    /** 6A81: function not supported. */
    FUNCTION_NOT_SUPPORTED(0x6A81, 0xFFFF, "function not supported", CardErrorCode.FUNCTION_NOT_SUPPORTED),
    /** 6A82: file or application not found. */
    FILE_NOT_FOUND(0x6A82, 0xFFFF, "file or application not found", CardErrorCode.FILE_NOT_FOUND),
    /** 6A83: record not found. */
    RECORD_NOT_FOUND(0x6A83, 0xFFFF, "record not found", CardErrorCode.RECORD_NOT_FOUND),
    /** 6A86: incorrect parameters P1-P2. */
    INCORRECT_P1_P2(0x6A86, 0xFFFF, "incorrect parameters P1-P2", CardErrorCode.WRONG_PARAMETERS),
    /** 6A88: referenced data (key) not found. */
    REFERENCED_DATA_NOT_FOUND(0x6A88, 0xFFFF, "referenced data (key) not found", CardErrorCode.REFERENCED_DATA_NOT_FOUND),
    /** 6B00: wrong parameters P1-P2. */
    WRONG_P1_P2(0x6B00, 0xFFFF, "wrong parameters P1-P2", CardErrorCode.WRONG_PARAMETERS),
    /** 6Cxx: wrong Le; xx is the exact length to ask for. */
    WRONG_LE(0x6C00, 0xFF00, "wrong Le field", CardErrorCode.LE_NOT_ACCEPTED),
    /** 6D00: instruction code not supported. */
    INS_NOT_SUPPORTED(0x6D00, 0xFFFF, "instruction code not supported", CardErrorCode.COMMAND_NOT_SUPPORTED),
    /** 6E00: class not supported. */
    CLA_NOT_SUPPORTED(0x6E00, 0xFFFF, "class not supported", CardErrorCode.COMMAND_NOT_SUPPORTED),
    /** 6F00: no precise diagnosis. */
    NO_PRECISE_DIAGNOSIS(0x6F00, 0xFFFF, "no precise diagnosis", CardErrorCode.CARD_EXECUTION_ERROR),
    /** 9303: application permanently locked. */
    APPLICATION_LOCKED(0x9303, 0xFFFF, "application permanently locked", CardErrorCode.APPLICATION_LOCKED),
    /** Any other value. */
    UNKNOWN(-1, 0, "unknown status word", CardErrorCode.UNEXPECTED_STATUS_WORD);

    private static final StatusWord[] BY_VALUE = new StatusWord[0x10000];

    static {
        for (int sw = 0; sw <= 0xFFFF; sw++) {
            StatusWord found = UNKNOWN;
            for (StatusWord w : values()) {
                if (w != UNKNOWN && (sw & w.mask) == w.value) {
                    found = w;
                    break;
                }
            }
            BY_VALUE[sw] = found;
        }
    }

    private final int value;
    private final int mask;
    private final String meaning;
    private final CardErrorCode errorCode;

    StatusWord(int value, int mask, String meaning, CardErrorCode errorCode) {
        this.value = value;
        this.mask = mask;
        this.meaning = meaning;
        this.errorCode = errorCode;
    }

    /** The two bytes as an int ({@code 0x9000}); for a family its base ({@code 0x6100}); {@code -1} for UNKNOWN. */
    public int value() {
        return value;
    }

    /** What the card (or the PIN pad) means by it. */
    public String meaning() {
        return meaning;
    }

    /**
     * The error a step ending with this status word fails with; empty for {@link #SUCCESS} and
     * {@link #END_OF_RECORD_REACHED} (data returned).
     */
    public Optional<CardErrorCode> errorCode() {
        return Optional.ofNullable(errorCode);
    }

    /** Whether the low bits carry a number ({@code 61xx}, {@code 6Cxx}, {@code 63Cx}). */
    public boolean isFamily() {
        return this != UNKNOWN && mask != 0xFFFF;
    }

    /**
     * The status word of this meaning carrying {@code number} in its low bits: the length for
     * {@code 61xx} / {@code 6Cxx} (0–255), the tries left for {@code 63Cx} (0–15).
     *
     * @throws IllegalArgumentException when this is no family or {@code number} does not fit
     */
    public int with(int number) {
        if (!isFamily() || number < 0 || (number & mask) != 0) {
            throw new IllegalArgumentException(name() + " carries no number " + number);
        }
        return value | number;
    }

    /** This status word as its two bytes; for a family use {@link #bytes(int)}. */
    public byte[] bytes() {
        if (this == UNKNOWN || isFamily()) {
            throw new IllegalArgumentException(name() + " has no single value");
        }
        return new byte[] {(byte) (value >>> 8), (byte) value};
    }

    /** {@link #with(int)} as two bytes. */
    public byte[] bytes(int number) {
        int sw = with(number);
        return new byte[] {(byte) (sw >>> 8), (byte) sw};
    }

    /** The status word of {@code sw} ({@code 0x0000}–{@code 0xFFFF}); anything else is UNKNOWN. */
    public static StatusWord of(int sw) {
        return sw < 0 || sw > 0xFFFF ? UNKNOWN : BY_VALUE[sw];
    }

    /** The status word ending {@code response}. */
    public static StatusWord of(byte[] response) {
        return of(sw(response));
    }

    /** The tries left of a {@code 63Cx}, or -1 for any other status word. */
    public static int triesLeft(int sw) {
        return of(sw) == VERIFICATION_FAILED ? sw & 0x0F : -1;
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
