package io.wcsettle.his.card;

import java.io.ByteArrayOutputStream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One read's conversation with the card: follows {@code 6Cxx} (resend with Le = xx) and
 * {@code 61xx} (GET RESPONSE {@code 00 C0 00 00 xx}, repeated while the card has more), counts
 * APDUs and turns status words into typed errors. Logs status words and step names only, never
 * APDU data.
 */
final class Exchange {

    private static final Logger LOG = LoggerFactory.getLogger(Exchange.class);

    /** How often a {@code 6Cxx} is followed before it counts as refused. */
    private static final int MAX_LE_RESENDS = 2;
    /** How many GET RESPONSE rounds one command may need (256 bytes each). */
    private static final int MAX_GET_RESPONSES = 16;

    /**
     * The final answer to one command.
     *
     * @param data    the response data, GET RESPONSE parts joined
     * @param sw      the final status word
     * @param firstSw the status word of the first answer (e.g. {@code 61xx} before GET RESPONSE)
     */
    record Response(byte[] data, int sw, int firstSw) {
    }

    private final ApduChannel channel;
    private int apdus;

    Exchange(ApduChannel channel) {
        this.channel = channel;
    }

    ApduChannel channel() {
        return channel;
    }

    int apduCount() {
        return apdus;
    }

    /** Sends {@code command} and follows {@code 6Cxx} and {@code 61xx}. */
    Response send(byte[] command) {
        byte[] cmd = command;
        byte[] response = raw(cmd);
        int sw = StatusWord.sw(response);
        int first = sw;
        for (int i = 0; (sw >>> 8) == 0x6C && Apdus.hasLe(cmd) && i < MAX_LE_RESENDS; i++) {
            cmd = Apdus.withLe(cmd, sw & 0xFF);
            response = raw(cmd);
            sw = StatusWord.sw(response);
        }
        if ((sw >>> 8) != 0x61) {
            return new Response(Apdus.data(response), sw, first);
        }
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        data.writeBytes(Apdus.data(response));
        for (int i = 0; (sw >>> 8) == 0x61 && i < MAX_GET_RESPONSES; i++) {
            byte[] part = raw(Apdus.getResponse(sw & 0xFF));
            sw = StatusWord.sw(part);
            if ((sw >>> 8) == 0x6C) {
                part = raw(Apdus.getResponse(sw & 0xFF));
                sw = StatusWord.sw(part);
            }
            data.writeBytes(Apdus.data(part));
        }
        return new Response(data.toByteArray(), sw, first);
    }

    /** Sends {@code command}, requires {@code 9000} and returns the data. */
    byte[] expectSuccess(byte[] command, String step) {
        Response r = send(command);
        if (r.sw() != 0x9000) {
            throw failure(r.sw(), step);
        }
        return r.data();
    }

    /** The typed error of a step that ended with {@code sw}: {@link StatusWord#errorCode()}. */
    static CardReadException failure(int sw, String step) {
        StatusWord word = StatusWord.of(sw);
        LOG.debug("card answered {} ({}) at step {}", StatusWord.hex(sw), word.meaning(), step);
        CardErrorCode code = word.errorCode().orElse(CardErrorCode.UNEXPECTED_STATUS_WORD);
        return new CardReadException(code, step, "status word " + StatusWord.hex(sw) + ": " + word.meaning(), sw);
    }

    /** Sends {@code command} once, as it is (counted; no 61xx / 6Cxx handling). */
    byte[] raw(byte[] command) {
        apdus++;
        byte[] response = channel.transceive(command);
        if (response == null || response.length < 2) {
            throw new CardReadException(CardErrorCode.CARD_IO, null, "response shorter than a status word");
        }
        return response;
    }
}
