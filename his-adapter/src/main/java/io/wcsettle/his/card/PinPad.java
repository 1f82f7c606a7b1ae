package io.wcsettle.his.card;

/**
 * A reader's own PIN pad (PC/SC part 10 {@code FEATURE_VERIFY_PIN_DIRECT}): the holder types the
 * PIN on the reader, which sends VERIFY to the card itself, so the PIN never reaches the host.
 * {@link PcscCardChannel#pinPad()} offers one when the reader reports the feature.
 */
public interface PinPad {

    /**
     * Lets the holder enter the PIN on the reader and has the reader send {@code verifyTemplate}
     * ({@code 00 20 00 00 03 FF FF FF}) with the PIN filled in as three BCD bytes.
     *
     * @param verifyTemplate the VERIFY command with a placeholder PIN block
     * @return the card's response (its status word), or the PIN pad's {@code 6400} (timeout) /
     *         {@code 6401} (cancelled)
     * @throws CardReadException {@code CARD_IO} or {@code CARD_REMOVED} when the exchange fails
     */
    byte[] verifyPin(byte[] verifyTemplate);
}
