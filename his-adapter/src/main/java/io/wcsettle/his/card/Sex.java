package io.wcsettle.his.card;

/**
 * 性别, the card's EF06 item {@code 0A}: one ASCII digit of GB/T 2261.1. PROTOCOL.md names
 * {@code 1} male and {@code 2} female; {@code 0} (not known) and {@code 9} (not stated) are the
 * standard's other two codes and are accepted as such. Anything else is refused.
 */
public enum Sex {
    /** {@code 0}: 未知的性别. */
    NOT_KNOWN('0'),
    /** {@code 1}: 男性. */
    MALE('1'),
    /** {@code 2}: 女性. */
    FEMALE('2'),
    /** {@code 9}: 未说明的性别. */
    NOT_STATED('9');

    private final char code;

    Sex(char code) {
        this.code = code;
    }

    /** The GB/T 2261.1 digit. */
    public char code() {
        return code;
    }

    /**
     * The sex of {@code code}.
     *
     * @throws CardReadException {@code INVALID_CARD_FIELD} naming {@code field}
     */
    static Sex of(String code, String field) {
        if (code != null && code.length() == 1) {
            for (Sex s : values()) {
                if (s.code == code.charAt(0)) {
                    return s;
                }
            }
        }
        throw new CardReadException(CardErrorCode.INVALID_CARD_FIELD, field, "not a GB/T 2261.1 sex code");
    }
}
