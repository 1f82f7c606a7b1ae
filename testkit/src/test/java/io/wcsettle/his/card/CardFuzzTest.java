package io.wcsettle.his.card;

import static io.wcsettle.his.card.CardFixtures.CLOCK;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import io.wcsettle.core.error.WcsettleException;
import io.wcsettle.core.fuzz.Fuzz;
import io.wcsettle.core.fuzz.Mutate;
import io.wcsettle.his.card.CardFixtures.CardData;
import io.wcsettle.testkit.card.CardLayout;
import io.wcsettle.testkit.card.SampleIds;
import io.wcsettle.testkit.card.SimulatedSocialSecurityCard;

/**
 * Card inputs: the reader vendor's {@code iReadCardBas} strings, ID numbers, e-card tokens, item
 * decoding (ASCII, GBK, BCD, dates), TLV records, status words, and whole reads over a scripted
 * {@link ApduChannel} (a test double around the simulated card that damages answers: truncation,
 * byte flips, other status words, {@code 61xx} / {@code 6Cxx} storms, empty answers, a card pulled
 * out). Accepted values are checked against reference computations (ASCII-only forms, the GB 11643
 * check character, a plain TLV reading); refusals must be {@link CardReadException}s.
 */
class CardFuzzTest {

    private static final CardData DATA = CardData.sample();
    private static final String TERMINAL = "330300900173";
    private static final String DEVICE = "00010100202111010884";
    private static final String STANDARD = DATA.vendorItems(TERMINAL, DEVICE);
    private static final String[] VENDOR_SEEDS = {
        STANDARD,
        DATA.vendorItems("", ""),
        "1|" + STANDARD + "JSB045526778|",
        STANDARD + "3B7D940000008150220886431E10C9022736|%GALJGMJKASUKZ?;0789059?| 5f2ab04d6d289495b7b14ec9a9602a23|V0.1|",
        "330399|||" + DATA.identificationCode() + "||" + DATA.atrHistoricalBytes() + "|3.00|20211203|20311202|",
        "0|卡片上电失败|"
    };

    private static void typed(WcsettleException e) {
        assertTrue(e instanceof CardReadException, "a CardReadException: " + e);
    }

    private static boolean ascii(String s, String allowed) {
        return s.chars().allMatch(c -> allowed.indexOf(c) >= 0);
    }

    private static final String HEX = "0123456789ABCDEF";
    private static final String DIGITS = "0123456789";

    /** The card's values have their ASCII forms, whatever the input looked like. */
    private static void wellFormed(SocialSecurityCard c) {
        assertTrue(c.identificationCode().length() == 32 && ascii(c.identificationCode(), HEX), "identification code");
        assertTrue(ascii(c.issuingAdmdvs().code(), DIGITS), "issuing admdvs");
        assertEquals(c.socialSecurityNumber(), reference18(c.socialSecurityNumber()), "social security number");
    }

    /** GB 11643 by the book: 17 ASCII digits, then the check character of Σ dᵢ·2^(17−i) mod 11. */
    static String reference18(String id) {
        if (id == null || id.length() != 18) {
            return null;
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            char c = id.charAt(i);
            if (c < '0' || c > '9') {
                return null;
            }
            sum += (c - '0') * ((1 << (17 - i)) % 11);
        }
        int check = (12 - sum % 11) % 11;
        char expected = check == 10 ? 'X' : (char) ('0' + check);
        char got = Character.toUpperCase(id.charAt(17));
        return got == expected ? id.substring(0, 17) + got : null;
    }

