package io.wcsettle.his.card;

import static io.wcsettle.his.card.CardFixtures.CLOCK;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.wcsettle.core.region.Admdvs;
import io.wcsettle.his.card.CardFixtures.CardData;
import io.wcsettle.testkit.card.CardLayout;
import io.wcsettle.testkit.card.CardLayout.LeBehaviour;
import io.wcsettle.testkit.card.CardLayout.RecordAddressing;
import io.wcsettle.testkit.card.CardLayout.SelectEf;
import io.wcsettle.testkit.card.SampleIds;
import io.wcsettle.testkit.card.SimulatedPsam;
import io.wcsettle.testkit.card.SimulatedSocialSecurityCard;
import io.wcsettle.testkit.card.SimulatedSocialSecurityCard.Generation;
import io.wcsettle.testkit.card.SimulatedSocialSecurityCard.Protection;

@DisplayName("Social security card read over an ApduChannel (PROTOCOL.md, card section)")
class SocialSecurityCardReaderTest {

    private static final SocialSecurityCardReader PLAIN = SocialSecurityCardReader.withoutPsam(CLOCK);
    private static final SocialSecurityCardReader WITH_PSAM = SocialSecurityCardReader.withPsam(CLOCK, new SimulatedPsam());
    private static final CardData DATA = CardData.sample();

    private static CardReadException failure(SocialSecurityCardReader reader, ApduChannel card) {
        return assertThrows(CardReadException.class, () -> reader.read(card));
    }

    private static CardErrorCode code(SocialSecurityCardReader reader, ApduChannel card) {
        return failure(reader, card).cardErrorCode();
    }

    /** Records every command sent to {@code card}. */
    private static final class Recording implements ApduChannel {
        final List<byte[]> commands = new ArrayList<>();
        final ApduChannel card;

        Recording(ApduChannel card) {
            this.card = card;
        }

        @Override
        public byte[] transceive(byte[] command) {
            commands.add(command.clone());
            return card.transceive(command);
        }

        @Override
        public java.util.Optional<byte[]> atr() {
            return card.atr();
        }

        List<String> readRecords() {
            return commands.stream().filter(c -> c[1] == (byte) 0xB2).map(c -> HexFormat.of().withUpperCase()
                    .formatHex(c, 2, 5)).toList();
        }
    }

    @Nested
    @DisplayName("items")
    class Items {

        @Test
        @DisplayName("every EF05/EF06 item decoded by its encoding, ATR historical bytes included, 16 APDUs")
        void read_returnsEveryItem() {
            SimulatedSocialSecurityCard card = DATA.simulated().build();
            SocialSecurityCard read = PLAIN.read(card);
            assertEquals(DATA.expected(), read);
            assertEquals("330399D15600000571A4E2C09B3D5F18", read.identificationCode());
            assertEquals(new Admdvs("330399"), read.issuingAdmdvs());
            assertEquals("3", read.cardType().orElseThrow());
            assertEquals("330300000000000000000017", read.initialisingInstitution().orElseThrow());
            assertEquals(Sex.MALE, read.sex().orElseThrow());
            assertEquals(1, read.ethnicity().getAsInt());
            assertEquals(new Admdvs("330302"), read.birthplace().orElseThrow());
            assertEquals(LocalDate.of(1985, 7, 14), read.birthDate());
            assertEquals("008C544CB386843303995F18A2", read.atrHistoricalBytes().orElseThrow());
            assertEquals(16, card.apduCount());
        }

        @Test
        @DisplayName("record 01 as PROTOCOL.md gives it: 16 binary bytes, shown as 32 hex, admdvs in BCD")
        void identificationCode_isSixteenBinaryBytes() {
            byte[] record = HexFormat.of().parseHex("0110" + "330300D156000005" + "00BF7C7A48FB4966");
            SocialSecurityCard read = PLAIN.read(DATA.simulated().rawRecord(0x01, record).build());
            assertEquals("330300D15600000500BF7C7A48FB4966", read.identificationCode());
            assertEquals("330300", read.issuingAdmdvs().code());
        }

        @Test
        @DisplayName("an identification code of 16 ASCII characters (the old, wrong reading) is INVALID_CARD_FIELD")
        void identificationCode_ofSixteenCharacters_isRefused() {
            byte[] ascii = "110100D156000005".getBytes(StandardCharsets.US_ASCII);
            byte[] record = new byte[18];
            record[0] = 0x01;
            record[1] = 0x10;
            System.arraycopy(ascii, 0, record, 2, 16);
            CardReadException e = failure(PLAIN, DATA.simulated().rawRecord(0x01, record).build());
            assertEquals(CardErrorCode.INVALID_CARD_FIELD, e.cardErrorCode());
            assertEquals("identificationCode", e.field());
        }

