package io.wcsettle.his.card;

import java.util.Optional;

import javax.smartcardio.Card;
import javax.smartcardio.CardChannel;
import javax.smartcardio.CardException;
import javax.smartcardio.CardTerminal;
import javax.smartcardio.CommandAPDU;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An {@link ApduChannel} over a card in a PC/SC reader, held exclusively
 * ({@code SCardBeginTransaction}) from opening to {@link #close()}. A card pulled out, reset or
 * otherwise lost, or an empty answer (what pcscd gives when the card vanishes mid-exchange),
 * surfaces as {@code CARD_REMOVED}; other failures as {@code CARD_IO}. APDUs are
 * never logged. Not thread-safe.
 */
public final class PcscCardChannel implements ApduChannel, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PcscCardChannel.class);

    private final Card card;
    private final CardChannel channel;

    private PcscCardChannel(Card card) {
        this.card = card;
        this.channel = card.getBasicChannel();
    }

    static PcscCardChannel open(CardTerminal terminal) throws CardException {
        Card card = terminal.connect("*");
        try {
            card.beginExclusive();
        } catch (CardException | RuntimeException e) {
            card.disconnect(false);
            throw e;
        }
        LOG.debug("card connected [protocol={}]", card.getProtocol());
        return new PcscCardChannel(card);
    }

    /** The card's answer to reset. */
    @Override
    public Optional<byte[]> atr() {
        return Optional.of(card.getATR().getBytes());
    }

    /**
     * The reader's PIN pad, when it reports {@code FEATURE_VERIFY_PIN_DIRECT} to
     * {@code CM_IOCTL_GET_FEATURE_REQUEST} (PC/SC v2 part 10). Empty when the reader has none or
     * refuses the control call (vpcd, for one, offers no features).
     */
    public Optional<PinPad> pinPad() {
        byte[] features;
        try {
            features = card.transmitControlCommand(
                    PcscPinPad.getFeatureRequestCode(System.getProperty("os.name", "").startsWith("Windows")),
                    new byte[0]);
        } catch (CardException | RuntimeException e) {
            LOG.debug("reader refused GET_FEATURE_REQUEST: {} {}", e.getClass().getSimpleName(),
                    PcscReaders.causeMessage(e));
            return Optional.empty();
        }
        Optional<Integer> code = PcscPinPad.verifyPinDirect(features);
        LOG.debug("reader features [bytes={}, verifyPinDirect={}]", features.length, code.isPresent());
        return code.map(c -> new PcscPinPad(card::transmitControlCommand, c));
    }

    @Override
    public byte[] transceive(byte[] command) {
        try {
            return channel.transmit(new CommandAPDU(command)).getBytes();
        } catch (CardException e) {
            throw translate(e);
        } catch (IllegalStateException e) {
            throw new CardReadException(CardErrorCode.CARD_REMOVED, null, "card disconnected", e);
        } catch (IllegalArgumentException e) {
            // pcscd answers nothing when the card went away during the exchange (seen with vpcd)
            throw new CardReadException(CardErrorCode.CARD_REMOVED, null, "card gave no response (removed?)", e);
        }
    }

    /** Ends the exclusive access and disconnects, leaving the card powered. Never throws. */
    @Override
    public void close() {
        try {
            card.endExclusive();
        } catch (CardException | RuntimeException e) {
            LOG.debug("end of exclusive access failed: {}", e.getClass().getSimpleName());
        }
        try {
            card.disconnect(false);
        } catch (CardException | RuntimeException e) {
            LOG.debug("disconnect failed: {}", e.getClass().getSimpleName());
        }
    }

    static CardReadException translate(CardException e) {
        String text = e.getMessage() + " " + PcscReaders.causeMessage(e);
        if (text.contains("REMOVED_CARD") || text.contains("NO_SMARTCARD") || text.contains("RESET_CARD")
                || text.contains("UNPOWERED_CARD") || text.contains("NOT_TRANSACTED")) {
            return new CardReadException(CardErrorCode.CARD_REMOVED, null, "card removed or reset", e);
        }
        if (text.contains("NO_READERS") || text.contains("READER_UNAVAILABLE") || text.contains("NO_SERVICE")
                || text.contains("SERVICE_STOPPED") || text.contains("INVALID_HANDLE") || text.contains("UNKNOWN_READER")) {
            return new CardReadException(CardErrorCode.READER_UNAVAILABLE, null, "reader unavailable", e);
        }
        return new CardReadException(CardErrorCode.CARD_IO, null, "PC/SC exchange failed", e);
    }
}
