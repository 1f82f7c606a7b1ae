package io.wcsettle.his.card;

import java.util.Optional;

/**
 * The whole port to a card: send one command APDU, get the response APDU (data followed by the
 * two status word bytes), and, where the transport knows it, the card's answer to reset.
 * Implemented over PC/SC ({@link PcscCardChannel}) and by the testkit's simulated card; the card
 * parsers see nothing else.
 */
@FunctionalInterface
public interface ApduChannel {

    /**
     * Exchanges one APDU.
     *
     * @param command the command APDU
     * @return the response, never {@code null}, at least the two status word bytes
     * @throws CardReadException {@code CARD_REMOVED} when the card is gone, {@code CARD_IO} when
     *         the exchange failed otherwise
     */
    byte[] transceive(byte[] command);

    /** The card's ATR, when the transport knows it (PC/SC does); empty by default. */
    default Optional<byte[]> atr() {
        return Optional.empty();
    }
}