        @Test
        @DisplayName("a 15-digit social security number (old records) is read and returned as 18 digits")
        void fifteenDigitSsn_isConverted() {
            String id15 = SampleIds.id15("330302", LocalDate.of(1965, 3, 9), 25);
            String id18 = SampleIds.id18("330302", LocalDate.of(1965, 3, 9), 25);
            CardData data = DATA.withSsnOnCard(id15, id18);
            assertEquals(data.expected(), PLAIN.read(data.simulated().build()));
            assertEquals(id18, PLAIN.read(data.simulated().build()).socialSecurityNumber());
        }

        @ParameterizedTest(name = "出生地 digits \"{0}\" → {1}")
        @CsvSource(value = {"33, 330000", "3303, 330300", "330302, 330302", "'', -"})
        @DisplayName("出生地: BCD with FF padding, a province or city code when only 2 or 4 digits are given")
        void birthplace_ffPadding(String digits, String admdvs) {
            SocialSecurityCard read = PLAIN.read(DATA.withBirthplace(digits).simulated().build());
            assertEquals(admdvs.equals("-") ? null : new Admdvs(admdvs), read.birthplace().orElse(null));
        }

        @Test
        @DisplayName("a record cut inside its value: TLV_TRUNCATED; another tag or trailing bytes: TLV_MALFORMED")
        void tlvFaults() {
            assertEquals(CardErrorCode.TLV_TRUNCATED,
                    code(PLAIN, DATA.simulated().rawRecord(0x07, new byte[] {0x07, 0x09, 'K', '1', '2'}).build()));
            assertEquals(CardErrorCode.TLV_MALFORMED,
                    code(PLAIN, DATA.simulated().rawRecord(0x02, new byte[] {0x17, 0x01, '3'}).build()));
            assertEquals(CardErrorCode.TLV_MALFORMED,
                    code(PLAIN, DATA.simulated().rawRecord(0x02, new byte[] {0x02, 0x01, '3', 0x00}).build()));
        }

        @Test
        @DisplayName("a name that is not GBK: INVALID_GBK; a date that is not BCD: INVALID_CARD_FIELD naming it")
        void encodingFaults() {
            assertEquals(CardErrorCode.INVALID_GBK, code(PLAIN,
                    DATA.simulated().rawRecord(0x09, new byte[] {0x09, 0x03, (byte) 0xD5, (byte) 0xC5, (byte) 0x7F}).build()));
            CardReadException e = failure(PLAIN,
                    DATA.simulated().rawRecord(0x06, new byte[] {0x06, 0x04, 0x20, 0x3A, 0x01, 0x01}).build());
            assertEquals(CardErrorCode.INVALID_CARD_FIELD, e.cardErrorCode());
            assertEquals("expiryDate", e.field());
            assertEquals("sex", failure(PLAIN, DATA.simulated().sex("3").build()).field());
            assertEquals("ethnicity", failure(PLAIN, DATA.simulated().ethnicity(0).build()).field());
        }

        @Test
        @DisplayName("GB 11643: wrong length, wrong check character, unknown province are refused")
        void ssnFaults() {
            String good = DATA.ssn();
            assertEquals(CardErrorCode.INVALID_ID_LENGTH,
                    code(PLAIN, DATA.simulated().socialSecurityNumber(good.substring(0, 17)).build()));
            char wrong = good.charAt(17) == '0' ? '1' : '0';
            assertEquals(CardErrorCode.INVALID_ID_CHECK_DIGIT,
                    code(PLAIN, DATA.simulated().socialSecurityNumber(good.substring(0, 17) + wrong).build()));
            String first17 = "99" + good.substring(2, 17);
            assertEquals(CardErrorCode.INVALID_ID_REGION, code(PLAIN,
                    DATA.simulated().socialSecurityNumber(first17 + IdNumber.checkCharacter(first17)).build()));
        }