    @Test
    @DisplayName("Card fuzz: iReadCardBas strings give a well-formed read (ASCII forms only) or a CardReadException")
    void vendorString() {
        Fuzz.run("VendorCardString.read", Fuzz.tries(1), r -> {
            String seed = Mutate.pick(r, VENDOR_SEEDS);
            int rv = r.nextInt(10) == 0 ? (int) Mutate.edgyLong(r) : 0;
            if (r.nextInt(30) == 0) {
                boolean none = r.nextBoolean();
                return new Object[] {rv, none ? null : seed, !none && rv == 0 && seed.equals(STANDARD)};
            }
            String s = switch (r.nextInt(4)) {
                case 0 -> mutateItem(r, seed);
                default -> Mutate.string(r, seed);
            };
            return new Object[] {rv, s, false};
        }, in -> VendorCardString.read((Integer) in[0], (String) in[1], CLOCK), new Fuzz.Oracle<Object[], VendorCardRead>() {
            @Override
            public void accepted(Object[] in, VendorCardRead read) {
                assertEquals(0, (int) (Integer) in[0], "a non-zero return value accepted");
                assertTrue(read.identificationCode().length() == 32 && ascii(read.identificationCode(), HEX),
                        "identification code as ASCII hex: " + Fuzz.render(read.identificationCode()));
                assertTrue(ascii(read.issuingAdmdvs().code(), DIGITS), "issuing admdvs");
                assertTrue(ascii(read.atrHistoricalBytes(), HEX), "ATR historical bytes as ASCII hex");
                read.card().ifPresent(CardFuzzTest::wellFormed);
                if ((Boolean) in[2]) {
                    assertEquals(DATA.expectedFromVendor(), read.card().orElseThrow());
                }
            }

            @Override
            public void rejected(Object[] in, WcsettleException e) {
                typed(e);
                if ((Boolean) in[2]) {
                    fail("the unmutated vendor string was refused: " + e.getMessage());
                }
            }
        }, in -> in[0] + " " + Fuzz.render(in[1]));
    }

    /** One item of a {@code |} string replaced by a mutation of itself or of another item. */
    private static String mutateItem(SplittableRandom r, String s) {
        String[] items = s.split("\\|", -1);
        int i = r.nextInt(Math.max(1, items.length - 1));
        items[i] = r.nextBoolean() ? Mutate.string(r, items[i]) : Mutate.once(r, items[i]);
        return String.join("|", items);
    }

    @Test
    @DisplayName("Card fuzz: IdNumber.normalize gives the GB 11643 number a reference computes, or INVALID_ID_*")
    void idNumber() {
        String[] seeds = {SampleIds.id18("330302", LocalDate.of(1985, 7, 14), 317),
            SampleIds.id15("110105", LocalDate.of(1962, 3, 1), 21), SampleIds.id18("830000", LocalDate.of(2000, 2, 29), 8),
            SampleIds.id18("110105", LocalDate.of(1970, 1, 1), 1).substring(0, 17) + "x"};
        Fuzz.run("IdNumber.normalize", Fuzz.tries(1), r -> {
            String seed = Mutate.pick(r, seeds);
            return r.nextInt(20) == 0 ? seed : r.nextInt(30) == 0 ? null : Mutate.string(r, seed);
        }, s -> IdNumber.normalize(s, "certno"), new Fuzz.Oracle<String, String>() {
            @Override
            public void accepted(String in, String id) {
                assertEquals(id, reference18(id), "a GB 11643 number of ASCII digits");
                String expected = in.length() == 15 ? IdNumber.from15(in, "x") : reference18(in);
                assertEquals(expected, id);
                assertTrue(IdNumber.regionKnown(id));
                assertEquals(id, IdNumber.normalize(id, "certno"), "normal form is stable");
            }

            @Override
            public void rejected(String in, WcsettleException e) {
                typed(e);
                assertTrue(e.code().startsWith("INVALID_ID_"), e.code());
                assertEquals("certno", e.field());
            }
        });
        // the helpers a HIS may call with a raw string
        Fuzz.run("IdNumber.birthDate/regionKnown/checkCharacter", Fuzz.tries(0.5),
                r -> r.nextInt(20) == 0 ? null : Mutate.string(r, Mutate.pick(r, seeds)),
                s -> List.of(IdNumber.checkCharacter(s), IdNumber.regionKnown(s), IdNumber.birthDate(s)),
                (s, v) -> assertTrue(s.length() >= 17), Fuzz::render);
    }

