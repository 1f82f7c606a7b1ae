package io.wcsettle.his.card;

import java.util.Arrays;

/**
 * The card holder's PIN as typed into the HIS: six digits, kept as three BCD bytes (the VERIFY
 * data, PROTOCOL.md). Never logged: {@link #toString()} shows no digit, and no message or
 * exception carries it. {@link #clear()} overwrites it once it is no longer needed; a cleared PIN
 * cannot be used again.
 */
public final class Pin {

    /** Digits in a PIN of the social security card. */
    public static final int DIGITS = 6;

    private final byte[] bcd;
    private volatile boolean cleared;

    private Pin(byte[] bcd) {
        this.bcd = bcd;
    }

    /**
     * The PIN of {@code digits}.
     *
     * @param digits six ASCII digits; the caller may overwrite its array afterwards
     * @throws CardReadException {@code INVALID_PIN} (the message never shows the digits)
     */
    public static Pin of(char[] digits) {
        if (digits == null || digits.length != DIGITS) {
            throw new CardReadException(CardErrorCode.INVALID_PIN, "pin", "not " + DIGITS + " digits");
        }
        byte[] bcd = new byte[DIGITS / 2];
        for (int i = 0; i < DIGITS; i++) {
            int d = digits[i] - '0';
            if (d < 0 || d > 9) {
                Arrays.fill(bcd, (byte) 0);
                throw new CardReadException(CardErrorCode.INVALID_PIN, "pin", "not " + DIGITS + " digits");
            }
            bcd[i / 2] |= (byte) (i % 2 == 0 ? d << 4 : d);
        }
        return new Pin(bcd);
    }

    /** The three BCD bytes, a copy for one VERIFY; the caller clears it after sending. */
    byte[] bcd() {
        if (cleared) {
            throw new CardReadException(CardErrorCode.INVALID_PIN, "pin", "PIN was cleared");
        }
        return bcd.clone();
    }

    /** Overwrites the PIN. */
    public void clear() {
        Arrays.fill(bcd, (byte) 0);
        cleared = true;
    }

    @Override
    public String toString() {
        return "Pin[******]";
    }
}