        @Test
        @DisplayName("issuing admdvs of no province: INVALID_ISSUING_ADMDVS; no D156000005 after it: INVALID_CARD_FIELD")
        void identificationCodeFaults() {
            assertEquals(CardErrorCode.INVALID_ISSUING_ADMDVS, code(PLAIN,
                    DATA.withIdentificationCode("990100D15600000571A4E2C09B3D5F18").simulated().build()));
            assertEquals(CardErrorCode.INVALID_CARD_FIELD, code(PLAIN,
                    DATA.withIdentificationCode("330399A00000000571A4E2C09B3D5F18").simulated().build()));
        }

        @Test
        @DisplayName("a card past its expiry date (injected clock): CARD_EXPIRED; expiring today is still valid")
        void expiry() {
            assertEquals(CardErrorCode.CARD_EXPIRED,
                    code(PLAIN, DATA.simulated().expiryDate(LocalDate.of(2025, 5, 31)).build()));
            assertEquals(LocalDate.of(2025, 6, 1),
                    PLAIN.read(DATA.simulated().expiryDate(LocalDate.of(2025, 6, 1)).build()).expiryDate());
        }
    }

    @Nested
    @DisplayName("addressing")
    class Addressing {

        @Test
        @DisplayName("by record number: EF05 records 1–7, EF06 numbered from 1 again (record 1 is tag 08)")
        void byNumber_ef06StartsAtOne() {
            Recording card = new Recording(DATA.simulated(CardLayout.lenient().withRecords(RecordAddressing.BY_NUMBER))
                    .build());
            assertEquals(DATA.expected(), PLAIN.read(card));
            assertEquals(List.of("010412", "020403", "030406", "04040E", "050406", "060406", "07040B",
                    "010414", "020420", "030403", "040403", "050405", "060406"), card.readRecords());
        }

        @Test
        @DisplayName("a card that answers only by identifier: one 6A86, then P1 = tag, P2 = 00 for the rest")
        void byIdentifierOnly_fallsBackOnceAndRemembers() {
            SimulatedSocialSecurityCard sim = DATA.simulated(
                    CardLayout.lenient().withRecords(RecordAddressing.BY_IDENTIFIER)).build();
            Recording card = new Recording(sim);
            assertEquals(DATA.expected(), PLAIN.read(card));
            List<String> reads = card.readRecords();
            assertEquals("010412", reads.get(0));
            assertEquals("010012", reads.get(1));
            assertEquals("080014", reads.get(8));
            assertEquals(17, sim.apduCount());
        }

        @Test
        @DisplayName("Le 00 only: one 6700, then Le 00 for the rest; exact Le only: no fallback")
        void leForms() {
            SimulatedSocialSecurityCard zero = DATA.simulated(CardLayout.lenient().withLe(LeBehaviour.ZERO)).build();
            assertEquals(DATA.expected(), PLAIN.read(zero));
            assertEquals(17, zero.apduCount());
            SimulatedSocialSecurityCard exact = DATA.simulated(CardLayout.lenient().withLe(LeBehaviour.EXACT)).build();
            assertEquals(DATA.expected(), PLAIN.read(exact));
            assertEquals(16, exact.apduCount());
        }

        @Test
        @DisplayName("6Cxx: a name record shorter than 30 bytes answers 6C08 to Le 32 and is resent with Le 08")
        void wrongLe_isResent() {
            byte[] shortName = {0x09, 0x06, (byte) 0xCD, (byte) 0xF5, (byte) 0xD0, (byte) 0xA1, (byte) 0xC3, (byte) 0xF7};
            Recording card = new Recording(DATA.simulated().rawRecord(0x09, shortName).build());
            assertEquals(DATA.expected(), PLAIN.read(card));
            List<String> reads = card.readRecords();
            assertEquals(List.of("020420", "020408"), reads.subList(8, 10));
        }

        @Test
        @DisplayName("61xx: every record fetched with GET RESPONSE 00 C0 00 00 xx")
        void chained_getResponse() {
            SimulatedSocialSecurityCard card = DATA.simulated(CardLayout.lenient().withLe(LeBehaviour.CHAINED)).build();
            assertEquals(DATA.expected(), PLAIN.read(card));
            assertEquals(16 + 13, card.apduCount());
        }

        @Test
        @DisplayName("SELECT by file id with P1 00 only, and 61xx after SELECT of the application")
        void selectVariants() {
            SimulatedSocialSecurityCard p100 = DATA.simulated(CardLayout.lenient().withSelectEf(SelectEf.P1_00)).build();
            assertEquals(DATA.expected(), PLAIN.read(p100));
            assertEquals(17, p100.apduCount());
            SimulatedSocialSecurityCard more = DATA.simulated(CardLayout.lenient().withSelectAidMoreData(true)).build();
            assertEquals(DATA.expected(), PLAIN.read(more));
            assertEquals(17, more.apduCount());
        }

