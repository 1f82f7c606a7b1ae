package io.wcsettle.testkit.card;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;

import io.wcsettle.his.card.ApduChannel;
import io.wcsettle.his.card.CardErrorCode;
import io.wcsettle.his.card.CardReadException;

/**
 * A simulated third-generation social security card: the social security application with EF05
 * (records 01–07) and EF06 (records 08–0D), each record one TLV of its number; GBK text, BCD dates;
 * a security state (EF06 may require external authentication with a {@link SimulatedPsam} key);
 * ISO status words for every fault. Answers read record both as {@code 00 B2 rec 04 00} and with
 * an exact Le ({@code 6Cxx} when the Le is wrong).
 *
 * <p>Use it in-process as an {@link ApduChannel}, or behind pcscd through {@link VpcdCard}. Faults
 * can be injected per record (raw bytes, status words) and the card can be "pulled out" after a
 * number of APDUs. Thread-safe.
 */
public final class SimulatedSocialSecurityCard implements ApduChannel {

    /** ATR offering T=1: {@code 3B 80 80 01 01}. */
    private static final byte[] ATR = {0x3B, (byte) 0x80, (byte) 0x80, 0x01, 0x01};
    private static final byte[] AID = hex("7378312E73682EC9E7BBE1B1A3D5CF");
    private static final Charset GBK = Charset.forName("GBK");

    private final Map<Integer, byte[]> records;
    private final Map<Integer, Integer> statusWords;
    private final boolean ef06NeedsAuthentication;
    private final boolean blocked;
    private final byte[] psamKey;
    private final String identificationCode;
    private final int pullOutAfter;
    private final Random random;

    private boolean applicationSelected;
    private int currentEf;
    private boolean authenticated;
    private byte[] challenge;
    private int apdus;
    private boolean present = true;
    private boolean pulledOnce;

    private SimulatedSocialSecurityCard(Builder b) {
        this.identificationCode = b.identificationCode;
        Map<Integer, byte[]> r = new HashMap<>();
        r.put(0x01, tlv(0x01, ascii(b.identificationCode)));
        r.put(0x02, tlv(0x02, ascii("3")));
        r.put(0x03, tlv(0x03, ascii(b.specVersion)));
        r.put(0x04, tlv(0x04, ascii(b.identificationCode.substring(0, 6) + "000000")));
        r.put(0x05, tlv(0x05, bcd(b.issueDate)));
        r.put(0x06, tlv(0x06, bcd(b.expiryDate)));
        r.put(0x07, tlv(0x07, ascii(b.cardNumber)));
        r.put(0x08, tlv(0x08, ascii(b.socialSecurityNumber)));
        byte[] name = Arrays.copyOf(b.name.getBytes(GBK), 30); // padded with 00 to the field size
        r.put(0x09, tlv(0x09, name));
        r.put(0x0A, tlv(0x0A, ascii(b.sex)));
        r.put(0x0B, tlv(0x0B, new byte[] {0x01}));
        r.put(0x0C, tlv(0x0C, hex(b.identificationCode.substring(0, 6))));
        r.put(0x0D, tlv(0x0D, bcd(b.birthDate)));
        r.putAll(b.rawRecords);
        this.records = Map.copyOf(r);
        this.statusWords = Map.copyOf(b.statusWords);
        this.ef06NeedsAuthentication = b.ef06NeedsAuthentication;
        this.blocked = b.blocked;
        this.psamKey = b.psamKey.clone();
        this.pullOutAfter = b.pullOutAfter;
        this.random = new Random(b.seed);
    }

    /** A builder preset with a valid sample card (fictitious person, issued in 110100). */
    public static Builder builder() {
        return new Builder();
    }

    /** The sample card of {@link #builder()}. */
    public static SimulatedSocialSecurityCard sample() {
        return builder().build();
    }

    /** The answer to reset. */
    public byte[] atr() {
        return ATR.clone();
    }

    /** Powers the card off and on: selection and security state are lost. */
    public synchronized void reset() {
        applicationSelected = false;
        currentEf = 0;
        authenticated = false;
        challenge = null;
    }

    /** Pulls the card out: further APDUs fail with {@code CARD_REMOVED} until {@link #insert()}. */
    public synchronized void pullOut() {
        present = false;
        reset();
    }

