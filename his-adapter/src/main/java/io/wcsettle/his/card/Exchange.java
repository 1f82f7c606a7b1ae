package io.wcsettle.his.card;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One read's conversation with the card: follows {@code 61xx} (GET RESPONSE) and {@code 6Cxx}
 * (resend with the exact Le), counts APDUs and turns status words into typed errors. Logs status
 * words and step names only, never APDU data.
 */
final class Exchange {

    private static final Logger LOG = LoggerFactory.getLogger(Exchange.class);

    private final ApduChannel channel;
    private int apdus;

    Exchange(ApduChannel channel) {
        this.channel = channel;
    }

    int apduCount() {
        return apdus;
    }

    /** Sends {@code command}; returns the final response (data + SW) after 61xx / 6Cxx handling. */
    byte[] send(byte[] command) {
        byte[] response = raw(command);
        int sw = StatusWord.sw(response);
        if ((sw >>> 8) == 0x6C && command.length == 5) {
            response = raw(Apdus.withLe(command, sw & 0xFF));
            sw = StatusWord.sw(response);
        }
        if ((sw >>> 8) == 0x61) {
            byte[] data = Apdus.data(response);
            byte[] more = raw(Apdus.getResponse(sw & 0xFF));
            byte[] joined = new byte[data.length + more.length];
            System.arraycopy(data, 0, joined, 0, data.length);
            System.arraycopy(more, 0, joined, data.length, more.length);
            response = joined;
        }
        return response;
    }

    /** Sends {@code command} and returns its data, requiring {@code 9000}. */
    byte[] expectSuccess(byte[] command, String step) {
        byte[] response = send(command);
        int sw = StatusWord.sw(response);
        if (sw != 0x9000) {
            throw failure(sw, step);
        }
        return Apdus.data(response);
    }

    static CardReadException failure(int sw, String step) {
        StatusWord word = StatusWord.of(sw);
        LOG.debug("card answered {} ({}) at step {}", StatusWord.hex(sw), word.meaning(), step);
        CardErrorCode code = switch (word) {
            case APPLICATION_BLOCKED, FUNCTION_NOT_SUPPORTED -> CardErrorCode.CARD_BLOCKED;
            case SECURITY_STATUS_NOT_SATISFIED -> CardErrorCode.PSAM_REQUIRED;
            default -> CardErrorCode.UNEXPECTED_STATUS_WORD;
        };
        return new CardReadException(code, step, "status word " + StatusWord.hex(sw) + ": " + word.meaning());
    }

    private byte[] raw(byte[] command) {
        apdus++;
        byte[] response = channel.transceive(command);
        if (response == null || response.length < 2) {
            throw new CardReadException(CardErrorCode.CARD_IO, null, "response shorter than a status word");
        }
        return response;
    }
}