        @Test
        @DisplayName("the strictest combination: identifier only, Le 00 only, P1 00 only, 61xx on select")
        void strictestCard_isRead() {
            CardLayout strict = new CardLayout(RecordAddressing.BY_IDENTIFIER, LeBehaviour.ZERO, SelectEf.P1_00, true);
            assertEquals(DATA.expected(), PLAIN.read(DATA.simulated(strict).build()));
        }

        @Test
        @DisplayName("a record that is on no addressing: RECORD_NOT_FOUND, not a parameter error")
        void missingRecord_isRecordNotFound() {
            CardReadException e = failure(PLAIN, DATA.simulated().statusWord(0x0B, 0x6A83).build());
            assertEquals(CardErrorCode.RECORD_NOT_FOUND, e.cardErrorCode());
            assertEquals("ethnicity", e.field());
            assertEquals(0x6A83, e.statusWord().getAsInt());
        }
    }

    @Nested
    @DisplayName("security")
    class Security {

        @Test
        @DisplayName("third generation as issued: without PSAM PSAM_REQUIRED at 卡号; with it the whole card")
        void thirdGenerationAsIssued() {
            SimulatedSocialSecurityCard.Builder b = SimulatedSocialSecurityCard.asIssued(Generation.THIRD);
            CardReadException e = failure(PLAIN, b.build());
            assertEquals(CardErrorCode.PSAM_REQUIRED, e.cardErrorCode());
            assertEquals("cardNumber", e.field());
            SimulatedSocialSecurityCard card = b.build();
            assertEquals("3.00", WITH_PSAM.read(card).specVersion());
            assertEquals(16 + 3, card.apduCount());
        }

        @Test
        @DisplayName("second generation as issued: read without PSAM")
        void secondGenerationAsIssued() {
            assertEquals("2.00", PLAIN.read(SimulatedSocialSecurityCard.asIssued(Generation.SECOND).build()).specVersion());
        }

        @Test
        @DisplayName("PSAM with the wrong key: 6300, PSAM_AUTH_FAILED; a key id the card lacks: 6A88")
        void psamFaults() {
            SimulatedSocialSecurityCard.Builder b = DATA.simulated().externalAuthentication(Protection.EF06);
            assertEquals(CardErrorCode.PSAM_AUTH_FAILED, code(WITH_PSAM,
                    b.psamKey("another-16-bytes".getBytes(StandardCharsets.US_ASCII)).build()));
            assertEquals(CardErrorCode.REFERENCED_DATA_NOT_FOUND,
                    code(WITH_PSAM, DATA.simulated().externalAuthentication(Protection.EF06).keyId(0x02).build()));
        }

        @Test
        @DisplayName("PIN: EF06 read after VERIFY 00 20 00 00 03 with the PIN as 3 BCD bytes")
        void pin_correct() {
            SimulatedSocialSecurityCard card = DATA.simulated().pin("246810").pinProtection(Protection.EF06).build();
            assertEquals(DATA.expected(), PLAIN.read(card, PinEntry.typed(Pin.of("246810".toCharArray()))));
            assertEquals(6, card.pinTriesLeft());
        }

        @Test
        @DisplayName("PIN wrong: PIN_INCORRECT with the tries left (63Cx), the card counting down")
        void pin_wrong_reportsTriesLeft() {
            SimulatedSocialSecurityCard card = DATA.simulated().pin("246810").pinProtection(Protection.EF06).build();
            PinEntry wrong = PinEntry.typed(Pin.of("135790".toCharArray()));
            CardReadException e = assertThrows(CardReadException.class, () -> PLAIN.read(card, wrong));
            assertEquals(CardErrorCode.PIN_INCORRECT, e.cardErrorCode());
            assertEquals(5, e.triesLeft().getAsInt());
            assertEquals(5, card.pinTriesLeft());
            assertFalse(e.getMessage().contains("135790"));
        }

