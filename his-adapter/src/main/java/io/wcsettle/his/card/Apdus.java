package io.wcsettle.his.card;

import java.util.Arrays;

/** Command APDUs of the social security application and response helpers (PROTOCOL.md, card section). */
final class Apdus {

    /** AID of the social security application, "sx1.sh." + GBK "社会保障". */
    static final byte[] SSSE_AID = CardText.unhex("7378312E73682EC9E7BBE1B1A3D5CF");

    static final int EF05 = 0xEF05;
    static final int EF06 = 0xEF06;

    /** READ RECORD P2: P1 is a record number in the current EF. */
    static final int P2_RECORD_NUMBER = 0x04;
    /** READ RECORD P2: P1 is a record identifier (the tag), first occurrence, current EF. */
    static final int P2_RECORD_IDENTIFIER = 0x00;

    private Apdus() {
    }

    static byte[] selectApplication() {
        byte[] apdu = new byte[5 + SSSE_AID.length];
        apdu[1] = (byte) 0xA4;
        apdu[2] = 0x04;
        apdu[4] = (byte) SSSE_AID.length;
        System.arraycopy(SSSE_AID, 0, apdu, 5, SSSE_AID.length);
        return apdu;
    }

    /** {@code 00 A4 p1 00 02 fid}: select an EF by file id ({@code p1} {@code 02} or {@code 00}). */
    static byte[] selectEf(int p1, int fid) {
        return new byte[] {0x00, (byte) 0xA4, (byte) p1, 0x00, 0x02, (byte) (fid >>> 8), (byte) fid};
    }

    /** {@code 00 B2 p1 p2 le}. */
    static byte[] readRecord(int p1, int p2, int le) {
        return new byte[] {0x00, (byte) 0xB2, (byte) p1, (byte) p2, (byte) le};
    }

    /** The same command with Le = {@code le} (case 2 and case 4 commands: the last byte). */
    static byte[] withLe(byte[] command, int le) {
        byte[] copy = command.clone();
        copy[copy.length - 1] = (byte) le;
        return copy;
    }

    /** Whether {@code command} ends with an Le byte (case 2 or case 4, short form). */
    static boolean hasLe(byte[] command) {
        if (command.length == 5) {
            return true;
        }
        return command.length > 5 && command.length == 6 + (command[4] & 0xFF);
    }

    static byte[] getResponse(int le) {
        return new byte[] {0x00, (byte) 0xC0, 0x00, 0x00, (byte) le};
    }

    static byte[] getChallenge(int length) {
        return new byte[] {0x00, (byte) 0x84, 0x00, 0x00, (byte) length};
    }

    static byte[] externalAuthenticate(int keyId, byte[] cryptogram) {
        byte[] apdu = new byte[5 + cryptogram.length];
        apdu[1] = (byte) 0x82;
        apdu[3] = (byte) keyId;
        apdu[4] = (byte) cryptogram.length;
        System.arraycopy(cryptogram, 0, apdu, 5, cryptogram.length);
        return apdu;
    }

    /** {@code 00 20 00 00 03 <PIN as 3 BCD bytes>}. The caller clears the returned array after sending. */
    static byte[] verify(byte[] bcdPin) {
        byte[] apdu = new byte[5 + bcdPin.length];
        apdu[1] = 0x20;
        apdu[4] = (byte) bcdPin.length;
        System.arraycopy(bcdPin, 0, apdu, 5, bcdPin.length);
        return apdu;
    }

    /** VERIFY with a placeholder PIN block, for a PIN pad to fill in: {@code 00 20 00 00 03 FF FF FF}. */
    static byte[] verifyTemplate() {
        return new byte[] {0x00, 0x20, 0x00, 0x00, 0x03, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF};
    }

    static byte[] data(byte[] response) {
        return Arrays.copyOf(response, response.length - 2);
    }
}
