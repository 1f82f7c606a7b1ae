package io.wcsettle.his.card;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Optional;

import javax.smartcardio.CardException;

/**
 * A PC/SC reader's PIN pad (PC/SC v2 part 10): features are read with
 * {@code CM_IOCTL_GET_FEATURE_REQUEST} (control code 3400), a TLV list of
 * {@code tag(1) 04 control-code(4, big-endian)}; {@code FEATURE_VERIFY_PIN_DIRECT} (tag
 * {@code 06}) is then sent a {@code PIN_VERIFY_STRUCTURE} holding the VERIFY command, and answers
 * with the card's response. The structure asks for a six-digit PIN, BCD, in the three data bytes of
 * {@code 00 20 00 00 03}, confirmed with the validation key.
 */
final class PcscPinPad implements PinPad {

    /** A reader control call, {@code Card.transmitControlCommand}. */
    @FunctionalInterface
    interface Control {
        byte[] transmit(int controlCode, byte[] command) throws CardException;
    }

    static final int FEATURE_VERIFY_PIN_DIRECT = 0x06;
    private static final int GET_FEATURE_REQUEST = 3400;
    /** Seconds the reader waits for the holder. */
    private static final int TIMEOUT_SECONDS = 30;

    private final Control control;
    private final int verifyPinDirect;

    PcscPinPad(Control control, int verifyPinDirect) {
        this.control = control;
        this.verifyPinDirect = verifyPinDirect;
    }

    /** {@code SCARD_CTL_CODE(3400)}: pcsc-lite {@code 0x42000000 + code}, Windows {@code 0x310000 | code << 2}. */
    static int getFeatureRequestCode(boolean windows) {
        return windows ? 0x310000 | (GET_FEATURE_REQUEST << 2) : 0x42000000 + GET_FEATURE_REQUEST;
    }

    /** The control code of {@code FEATURE_VERIFY_PIN_DIRECT} in a feature list, if the reader has it. */
    static Optional<Integer> verifyPinDirect(byte[] features) {
        int i = 0;
        while (features != null && i + 2 <= features.length) {
            int tag = features[i] & 0xFF;
            int length = features[i + 1] & 0xFF;
            if (i + 2 + length > features.length) {
                return Optional.empty();
            }
            if (tag == FEATURE_VERIFY_PIN_DIRECT && length == 4) {
                return Optional.of(ByteBuffer.wrap(features, i + 2, 4).order(ByteOrder.BIG_ENDIAN).getInt());
            }
            i += 2 + length;
        }
        return Optional.empty();
    }

    /** The {@code PIN_VERIFY_STRUCTURE} (little-endian, packed) around {@code apdu}. */
    static byte[] verifyStructure(byte[] apdu) {
        ByteBuffer b = ByteBuffer.allocate(19 + apdu.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) TIMEOUT_SECONDS);       // bTimerOut
        b.put((byte) TIMEOUT_SECONDS);       // bTimerOut2
        b.put((byte) 0x81);                  // bmFormatString: byte units, PIN at data offset 0, left, BCD
        b.put((byte) 0x03);                  // bmPINBlockString: no length field, PIN block of 3 bytes
        b.put((byte) 0x00);                  // bmPINLengthFormat: no PIN length in the block
        b.putShort((short) ((Pin.DIGITS << 8) | Pin.DIGITS)); // wPINMaxExtraDigit: min 6, max 6 digits
        b.put((byte) 0x02);                  // bEntryValidationCondition: validation key pressed
        b.put((byte) 0x01);                  // bNumberMessage: one message
        b.putShort((short) 0x0409);          // wLangId
        b.put((byte) 0x00);                  // bMsgIndex
        b.put(new byte[3]);                  // bTeoPrologue (T=1 only, zero)
        b.putInt(apdu.length);               // ulDataLength
        b.put(apdu);                         // abData
        return b.array();
    }

    @Override
    public byte[] verifyPin(byte[] verifyTemplate) {
        try {
            byte[] response = control.transmit(verifyPinDirect, verifyStructure(verifyTemplate));
            if (response == null || response.length < 2) {
                throw new CardReadException(CardErrorCode.CARD_IO, "pin", "PIN pad gave no status word");
            }
            return response;
        } catch (CardException e) {
            throw PcscCardChannel.translate(e);
        }
    }
}