        @Test
        @DisplayName("the sixth wrong PIN: 63C0 (no tries left); after that the card is locked: 6983, CARD_LOCKED")
        void pin_lock() {
            SimulatedSocialSecurityCard card = DATA.simulated().pin("246810").pinProtection(Protection.EF06)
                    .pinTriesLeft(1).build();
            PinEntry wrong = PinEntry.typed(Pin.of("000000".toCharArray()));
            CardReadException last = assertThrows(CardReadException.class, () -> PLAIN.read(card, wrong));
            assertEquals(0, last.triesLeft().getAsInt());
            CardReadException locked = assertThrows(CardReadException.class,
                    () -> PLAIN.read(card, PinEntry.typed(Pin.of("246810".toCharArray()))));
            assertEquals(CardErrorCode.CARD_LOCKED, locked.cardErrorCode());
            assertEquals(0x6983, locked.statusWord().getAsInt());
        }

        @Test
        @DisplayName("PIN needed but none given: PSAM_REQUIRED without PSAM, PIN_REQUIRED after the PSAM")
        void pin_missing() {
            SimulatedSocialSecurityCard.Builder b = DATA.simulated().pin("246810").pinProtection(Protection.EF06);
            assertEquals(CardErrorCode.PSAM_REQUIRED, code(PLAIN, b.build()));
            assertEquals(CardErrorCode.PIN_REQUIRED, code(WITH_PSAM, b.build()));
        }

        @Test
        @DisplayName("PSAM and PIN both needed: external authentication first, then VERIFY")
        void psamAndPin() {
            SimulatedSocialSecurityCard card = DATA.simulated().pin("246810").pinProtection(Protection.EF06)
                    .externalAuthentication(Protection.PERSONAL_ITEMS).build();
            assertEquals(DATA.expected(), WITH_PSAM.read(card, PinEntry.typed(Pin.of("246810".toCharArray()))));
            assertEquals(16 + 3 + 2, card.apduCount());
        }

        @Test
        @DisplayName("the PIN on a PIN pad: the pad fills the VERIFY template; 6400 / 6401 are timeout / cancel")
        void pinPad() {
            SimulatedSocialSecurityCard card = DATA.simulated().pin("246810").pinProtection(Protection.EF06).build();
            // a PIN pad double: the holder types 246810, the pad puts it into the template's PIN block
            PinPad holderTypes = template -> {
                assertEquals("00200000" + "03FFFFFF", HexFormat.of().withUpperCase().formatHex(template));
                byte[] filled = template.clone();
                filled[5] = 0x24;
                filled[6] = 0x68;
                filled[7] = 0x10;
                return card.transceive(filled);
            };
            assertEquals(DATA.expected(), PLAIN.read(card, PinEntry.onPinPad(holderTypes)));
            SimulatedSocialSecurityCard other = DATA.simulated().pin("246810").pinProtection(Protection.EF06).build();
            assertEquals(CardErrorCode.PIN_ENTRY_TIMEOUT, assertThrows(CardReadException.class,
                    () -> PLAIN.read(other, PinEntry.onPinPad(t -> new byte[] {0x64, 0x00}))).cardErrorCode());
            assertEquals(CardErrorCode.PIN_ENTRY_CANCELLED, assertThrows(CardReadException.class,
                    () -> PLAIN.read(other, PinEntry.onPinPad(t -> new byte[] {0x64, 0x01}))).cardErrorCode());
        }

        @Test
        @DisplayName("6283 at select: CARD_BLOCKED; 9303: APPLICATION_LOCKED; 6A82: NOT_A_SOCIAL_SECURITY_CARD")
        void selectRefusals() {
            assertEquals(CardErrorCode.CARD_BLOCKED, code(PLAIN, DATA.simulated().blocked(true).build()));
            assertEquals(CardErrorCode.APPLICATION_LOCKED, code(PLAIN, DATA.simulated().locked(true).build()));
            assertEquals(CardErrorCode.NOT_A_SOCIAL_SECURITY_CARD, code(PLAIN, command -> new byte[] {0x6A, (byte) 0x82}));
        }

        @Test
        @DisplayName("the card pulled out mid-read: CARD_REMOVED, nothing returned")
        void pulledOut() {
            assertEquals(CardErrorCode.CARD_REMOVED, code(PLAIN, DATA.simulated().pullOutAfter(11).build()));
        }
    }

    @Test
    @DisplayName("the reader logs nothing at construction and its card's toString holds no personal data")
    void toString_hidesPersonalData() {
        String s = PLAIN.read(DATA.simulated().build()).toString();
        assertFalse(s.contains(DATA.name()) || s.contains(DATA.ssn()) || s.contains(DATA.cardNumber()), s);
        assertTrue(s.contains("330399"), s);
    }
}
