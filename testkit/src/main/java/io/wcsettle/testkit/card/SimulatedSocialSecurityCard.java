package io.wcsettle.testkit.card;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

import io.wcsettle.his.card.ApduChannel;
import io.wcsettle.his.card.CardErrorCode;
import io.wcsettle.his.card.CardReadException;
import io.wcsettle.his.card.StatusWord;

/**
 * A simulated social security card (test double), second or third generation: the social security
 * application with EF05 and EF06, each a list of TLV records in the order of the card
 * specification (PROTOCOL.md, card table), values encoded by their encoding (hex, BCD dates,
 * BCD admdvs with {@code F} padding, ASCII, GBK padded to 30 bytes); a security state (PSAM
 * external authentication with a {@link SimulatedPsam} key, a PIN with a try counter, locks).
 *
 * <p>Configurable where real cards differ ({@link CardLayout}): READ RECORD by number, by
 * identifier or both; Le exact only, {@code 00} only, corrected with {@code 6Cxx}, or answered
 * with {@code 61xx} and GET RESPONSE; SELECT P1 {@code 02} or {@code 00}; {@code 61xx} after
 * SELECT of the application. Stricter than real cards: a malformed APDU (Lc not matching the data,
 * extended length, Le on a command that takes none, P1-P2 it does not define) is refused with
 * {@code 6700} / {@code 6A86} / {@code 6D00} / {@code 6E00}, GET RESPONSE anywhere but right
 * after {@code 61xx} with {@code 6985}. Status words are produced from {@link StatusWord}'s
 * meanings, not from shared constants.
 *
 * <p>Generations ({@link Generation}): published reader output shows the same 32-hex
 * identification code and 13-byte ATR historical bytes for {@code 2.00} and {@code 3.00} cards, so
 * the two differ here only in the version, the historical bytes and, "as issued"
 * ({@link #asIssued(Generation)}), in protection: a third-generation card keeps 卡号 and all of EF06
 * behind external authentication (read without a PSAM, vendor readers return them empty); the
 * second-generation card here needs none.
 *
 * <p>Use it in-process as an {@link ApduChannel}, or behind pcscd through {@link VpcdCard}. Faults
 * can be injected per item (raw record, status word) and the card can be "pulled out" after a
 * number of APDUs. Thread-safe.
 */
public final class SimulatedSocialSecurityCard implements ApduChannel {

    /** Card generations (see the class doc). */
    public enum Generation {
        /** 规范版本 {@code 2.00}. */
        SECOND("2.00", "0096544C"),
        /** 规范版本 {@code 3.00}. */
        THIRD("3.00", "008C544C");

        private final String specVersion;
        private final String historicalPrefix;

        Generation(String specVersion, String historicalPrefix) {
            this.specVersion = specVersion;
            this.historicalPrefix = historicalPrefix;
        }

        /** The specification version this generation's cards record. */
        public String specVersion() {
            return specVersion;
        }
    }

    /** Which items need PSAM external authentication (or the PIN) before they are read. */
    public enum Protection {
        /** Nothing. */
        NONE,
        /** Every record of EF06. */
        EF06,
        /** 卡号 (EF05 {@code 07}) and every record of EF06: what third-generation cards protect. */
        PERSONAL_ITEMS
    }

    private static final byte[] AID = "sx1.sh.社会保障".getBytes(Charset.forName("GBK"));
    private static final Charset GBK = Charset.forName("GBK");
    private static final int EF05 = 0xEF05;
    private static final int EF06 = 0xEF06;
    private static final int MAX_PIN_TRIES = 6;
    private static final HexFormat HEX = HexFormat.of().withUpperCase();

    private final Map<Integer, List<byte[]>> files;
    private final Map<Integer, byte[]> statusWords;
    private final CardLayout layout;
    private final Protection psamProtection;
    private final Protection pinProtection;
    private final byte[] pin;
    private final int keyId;
    private final boolean blocked;
    private final boolean locked;
    private final byte[] psamKey;
    private final String identificationCode;
    private final byte[] atr;
    private final int pullOutAfter;
    private final Random random;