    /** Puts the card back (powered up, nothing selected). */
    public synchronized void insert() {
        present = true;
        apdus = 0;
        reset();
    }

    /** APDUs answered since the last insertion. */
    public synchronized int apduCount() {
        return apdus;
    }

    @Override
    public synchronized byte[] transceive(byte[] command) {
        byte[] response = exchange(command);
        if (response == null) {
            throw new CardReadException(CardErrorCode.CARD_REMOVED, null, "simulated card pulled out");
        }
        return response;
    }

    /**
     * The response to one APDU, or {@code null} when the card is out (or is pulled out now, once,
     * because {@link Builder#pullOutAfter(int)} APDUs were answered).
     */
    synchronized byte[] exchange(byte[] command) {
        if (present && !pulledOnce && pullOutAfter > 0 && apdus >= pullOutAfter) {
            pulledOnce = true;
            pullOut();
        }
        if (!present) {
            return null;
        }
        apdus++;
        return respond(command);
    }

    private byte[] respond(byte[] c) {
        if (c.length < 4) {
            return sw(0x6700);
        }
        if (c[0] != 0x00) {
            return sw(0x6E00);
        }
        int ins = c[1] & 0xFF;
        int p1 = c[2] & 0xFF;
        int p2 = c[3] & 0xFF;
        return switch (ins) {
            case 0xA4 -> select(c, p1);
            case 0xB2 -> readRecord(c, p1, p2);
            case 0x84 -> getChallenge(c);
            case 0x82 -> externalAuthenticate(c);
            default -> sw(0x6D00);
        };
    }

    private byte[] select(byte[] c, int p1) {
        if (c.length < 5 || c.length < 5 + (c[4] & 0xFF)) {
            return sw(0x6700);
        }
        byte[] data = Arrays.copyOfRange(c, 5, 5 + (c[4] & 0xFF));
        if (p1 == 0x04) {
            if (!Arrays.equals(data, AID)) {
                return sw(0x6A82);
            }
            if (blocked) {
                return sw(0x6283);
            }
            applicationSelected = true;
            currentEf = 0;
            authenticated = false;
            return sw(0x9000);
        }
        if (p1 == 0x02 && data.length == 2) {
            int fid = ((data[0] & 0xFF) << 8) | (data[1] & 0xFF);
            if (!applicationSelected || (fid != 0xEF05 && fid != 0xEF06)) {
                return sw(0x6A82);
            }
            currentEf = fid;
            return sw(0x9000);
        }
        return sw(0x6A86);
    }

    private byte[] readRecord(byte[] c, int rec, int p2) {
        if (p2 != 0x04 && p2 != 0x00) {
            return sw(0x6A86);
        }
        if (currentEf == 0) {
            return sw(0x6986);
        }
        boolean inFile = currentEf == 0xEF05 ? rec >= 0x01 && rec <= 0x07 : rec >= 0x08 && rec <= 0x0D;
        if (!inFile) {
            return sw(0x6A83);
        }
        if (currentEf == 0xEF06 && ef06NeedsAuthentication && !authenticated) {
            return sw(0x6982);
        }
        Integer injected = statusWords.get(rec);
        if (injected != null) {
            return sw(injected);
        }
        byte[] record = records.get(rec);
        int le = c.length == 5 ? c[4] & 0xFF : 0;
        if (le != 0 && le != record.length) {
            return sw(0x6C00 | record.length);
        }
        return withSw(record, 0x9000);
    }

    private byte[] getChallenge(byte[] c) {
        if (c.length != 5 || (c[4] & 0xFF) != 8) {
            return sw(0x6700);
        }
        challenge = new byte[8];
        random.nextBytes(challenge);
        return withSw(challenge, 0x9000);
    }

    private byte[] externalAuthenticate(byte[] c) {
        if (c.length < 5 + 8 || (c[4] & 0xFF) != 8) {
            return sw(0x6700);
        }
        if (challenge == null) {
            return sw(0x6984);
        }
        byte[] expected;
        try {
            expected = SimulatedPsam.cryptogram(psamKey, identificationCode, challenge);
        } catch (GeneralSecurityException e) {
            return sw(0x6F00);
        }
        challenge = null;
        if (!MessageDigest.isEqual(expected, Arrays.copyOfRange(c, 5, 13))) {
            authenticated = false;
            return sw(0x6300);
        }
        authenticated = true;
        return sw(0x9000);
    }