    @Test
    @DisplayName("Card fuzz: an e-card token is accepted exactly when it is 1–1024 printable ASCII without spaces")
    void electronicCardToken() {
        String seed = "E" + "0123456789ABCDEFabcdef+/=_-".repeat(10);
        Fuzz.run("ElectronicCardToken", Fuzz.tries(1), r -> switch (r.nextInt(10)) {
            case 0 -> null;
            case 1 -> "x".repeat(1020 + r.nextInt(10));
            default -> Mutate.string(r, seed);
        }, ElectronicCardToken::new, new Fuzz.Oracle<String, ElectronicCardToken>() {
            @Override
            public void accepted(String in, ElectronicCardToken t) {
                assertTrue(!in.isEmpty() && in.length() <= 1024 && in.chars().allMatch(c -> c > 0x20 && c < 0x7F));
                assertEquals(in, t.value());
            }

            @Override
            public void rejected(String in, WcsettleException e) {
                typed(e);
                assertTrue(in == null || in.isEmpty() || in.length() > 1024 || !in.chars().allMatch(c -> c > 0x20 && c < 0x7F),
                        "a valid token refused");
            }
        }, Fuzz::render);
    }

    private static byte[] randomBytes(SplittableRandom r, int max) {
        byte[] b = new byte[r.nextInt(max + 1)];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) (r.nextInt(4) == 0 ? Mutate.pick(r, new Integer[] {0x00, 0x20, 0xFF, 0x7F, 0x80, 0x99, 0x9F,
                0xF9, 0x81})
                    : r.nextInt(256));
        }
        return b;
    }

    @Test
    @DisplayName("Card fuzz: item decoding (ASCII, GBK, BCD digits, BCD dates) equals a reference, or INVALID_CARD_FIELD / INVALID_GBK")
    void itemDecoding() {
        byte[] gbkSeed = "王小明".getBytes(CardText.GBK);
        Fuzz.run("CardText", Fuzz.tries(1), r -> {
            int kind = r.nextInt(4);
            byte[] b = switch (r.nextInt(3)) {
                case 0 -> randomBytes(r, 32);
                case 1 -> Mutate.flip(r, kind == 1 ? gbkSeed : new byte[] {0x19, (byte) 0x85, 0x07, 0x14});
                default -> Arrays.copyOf(gbkSeed, r.nextInt(gbkSeed.length + 3));
            };
            return new Object[] {kind, b};
        }, in -> {
            byte[] b = (byte[]) in[1];
            return switch ((Integer) in[0]) {
                case 0 -> CardText.ascii(b, "cardNumber");
                case 1 -> CardText.gbk(b, "name");
                case 2 -> CardText.bcdDigits(b, "birthplace");
                default -> CardText.date(b, "birthDate");
            };
        }, new Fuzz.Oracle<Object[], Object>() {
            @Override
            public void accepted(Object[] in, Object v) {
                byte[] b = (byte[]) in[1];
                switch ((Integer) in[0]) {
                    case 0 -> {
                        String s = (String) v;
                        assertTrue(s.chars().allMatch(c -> c >= 0x20 && c <= 0x7E), "printable ASCII");
                        assertArrayEquals(s.getBytes(StandardCharsets.US_ASCII), Arrays.copyOf(b, s.length()));
                    }
                    case 1 -> assertTrue(((String) v).chars().noneMatch(Character::isISOControl), "no control characters");
                    case 2 -> assertEquals(referenceBcd(b), v);
                    default -> assertEquals(LocalDate.parse(String.format("%s-%s-%s", hex(b).substring(0, 4),
                            hex(b).substring(4, 6), hex(b).substring(6, 8))), v);
                }
            }

            @Override
            public void rejected(Object[] in, WcsettleException e) {
                typed(e);
            }
        }, in -> in[0] + " " + hex((byte[]) in[1]));
    }

    private static String hex(byte[] b) {
        StringBuilder sb = new StringBuilder();
        for (byte x : b) {
            sb.append(String.format("%02X", x));
        }
        return sb.toString();
    }

    /** BCD digits with trailing F padding, by string handling. */
    private static String referenceBcd(byte[] b) {
        String h = hex(b);
        String digits = h.replaceAll("F+$", "");
        return digits.matches("[0-9]*") ? digits : null;
    }

    @Test
    @DisplayName("Card fuzz: a TLV record gives the value a plain reading gives, or TLV_TRUNCATED / TLV_MALFORMED")
    void tlv() {
        Fuzz.run("Tlv.value", Fuzz.tries(1), r -> {
            byte[] value = randomBytes(r, 140);
            byte[] rec;
            if (value.length > 0x7F || r.nextInt(8) == 0) {
                rec = new byte[3 + value.length];
                rec[0] = 0x08;
                rec[1] = (byte) 0x81;
                rec[2] = (byte) value.length;
                System.arraycopy(value, 0, rec, 3, value.length);
            } else {
                rec = new byte[2 + value.length];
                rec[0] = 0x08;
                rec[1] = (byte) value.length;
                System.arraycopy(value, 0, rec, 2, value.length);
            }
            return switch (r.nextInt(4)) {
                case 0 -> rec;
                case 1 -> Mutate.flip(r, rec);
                case 2 -> Arrays.copyOf(rec, r.nextInt(rec.length + 4));
                default -> randomBytes(r, 6);
            };
        }, rec -> Tlv.value(rec, 0x08, "name"), new Fuzz.Oracle<byte[], byte[]>() {
            @Override
            public void accepted(byte[] rec, byte[] v) {
                assertEquals(0x08, rec[0] & 0xFF);
                int len = rec[1] & 0xFF;
                int off = 2;
                if (len == 0x81) {
                    len = rec[2] & 0xFF;
                    off = 3;
                }
                assertTrue(len <= 0x7F || off == 3, "one-byte length form");
                assertEquals(off + len, rec.length, "exactly one TLV");
                assertArrayEquals(Arrays.copyOfRange(rec, off, off + len), v);
            }

            @Override
            public void rejected(byte[] rec, WcsettleException e) {
                typed(e);
                assertTrue(e.code().startsWith("TLV_"), e.code());
            }
        }, CardFuzzTest::hex);
    }

    @Test
    @DisplayName("Card fuzz: every response maps to one StatusWord; responses under two bytes are CARD_IO")
    void statusWords() {
        Fuzz.run("StatusWord.of", Fuzz.tries(1), r -> r.nextInt(10) == 0 ? null : randomBytes(r, 4), b -> {
            StatusWord w = StatusWord.of(b);
            int sw = ((b[b.length - 2] & 0xFF) << 8) | (b[b.length - 1] & 0xFF);
            return new Object[] {w, sw, StatusWord.triesLeft(sw), StatusWord.of(sw)};
        }, new Fuzz.Oracle<byte[], Object[]>() {
            @Override
            public void accepted(byte[] b, Object[] v) {
                assertEquals(v[0], v[3], "of(bytes) = of(int)");
                int sw = (Integer) v[1];
                int tries = (Integer) v[2];
                assertEquals((sw & 0xFFF0) == 0x63C0 ? sw & 0x0F : -1, tries);
                if (v[0] == StatusWord.SUCCESS) {
                    assertEquals(0x9000, sw);
                }
            }

            @Override
            public void rejected(byte[] b, WcsettleException e) {
                assertEquals("CARD_IO", e.code());
                assertTrue(b == null || b.length < 2);
            }
        }, b -> b == null ? "null" : hex(b));
    }

    /** A scripted channel (test double): the simulated card, its answers damaged by a seeded script. */
    static final class DamagingChannel implements ApduChannel {
        private final SimulatedSocialSecurityCard card;
        private final SplittableRandom r;
        private final int percent;
        private final boolean atrDamaged;
        int damaged;

        DamagingChannel(SimulatedSocialSecurityCard card, long seed, int percent) {
            this.card = card;
            this.r = new SplittableRandom(seed);
            this.percent = percent;
            this.atrDamaged = percent > 0 && r.nextInt(10) == 0;
            this.damaged = atrDamaged ? 1 : 0;
        }

        @Override
        public byte[] transceive(byte[] command) {
            byte[] answer = card.transceive(command);
            if (r.nextInt(100) >= percent) {
                return answer;
            }
            damaged++;
            int n = answer.length;
            return switch (r.nextInt(9)) {
                case 0 -> Arrays.copyOf(answer, r.nextInt(n + 1));
                case 1 -> Mutate.flip(r, answer);
                case 2 -> {
                    byte[] b = answer.clone();
                    int sw = Mutate.pick(r, new Integer[] {0x6100, 0x61FF, 0x6C00, 0x6C10, 0x6CFF, 0x6982, 0x6983, 0x9303,
                        0x63C0, 0x63C2, 0x6A82, 0x6A83, 0x6F00, 0x6282, 0x0000, 0xFFFF, r.nextInt(0x10000)});
                    b[n - 2] = (byte) (sw >>> 8);
                    b[n - 1] = (byte) sw;
                    yield b;
                }
                case 3 -> new byte[0];
                case 4 -> new byte[] {0x61, (byte) r.nextInt(256)};
                case 5 -> {
                    byte[] junk = randomBytes(r, 300);
                    byte[] b = Arrays.copyOf(junk, junk.length + 2);
                    b[b.length - 2] = (byte) 0x90;
                    yield b;
                }
                case 6 -> throw new CardReadException(CardErrorCode.CARD_REMOVED, null, "card pulled out (scripted)");
                case 7 -> new byte[] {0x6C, (byte) r.nextInt(256)};
                default -> {
                    byte[] b = new byte[n + 1 + r.nextInt(20)];
                    System.arraycopy(answer, 0, b, b.length - n, n);
                    yield b;
                }
            };
        }

        @Override
        public Optional<byte[]> atr() {
            Optional<byte[]> atr = card.atr();
            return atrDamaged ? atr.map(a -> Arrays.copyOf(Mutate.flip(r, a), r.nextInt(a.length + 1))) : atr;
        }
    }

    @Test
    @DisplayName("Card fuzz: a read over a channel that damages answers is the card itself or a CardReadException, never a hang")
    void readerOverDamagingChannel() {
        List<CardLayout> layouts = CardLayout.all();
        SocialSecurityCardReader reader = SocialSecurityCardReader.withoutPsam(CLOCK);
        SocialSecurityCard expected = DATA.expected();
        Fuzz.run("SocialSecurityCardReader.read", Fuzz.tries(0.5), r -> new long[] {r.nextInt(layouts.size()), r.nextLong(),
            r.nextInt(8) == 0 ? 0 : 1 + r.nextInt(r.nextBoolean() ? 5 : 40)}, in -> {
                DamagingChannel ch = new DamagingChannel(DATA.simulated(layouts.get((int) in[0])).build(), in[1], (int) in[2]);
                return new Object[] {reader.read(ch), ch.damaged};
            }, new Fuzz.Oracle<long[], Object[]>() {
                @Override
                public void accepted(long[] in, Object[] v) {
                    SocialSecurityCard c = (SocialSecurityCard) v[0];
                    wellFormed(c);
                    if ((Integer) v[1] == 0) {
                        assertEquals(expected, c, "an undamaged read is the card");
                    }
                }

                @Override
                public void rejected(long[] in, WcsettleException e) {
                    typed(e);
                    if (in[2] == 0) {
                        fail("an undamaged read failed: " + e.getMessage());
                    }
                }
            }, in -> "layout " + in[0] + " seed " + in[1] + " damage " + in[2] + "%");
    }
}
