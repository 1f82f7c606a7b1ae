package io.wcsettle.his.card;

import java.util.Arrays;

/** Command APDUs of the third-generation card and response helpers (PROTOCOL.md, card section). */
final class Apdus {

    /** AID of the social security application, "sx1.sh.社会保障" in GBK. */
    static final byte[] SSSE_AID = hex("7378312E73682EC9E7BBE1B1A3D5CF");

    static final int EF05 = 0xEF05;
    static final int EF06 = 0xEF06;

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

    static byte[] selectEf(int fid) {
        return new byte[] {0x00, (byte) 0xA4, 0x02, 0x00, 0x02, (byte) (fid >>> 8), (byte) fid};
    }

    /** ISO read record by number: {@code 00 B2 rec 04 00} (Le 00 = up to 256). */
    static byte[] readRecord(int record) {
        return new byte[] {0x00, (byte) 0xB2, (byte) record, 0x04, 0x00};
    }

    /** The same command with an exact Le, as some readers send it (after {@code 6Cxx}). */
    static byte[] withLe(byte[] command, int le) {
        byte[] copy = command.clone();
        copy[copy.length - 1] = (byte) le;
        return copy;
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

    static byte[] data(byte[] response) {
        return Arrays.copyOf(response, response.length - 2);
    }

    static byte[] hex(String hex) {
        byte[] out = new byte[hex.length() / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16);
        }
        return out;
    }
}