    private boolean applicationSelected;
    private int currentEf;
    private boolean authenticated;
    private boolean pinVerified;
    private int pinTriesLeft;
    private byte[] challenge;
    private byte[] pending;
    private int apdus;
    private boolean present = true;
    private boolean pulledOnce;

    private SimulatedSocialSecurityCard(Builder b) {
        this.identificationCode = b.identificationCode;
        Map<Integer, byte[]> values = new HashMap<>();
        values.put(0x01, HexFormat.of().parseHex(b.identificationCode));
        values.put(0x02, ascii(b.cardType));
        values.put(0x03, ascii(b.specVersion));
        values.put(0x04, HexFormat.of().parseHex(b.initialisingInstitution));
        values.put(0x05, bcdDate(b.issueDate));
        values.put(0x06, bcdDate(b.expiryDate));
        values.put(0x07, ascii(b.cardNumber));
        values.put(0x08, padded(ascii(b.socialSecurityNumber), 18, (byte) 0x20));
        values.put(0x09, padded(b.name.getBytes(GBK), 30, (byte) 0x00));
        values.put(0x0A, ascii(b.sex));
        values.put(0x0B, new byte[] {(byte) b.ethnicity});
        values.put(0x0C, bcdPadded(b.birthplace, 3));
        values.put(0x0D, bcdDate(b.birthDate));
        Map<Integer, List<byte[]>> f = new HashMap<>();
        f.put(EF05, new ArrayList<>());
        f.put(EF06, new ArrayList<>());
        for (int tag = 0x01; tag <= 0x0D; tag++) {
            byte[] record = b.rawRecords.containsKey(tag) ? b.rawRecords.get(tag) : tlv(tag, values.get(tag));
            f.get(tag <= 0x07 ? EF05 : EF06).add(record);
        }
        this.files = Map.of(EF05, List.copyOf(f.get(EF05)), EF06, List.copyOf(f.get(EF06)));
        this.statusWords = Map.copyOf(b.statusWords);
        this.layout = b.layout;
        this.psamProtection = b.psamProtection;
        this.pinProtection = b.pinProtection;
        this.pin = b.pin == null ? null : b.pin.getBytes(StandardCharsets.US_ASCII);
        this.pinTriesLeft = b.pinTriesLeft;
        this.keyId = b.keyId;
        this.blocked = b.blocked;
        this.locked = b.locked;
        this.psamKey = b.psamKey.clone();
        this.atr = atr(b.atrHistoricalBytes != null ? b.atrHistoricalBytes
                : b.generation.historicalPrefix + "B38684" + b.identificationCode.substring(0, 6)
                        + b.identificationCode.substring(16, 22));
        this.pullOutAfter = b.pullOutAfter;
        this.random = new Random(b.seed);
    }

    /** A builder preset with a valid sample card: third generation, nothing protected, lenient layout. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder preset as cards of {@code generation} are issued: its version and historical bytes,
     * and for {@link Generation#THIRD} 卡号 and EF06 behind external authentication.
     */
    public static Builder asIssued(Generation generation) {
        return new Builder().generation(generation)
                .externalAuthentication(generation == Generation.THIRD ? Protection.PERSONAL_ITEMS : Protection.NONE);
    }

    /** The sample card of {@link #builder()}. */
    public static SimulatedSocialSecurityCard sample() {
        return builder().build();
    }

    /** The answer to reset: {@code 3B 8D 80 01}, T=0 and T=1, the historical bytes, TCK. */
    @Override
    public Optional<byte[]> atr() {
        return Optional.of(atr.clone());
    }

    /** The answer to reset, for vpcd. */
    byte[] atrBytes() {
        return atr.clone();
    }

    /** The layout the card was built with. */
    public CardLayout layout() {
        return layout;
    }