    private static byte[] tlv(int tag, byte[] value) {
        byte[] out = new byte[value.length + 2];
        out[0] = (byte) tag;
        out[1] = (byte) value.length;
        System.arraycopy(value, 0, out, 2, value.length);
        return out;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] bcd(LocalDate d) {
        return hex(String.format("%04d%02d%02d", d.getYear(), d.getMonthValue(), d.getDayOfMonth()));
    }

    private static byte[] sw(int sw) {
        return new byte[] {(byte) (sw >>> 8), (byte) sw};
    }

    private static byte[] withSw(byte[] data, int sw) {
        byte[] out = Arrays.copyOf(data, data.length + 2);
        out[data.length] = (byte) (sw >>> 8);
        out[data.length + 1] = (byte) sw;
        return out;
    }

    static byte[] hex(String hex) {
        byte[] out = new byte[hex.length() / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16);
        }
        return out;
    }

    /** The GB 11643 check character for the first 17 digits of {@code id}. */
    public static char idCheckCharacter(String first17) {
        int[] w = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * w[i];
        }
        return "10X98765432".charAt(sum % 11);
    }

    /** What the simulated card holds and how it misbehaves. */
    public static final class Builder {

        private String identificationCode = "110100D156000005";
        private String cardNumber = "K12345678";
        private String socialSecurityNumber = "11010519491231002" + idCheckCharacter("11010519491231002");
        private String name = "张三";
        private String sex = "1";
        private String specVersion = "3.00";
        private LocalDate issueDate = LocalDate.of(2021, 3, 1);
        private LocalDate expiryDate = LocalDate.of(2031, 3, 1);
        private LocalDate birthDate = LocalDate.of(1949, 12, 31);
        private boolean ef06NeedsAuthentication;
        private boolean blocked;
        private byte[] psamKey = SimulatedPsam.DEFAULT_KEY;
        private int pullOutAfter;
        private long seed = 42;
        private final Map<Integer, byte[]> rawRecords = new HashMap<>();
        private final Map<Integer, Integer> statusWords = new HashMap<>();

        private Builder() {
        }

        /** Record 01 (16 characters, first six the issuing admdvs). */
        public Builder identificationCode(String v) {
            identificationCode = v;
            return this;
        }

        /** Record 07. */
        public Builder cardNumber(String v) {
            cardNumber = v;
            return this;
        }

        /** Record 08. */
        public Builder socialSecurityNumber(String v) {
            socialSecurityNumber = v;
            return this;
        }

        /** Record 09, stored GBK, padded with 00 to 30 bytes. */
        public Builder name(String v) {
            name = v;
            return this;
        }

        /** Record 03. */
        public Builder specVersion(String v) {
            specVersion = v;
            return this;
        }

        /** Record 05. */
        public Builder issueDate(LocalDate v) {
            issueDate = v;
            return this;
        }

        /** Record 06. */
        public Builder expiryDate(LocalDate v) {
            expiryDate = v;
            return this;
        }

        /** Whether EF06 answers {@code 6982} until external authentication succeeds. */
        public Builder ef06NeedsAuthentication(boolean v) {
            ef06NeedsAuthentication = v;
            return this;
        }

        /** Whether selecting the application answers {@code 6283}. */
        public Builder blocked(boolean v) {
            blocked = v;
            return this;
        }

        /** The key external authentication checks against (see {@link SimulatedPsam}). */
        public Builder psamKey(byte[] v) {
            psamKey = v.clone();
            return this;
        }

        /** Pulls the card out once, when it has answered {@code n} APDUs (0: never). */
        public Builder pullOutAfter(int n) {
            pullOutAfter = n;
            return this;
        }

        /** Seed of the challenge generator. */
        public Builder seed(long v) {
            seed = v;
            return this;
        }

        /** Replaces the whole content (TLV included) of record {@code rec} with {@code bytes}. */
        public Builder rawRecord(int rec, byte[] bytes) {
            rawRecords.put(rec, bytes.clone());
            return this;
        }

        /** Makes reading record {@code rec} answer {@code sw}. */
        public Builder statusWord(int rec, int sw) {
            statusWords.put(rec, sw);
            return this;
        }

        /** The card. */
        public SimulatedSocialSecurityCard build() {
            return new SimulatedSocialSecurityCard(this);
        }
    }
}
