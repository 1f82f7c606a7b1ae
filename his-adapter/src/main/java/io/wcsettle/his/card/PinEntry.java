package io.wcsettle.his.card;

import java.util.Arrays;
import java.util.Objects;

/**
 * How the holder's PIN reaches the card when a record answers {@code 6982}: typed into the HIS
 * ({@link #typed(Pin)}, sent as VERIFY {@code 00 20 00 00 03 <3 BCD bytes>}) or entered on the
 * reader's PIN pad ({@link #onPinPad(PinPad)}). Six wrong tries lock the card; each wrong try is
 * reported with the tries left ({@link CardReadException#triesLeft()}).
 */
public abstract class PinEntry {

    private PinEntry() {
    }

    /** The PIN typed into the HIS. It is not cleared by the reader; the caller clears it. */
    public static PinEntry typed(Pin pin) {
        if (pin == null) {
            throw new CardReadException(CardErrorCode.INVALID_PIN, "pin", "no PIN");
        }
        return new PinEntry() {
            @Override
            byte[] verify(Exchange exchange) {
                byte[] bcd = pin.bcd();
                byte[] command = Apdus.verify(bcd);
                Arrays.fill(bcd, (byte) 0);
                try {
                    return exchange.raw(command);
                } finally {
                    Arrays.fill(command, (byte) 0);
                }
            }

            @Override
            boolean onPinPad() {
                return false;
            }

            @Override
            public String toString() {
                return "PinEntry[typed]";
            }
        };
    }

    /** The PIN entered on the reader's PIN pad. */
    public static PinEntry onPinPad(PinPad pad) {
        Objects.requireNonNull(pad, "pad");
        return new PinEntry() {
            @Override
            byte[] verify(Exchange exchange) {
                return pad.verifyPin(Apdus.verifyTemplate());
            }

            @Override
            boolean onPinPad() {
                return true;
            }

            @Override
            public String toString() {
                return "PinEntry[pinPad]";
            }
        };
    }

    /** Sends VERIFY (or has the pad send it) and returns the response. */
    abstract byte[] verify(Exchange exchange);

    /** Whether {@code 6400} / {@code 6401} mean PIN pad timeout / cancel. */
    abstract boolean onPinPad();
}
