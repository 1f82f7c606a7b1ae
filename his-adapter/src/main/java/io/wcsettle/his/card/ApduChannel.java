package io.wcsettle.his.card;

/**
 * The whole port to a card: send one command APDU, get the response APDU (data followed by the
 * two status word bytes). Implemented over PC/SC ({@link PcscCardChannel}) and by the testkit's
 * simulated card; the card parsers see nothing else.
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
}