    /** Powers the card off and on: selection and security state are lost (the PIN counter is not). */
    public synchronized void reset() {
        applicationSelected = false;
        currentEf = 0;
        authenticated = false;
        pinVerified = false;
        challenge = null;
        pending = null;
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

    /** PIN tries left (6 when none failed; 0 = locked). */
    public synchronized int pinTriesLeft() {
        return pinTriesLeft;
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
        byte[] waiting = pending;
        pending = null;
        return respond(command, waiting);
    }

    /** A parsed command APDU (short form only): header, data, Le (-1 when absent; 256 for {@code 00}). */
    private record Command(int cla, int ins, int p1, int p2, byte[] data, int le) {
    }

    private static Command parse(byte[] c) {
        if (c.length < 4) {
            return null;
        }
        int le = -1;
        byte[] data = new byte[0];
        if (c.length == 5) {
            le = c[4] == 0 ? 256 : c[4] & 0xFF;
        } else if (c.length > 5) {
            int lc = c[4] & 0xFF;
            if (lc == 0) {
                return null; // extended length: not supported
            }
            if (c.length == 5 + lc) {
                data = Arrays.copyOfRange(c, 5, 5 + lc);
            } else if (c.length == 6 + lc) {
                data = Arrays.copyOfRange(c, 5, 5 + lc);
                le = c[c.length - 1] == 0 ? 256 : c[c.length - 1] & 0xFF;
            } else {
                return null;
            }
        }
        return new Command(c[0] & 0xFF, c[1] & 0xFF, c[2] & 0xFF, c[3] & 0xFF, data, le);
    }

    private byte[] respond(byte[] raw, byte[] waiting) {
        Command c = parse(raw);
        if (c == null) {
            return sw(StatusWord.WRONG_LENGTH);
        }
        if (c.cla() != 0x00) {
            return sw(StatusWord.CLA_NOT_SUPPORTED);
        }
        return switch (c.ins()) {
            case 0xA4 -> select(c);
            case 0xB2 -> readRecord(c);
            case 0xC0 -> getResponse(c, waiting);
            case 0x20 -> verify(c);
            case 0x84 -> getChallenge(c);
            case 0x82 -> externalAuthenticate(c);
            default -> sw(StatusWord.INS_NOT_SUPPORTED);
        };
    }

    private byte[] select(Command c) {
        if (c.data().length == 0 || c.le() >= 0 && c.le() != 256) {
            return sw(StatusWord.WRONG_LENGTH);
        }
        if (c.p2() != 0x00) {
            return sw(StatusWord.INCORRECT_P1_P2);
        }
        if (c.p1() == 0x04) {
            if (!Arrays.equals(c.data(), AID)) {
                return sw(StatusWord.FILE_NOT_FOUND);
            }
            if (locked) {
                return sw(StatusWord.APPLICATION_LOCKED);
            }
            if (blocked) {
                return sw(StatusWord.APPLICATION_BLOCKED);
            }
            applicationSelected = true;
            currentEf = 0;
            authenticated = false;
            pinVerified = false;
            if (layout.selectAidMoreData()) {
                byte[] fci = fci();
                pending = fci;
                return sw(StatusWord.MORE_DATA_AVAILABLE, fci.length);
            }
            return sw(StatusWord.SUCCESS);
        }
        boolean p1Accepted = c.p1() == 0x02 && layout.selectEf() != CardLayout.SelectEf.P1_00
                || c.p1() == 0x00 && layout.selectEf() != CardLayout.SelectEf.P1_02;
        if (!p1Accepted) {
            return sw(StatusWord.INCORRECT_P1_P2);
        }
        if (c.data().length != 2) {
            return sw(StatusWord.WRONG_LENGTH);
        }
        int fid = ((c.data()[0] & 0xFF) << 8) | (c.data()[1] & 0xFF);
        if (!applicationSelected || !files.containsKey(fid)) {
            return sw(StatusWord.FILE_NOT_FOUND);
        }
        currentEf = fid;
        return sw(StatusWord.SUCCESS);
    }

    private byte[] readRecord(Command c) {
        if (c.data().length != 0 || c.le() < 0) {
            return sw(StatusWord.WRONG_LENGTH);
        }
        boolean byNumber = c.p2() == 0x04 && layout.records() != CardLayout.RecordAddressing.BY_IDENTIFIER;
        boolean byIdentifier = c.p2() == 0x00 && layout.records() != CardLayout.RecordAddressing.BY_NUMBER;
        if (!byNumber && !byIdentifier || c.p1() == 0x00) {
            return sw(StatusWord.INCORRECT_P1_P2);
        }
        if (currentEf == 0) {
            return sw(StatusWord.COMMAND_NOT_ALLOWED);
        }
        List<byte[]> records = files.get(currentEf);
        byte[] record = null;
        if (byNumber) {
            record = c.p1() <= records.size() ? records.get(c.p1() - 1) : null;
        } else {
            for (byte[] r : records) {
                if (r.length > 0 && (r[0] & 0xFF) == c.p1()) {
                    record = r;
                    break;
                }
            }
        }
        if (record == null) {
            return sw(StatusWord.RECORD_NOT_FOUND);
        }
        int tag = tagOf(currentEf, records.indexOf(record));
        if (!accessible(tag)) {
            return sw(StatusWord.SECURITY_STATUS_NOT_SATISFIED);
        }
        byte[] injected = statusWords.get(tag);
        if (injected != null) {
            return injected.clone();
        }
        int length = record.length;
        return switch (layout.le()) {
            case EXACT -> c.le() == length ? withSuccess(record) : sw(StatusWord.WRONG_LENGTH);
            case ZERO -> c.le() == 256 ? withSuccess(record) : sw(StatusWord.WRONG_LENGTH);
            case CORRECTING -> c.le() == 256 || c.le() == length ? withSuccess(record)
                    : sw(StatusWord.WRONG_LE, length);
            case CHAINED -> {
                pending = record;
                yield sw(StatusWord.MORE_DATA_AVAILABLE, length);
            }
        };
    }

    /** The tag of the {@code index}th record of {@code ef} in the specification's order. */
    private static int tagOf(int ef, int index) {
        return ef == EF05 ? index + 1 : index + 0x08;
    }

    private boolean accessible(int tag) {
        return (!covers(psamProtection, tag) || authenticated) && (!covers(pinProtection, tag) || pinVerified);
    }

    private static boolean covers(Protection p, int tag) {
        return switch (p) {
            case NONE -> false;
            case EF06 -> tag >= 0x08;
            case PERSONAL_ITEMS -> tag >= 0x08 || tag == 0x07;
        };
    }

    private byte[] getResponse(Command c, byte[] waiting) {
        if (c.data().length != 0 || c.le() < 0) {
            return sw(StatusWord.WRONG_LENGTH);
        }
        if (c.p1() != 0 || c.p2() != 0) {
            return sw(StatusWord.INCORRECT_P1_P2);
        }
        if (waiting == null) {
            return sw(StatusWord.CONDITIONS_NOT_SATISFIED);
        }
        int le = c.le() == 256 && waiting.length < 256 ? -1 : c.le();
        if (le < 0 || le > waiting.length) {
            pending = waiting;
            return sw(StatusWord.WRONG_LE, Math.min(255, waiting.length));
        }
        byte[] part = Arrays.copyOf(waiting, le);
        if (le < waiting.length) {
            pending = Arrays.copyOfRange(waiting, le, waiting.length);
            return with(part, StatusWord.MORE_DATA_AVAILABLE.bytes(Math.min(255, pending.length)));
        }
        return withSuccess(part);
    }

    private byte[] verify(Command c) {
        if (c.le() >= 0 || c.data().length != 3) {
            return sw(StatusWord.WRONG_LENGTH);
        }
        if (c.p1() != 0x00 || c.p2() != 0x00) {
            return sw(StatusWord.INCORRECT_P1_P2);
        }
        if (!applicationSelected) {
            return sw(StatusWord.CONDITIONS_NOT_SATISFIED);
        }
        byte[] digits = new byte[6];
        for (int i = 0; i < 6; i++) {
            int nibble = i % 2 == 0 ? (c.data()[i / 2] >>> 4) & 0x0F : c.data()[i / 2] & 0x0F;
            if (nibble > 9) {
                return sw(StatusWord.INCORRECT_DATA);
            }
            digits[i] = (byte) ('0' + nibble);
        }
        if (pin == null) {
            return sw(StatusWord.REFERENCED_DATA_NOT_FOUND);
        }
        if (pinTriesLeft == 0) {
            return sw(StatusWord.CARD_LOCKED);
        }
        if (MessageDigest.isEqual(pin, digits)) {
            pinTriesLeft = MAX_PIN_TRIES;
            pinVerified = true;
            return sw(StatusWord.SUCCESS);
        }
        pinTriesLeft--;
        pinVerified = false;
        return sw(StatusWord.VERIFICATION_FAILED, pinTriesLeft);
    }

    private byte[] getChallenge(Command c) {
        if (c.data().length != 0 || c.le() != 4 && c.le() != 8) {
            return sw(StatusWord.WRONG_LENGTH);
        }
        if (c.p1() != 0 || c.p2() != 0) {
            return sw(StatusWord.INCORRECT_P1_P2);
        }
        challenge = new byte[c.le()];
        random.nextBytes(challenge);
        return withSuccess(challenge);
    }

    private byte[] externalAuthenticate(Command c) {
        if (c.le() >= 0 || c.data().length != 8) {
            return sw(StatusWord.WRONG_LENGTH);
        }
        if (c.p1() != 0x00) {
            return sw(StatusWord.INCORRECT_P1_P2);
        }
        if (c.p2() != keyId) {
            return sw(StatusWord.REFERENCED_DATA_NOT_FOUND);
        }
        if (challenge == null || challenge.length != 8) {
            return sw(StatusWord.REFERENCED_DATA_INVALIDATED);
        }
        byte[] expected;
        try {
            expected = SimulatedPsam.cryptogram(psamKey, identificationCode, challenge);
        } catch (GeneralSecurityException e) {
            return sw(StatusWord.NO_PRECISE_DIAGNOSIS);
        }
        challenge = null;
        if (!MessageDigest.isEqual(expected, c.data())) {
            authenticated = false;
            return sw(StatusWord.AUTHENTICATION_FAILED);
        }
        authenticated = true;
        return sw(StatusWord.SUCCESS);
    }

    /** File control information of the application: {@code 6F len 84 len AID}. */
    private static byte[] fci() {
        byte[] fci = new byte[4 + AID.length];
        fci[0] = 0x6F;
        fci[1] = (byte) (2 + AID.length);
        fci[2] = (byte) 0x84;
        fci[3] = (byte) AID.length;
        System.arraycopy(AID, 0, fci, 4, AID.length);
        return fci;
    }

    /** {@code 3B 8D 80 01 <13 historical bytes> TCK}: T=0 and T=1 offered. */
    private static byte[] atr(String historicalHex) {
        byte[] historical = HexFormat.of().parseHex(historicalHex);
        if (historical.length > 15) {
            throw new IllegalArgumentException("at most 15 historical bytes");
        }
        byte[] atr = new byte[4 + historical.length + 1];
        atr[0] = 0x3B;
        atr[1] = (byte) (0x80 | historical.length);
        atr[2] = (byte) 0x80;
        atr[3] = 0x01;
        System.arraycopy(historical, 0, atr, 4, historical.length);
        byte tck = 0;
        for (int i = 1; i < atr.length - 1; i++) {
            tck ^= atr[i];
        }
        atr[atr.length - 1] = tck;
        return atr;
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

    private static byte[] padded(byte[] value, int length, byte pad) {
        if (value.length > length) {
            throw new IllegalArgumentException(value.length + " bytes do not fit " + length);
        }
        byte[] out = Arrays.copyOf(value, length);
        Arrays.fill(out, value.length, length, pad);
        return out;
    }

    private static byte[] bcdDate(LocalDate d) {
        return HexFormat.of().parseHex(String.format("%04d%02d%02d", d.getYear(), d.getMonthValue(), d.getDayOfMonth()));
    }

    /** Digits as BCD, padded with {@code F} to {@code bytes}. */
    private static byte[] bcdPadded(String digits, int bytes) {
        StringBuilder sb = new StringBuilder(digits);
        while (sb.length() < 2 * bytes) {
            sb.append('F');
        }
        return HexFormat.of().parseHex(sb.toString());
    }

    private static byte[] sw(StatusWord word) {
        return word.bytes();
    }

    private static byte[] sw(StatusWord family, int number) {
        return family.bytes(number);
    }

    private static byte[] withSuccess(byte[] data) {
        return with(data, StatusWord.SUCCESS.bytes());
    }

    private static byte[] with(byte[] data, byte[] sw) {
        byte[] out = Arrays.copyOf(data, data.length + 2);
        out[data.length] = sw[0];
        out[data.length + 1] = sw[1];
        return out;
    }

    /** What the simulated card holds, how it wants to be addressed and how it misbehaves. */
    public static final class Builder {

        private Generation generation = Generation.THIRD;
        private String identificationCode = "110100D156000005A1B2C3D4E5F60718";
        private String cardType = "3";
        private String specVersion = Generation.THIRD.specVersion();
        private String initialisingInstitution = "110100000000000000000001";
        private LocalDate issueDate = LocalDate.of(2021, 3, 1);
        private LocalDate expiryDate = LocalDate.of(2031, 3, 1);
        private String cardNumber = "K12345678";
        private String socialSecurityNumber = SampleIds.id18("110105", LocalDate.of(1949, 12, 31), 2);
        private String name = "张三";
        private String sex = "1";
        private int ethnicity = 1;
        private String birthplace = "110105";
        private LocalDate birthDate = LocalDate.of(1949, 12, 31);
        private String atrHistoricalBytes;
        private CardLayout layout = CardLayout.lenient();
        private Protection psamProtection = Protection.NONE;
        private Protection pinProtection = Protection.NONE;
        private String pin;
        private int pinTriesLeft = MAX_PIN_TRIES;
        private int keyId = 0x01;
        private boolean blocked;
        private boolean locked;
        private byte[] psamKey = SimulatedPsam.DEFAULT_KEY;
        private int pullOutAfter;
        private long seed = 42;
        private final Map<Integer, byte[]> rawRecords = new HashMap<>();
        private final Map<Integer, byte[]> statusWords = new HashMap<>();

        private Builder() {
        }

        /** The generation: sets 规范版本 and the ATR historical bytes' prefix. */
        public Builder generation(Generation v) {
            generation = v;
            specVersion = v.specVersion();
            return this;
        }

        /** 卡识别码, 32 hex characters (the first six the issuing admdvs). */
        public Builder identificationCode(String v) {
            if (v.length() % 2 != 0) {
                throw new IllegalArgumentException("hex of whole bytes expected");
            }
            identificationCode = v.toUpperCase(java.util.Locale.ROOT);
            return this;
        }

        /** 卡类别, one ASCII character. */
        public Builder cardType(String v) {
            cardType = v;
            return this;
        }

        /** 规范版本, four ASCII characters. */
        public Builder specVersion(String v) {
            specVersion = v;
            return this;
        }

        /** 初始化机构编号, 24 hex characters. */
        public Builder initialisingInstitution(String v) {
            initialisingInstitution = v;
            return this;
        }

        /** 发卡日期. */
        public Builder issueDate(LocalDate v) {
            issueDate = v;
            return this;
        }

        /** 卡有效期. */
        public Builder expiryDate(LocalDate v) {
            expiryDate = v;
            return this;
        }

        /** 卡号, 9 ASCII characters. */
        public Builder cardNumber(String v) {
            cardNumber = v;
            return this;
        }

        /** 社会保障号码 as recorded (18, or 15 padded with spaces to 18). */
        public Builder socialSecurityNumber(String v) {
            socialSecurityNumber = v;
            return this;
        }

        /** 姓名, stored GBK, padded with {@code 00} to 30 bytes. */
        public Builder name(String v) {
            name = v;
            return this;
        }

        /** 性别, one ASCII digit. */
        public Builder sex(String v) {
            sex = v;
            return this;
        }

        /** 民族, one binary byte. */
        public Builder ethnicity(int v) {
            ethnicity = v;
            return this;
        }

        /** 出生地: 0, 2, 4 or 6 digits, BCD padded with {@code F}. */
        public Builder birthplace(String v) {
            birthplace = v;
            return this;
        }

        /** 出生日期. */
        public Builder birthDate(LocalDate v) {
            birthDate = v;
            return this;
        }

        /** The ATR's historical bytes, hex (default: shaped like published ones, from the generation). */
        public Builder atrHistoricalBytes(String v) {
            atrHistoricalBytes = v;
            return this;
        }

        /** How the card wants to be addressed (default {@link CardLayout#lenient()}). */
        public Builder layout(CardLayout v) {
            layout = v;
            return this;
        }

        /** Which items answer {@code 6982} until EXTERNAL AUTHENTICATE succeeds. */
        public Builder externalAuthentication(Protection v) {
            psamProtection = v;
            return this;
        }

        /** Which items answer {@code 6982} until VERIFY succeeds; set the PIN with {@link #pin(String)}. */
        public Builder pinProtection(Protection v) {
            pinProtection = v;
            return this;
        }

        /** The PIN, six digits (default: none; VERIFY then answers {@code 6A88}). */
        public Builder pin(String v) {
            pin = v;
            return this;
        }

        /** Tries left before the PIN locks (0 = locked, VERIFY answers {@code 6983}). */
        public Builder pinTriesLeft(int v) {
            if (v < 0 || v > 15) {
                throw new IllegalArgumentException("0-15 tries");
            }
            pinTriesLeft = v;
            return this;
        }

        /** The key id EXTERNAL AUTHENTICATE must name in P2 (others answer {@code 6A88}). */
        public Builder keyId(int v) {
            keyId = v;
            return this;
        }

        /** Whether selecting the application answers {@code 6283} (blocked). */
        public Builder blocked(boolean v) {
            blocked = v;
            return this;
        }

        /** Whether selecting the application answers {@code 9303} (permanently locked). */
        public Builder locked(boolean v) {
            locked = v;
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

        /** Replaces the whole record (TLV included) of item {@code tag} with {@code bytes}. */
        public Builder rawRecord(int tag, byte[] bytes) {
            rawRecords.put(tag, bytes.clone());
            return this;
        }

        /** Makes reading item {@code tag} answer {@code sw} (two bytes). */
        public Builder statusWord(int tag, int sw) {
            statusWords.put(tag, new byte[] {(byte) (sw >>> 8), (byte) sw});
            return this;
        }

        /** The card. */
        public SimulatedSocialSecurityCard build() {
            if (pin != null && (pin.length() != 6 || !pin.chars().allMatch(Character::isDigit))) {
                throw new IllegalArgumentException("PIN of six digits expected");
            }
            if (pinProtection != Protection.NONE && pin == null) {
                throw new IllegalArgumentException("a PIN-protected card needs a PIN");
            }
            return new SimulatedSocialSecurityCard(this);
        }
    }

    /** The ATR's historical bytes as upper-case hex (what a reader should report). */
    public String atrHistoricalBytes() {
        byte[] h = Arrays.copyOfRange(atr, 4, atr.length - 1);
        return HEX.formatHex(h);
    }
}
