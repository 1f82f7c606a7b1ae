package io.wcsettle.his.card;

import static io.wcsettle.his.card.CardFixtures.CLOCK;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import io.wcsettle.testkit.card.SimulatedPsam;
import io.wcsettle.testkit.card.SimulatedSocialSecurityCard;

@DisplayName("Third-generation card read over an ApduChannel (PROTOCOL.md, card section)")
class SocialSecurityCardReaderTest {

    private static final SocialSecurityCardReader PLAIN = SocialSecurityCardReader.withoutPsam(CLOCK);
    private static final SocialSecurityCardReader WITH_PSAM = SocialSecurityCardReader.withPsam(CLOCK, new SimulatedPsam());

    private static CardErrorCode failure(SocialSecurityCardReader reader, SimulatedSocialSecurityCard card) {
        return assertThrows(CardReadException.class, () -> reader.read(card)).cardErrorCode();
    }

    @Test
    @DisplayName("select SSSE, EF05 01–07, EF06 08–0D: the whole card, 16 APDUs")
    void read_whenCardIsValid_returnsTheCard() {
        SimulatedSocialSecurityCard card = SimulatedSocialSecurityCard.sample();
        assertEquals(CardFixtures.sampleCard(), PLAIN.read(card));
        assertEquals(16, card.apduCount());
    }

    @Test
    @DisplayName("issuing admdvs is the first six characters of the identification code")
    void read_issuingAdmdvs_comesFromTheIdentificationCode() {
        assertEquals("110100", PLAIN.read(SimulatedSocialSecurityCard.sample()).issuingAdmdvs().code());
    }

    @Test
    @DisplayName("EF06 answering 6982: external authentication through the PSAM, then read")
    void read_whenEf06NeedsAuthentication_authenticatesThroughThePsam() {
        SimulatedSocialSecurityCard card = SimulatedSocialSecurityCard.builder().ef06NeedsAuthentication(true).build();
        assertEquals(CardFixtures.sampleCard(), WITH_PSAM.read(card));
        assertEquals(19, card.apduCount());
    }

    @Test
    @DisplayName("EF06 answering 6982 and no PSAM configured: PSAM_REQUIRED")
    void read_whenEf06NeedsAuthenticationWithoutPsam_failsPsamRequired() {
        assertEquals(CardErrorCode.PSAM_REQUIRED,
                failure(PLAIN, SimulatedSocialSecurityCard.builder().ef06NeedsAuthentication(true).build()));
    }

    @Test
    @DisplayName("PSAM with the wrong key: the card answers 6300, PSAM_AUTH_FAILED")
    void read_whenPsamKeyIsWrong_failsPsamAuthFailed() {
        SimulatedSocialSecurityCard card = SimulatedSocialSecurityCard.builder().ef06NeedsAuthentication(true)
                .psamKey("another-16-bytes".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).build();
        assertEquals(CardErrorCode.PSAM_AUTH_FAILED, failure(WITH_PSAM, card));
    }

    @Test
    @DisplayName("6283 at application select: CARD_BLOCKED")
    void read_whenApplicationBlocked_failsCardBlocked() {
        assertEquals(CardErrorCode.CARD_BLOCKED, failure(PLAIN, SimulatedSocialSecurityCard.builder().blocked(true).build()));
    }

    @Test
    @DisplayName("6A82 at application select: NOT_A_SOCIAL_SECURITY_CARD")
    void read_whenNoSocialSecurityApplication_failsNotASocialSecurityCard() {
        ApduChannel bankCard = command -> new byte[] {0x6A, (byte) 0x82};
        assertEquals(CardErrorCode.NOT_A_SOCIAL_SECURITY_CARD,
                assertThrows(CardReadException.class, () -> PLAIN.read(bankCard)).cardErrorCode());
    }

    @Test
    @DisplayName("an unexpected status word on a record: UNEXPECTED_STATUS_WORD naming the field")
    void read_whenRecordAnswersMemoryFailure_failsUnexpectedStatusWord() {
        CardReadException e = assertThrows(CardReadException.class,
                () -> PLAIN.read(SimulatedSocialSecurityCard.builder().statusWord(0x07, 0x6581).build()));
        assertEquals(CardErrorCode.UNEXPECTED_STATUS_WORD, e.cardErrorCode());
        assertEquals("cardNumber", e.field());
    }

    @Test
    @DisplayName("a record cut inside its value: TLV_TRUNCATED")
    void read_whenRecordTruncated_failsTlvTruncated() {
        byte[] truncated = {0x07, 0x09, 'K', '1', '2'};
        assertEquals(CardErrorCode.TLV_TRUNCATED,
                failure(PLAIN, SimulatedSocialSecurityCard.builder().rawRecord(0x07, truncated).build()));
    }

    @Test
    @DisplayName("a record with another tag or trailing bytes: TLV_MALFORMED")
    void read_whenRecordMalformed_failsTlvMalformed() {
        byte[] wrongTag = {0x17, 0x01, '3'};
        byte[] trailing = {0x02, 0x01, '3', 0x00};
        assertEquals(CardErrorCode.TLV_MALFORMED,
                failure(PLAIN, SimulatedSocialSecurityCard.builder().rawRecord(0x02, wrongTag).build()));
        assertEquals(CardErrorCode.TLV_MALFORMED,
                failure(PLAIN, SimulatedSocialSecurityCard.builder().rawRecord(0x02, trailing).build()));
    }

    @Test
    @DisplayName("a name that is not GBK: INVALID_GBK")
    void read_whenNameIsNotGbk_failsInvalidGbk() {
        byte[] name = {0x09, 0x03, (byte) 0xD5, (byte) 0xC5, (byte) 0xFF};
        assertEquals(CardErrorCode.INVALID_GBK,
                failure(PLAIN, SimulatedSocialSecurityCard.builder().rawRecord(0x09, name).build()));
    }

    @Test
    @DisplayName("GB 11643: an ID number of 17 characters is INVALID_ID_LENGTH")
    void read_whenIdNumberTooShort_failsInvalidIdLength() {
        assertEquals(CardErrorCode.INVALID_ID_LENGTH,
                failure(PLAIN, SimulatedSocialSecurityCard.builder().socialSecurityNumber("11010519491231002").build()));
    }

    @Test
    @DisplayName("GB 11643: a wrong check character is INVALID_ID_CHECK_DIGIT")
    void read_whenIdCheckDigitWrong_failsInvalidIdCheckDigit() {
        assertEquals(CardErrorCode.INVALID_ID_CHECK_DIGIT,
                failure(PLAIN, SimulatedSocialSecurityCard.builder().socialSecurityNumber("110105194912310021").build()));
    }

    @Test
    @DisplayName("a card past its expiry date (injected clock): CARD_EXPIRED")
    void read_whenCardExpired_failsCardExpired() {
        SimulatedSocialSecurityCard card = SimulatedSocialSecurityCard.builder()
                .expiryDate(LocalDate.of(2025, 5, 31)).build();
        assertEquals(CardErrorCode.CARD_EXPIRED, failure(PLAIN, card));
    }

    @Test
    @DisplayName("a card expiring today is still valid")
    void read_whenCardExpiresToday_isValid() {
        SimulatedSocialSecurityCard card = SimulatedSocialSecurityCard.builder()
                .expiryDate(LocalDate.of(2025, 6, 1)).build();
        assertEquals(LocalDate.of(2025, 6, 1), PLAIN.read(card).expiryDate());
    }

    @Test
    @DisplayName("an identification code whose first six characters are no admdvs: INVALID_ISSUING_ADMDVS")
    void read_whenIssuingAdmdvsInvalid_failsInvalidIssuingAdmdvs() {
        assertEquals(CardErrorCode.INVALID_ISSUING_ADMDVS,
                failure(PLAIN, SimulatedSocialSecurityCard.builder().identificationCode("990100D156000005").build()));
    }

    @Test
    @DisplayName("the card pulled out mid-read: CARD_REMOVED, nothing returned")
    void read_whenCardPulledOutMidRead_failsCardRemoved() {
        assertEquals(CardErrorCode.CARD_REMOVED,
                failure(PLAIN, SimulatedSocialSecurityCard.builder().pullOutAfter(11).build()));
    }

    @Test
    @DisplayName("6Cxx: the read is resent with the exact Le")
    void read_whenCardAnswersWrongLe_resendsWithExactLe() {
        SimulatedSocialSecurityCard card = SimulatedSocialSecurityCard.sample();
        // a reader that always asks Le = 01: the card answers 6Cxx and the reader must resend
        ApduChannel fixedLe = command -> {
            byte[] c = command.clone();
            if (c.length == 5 && c[1] == (byte) 0xB2 && c[4] == 0) {
                c[4] = 1;
            }
            return card.transceive(c);
        };
        assertEquals(CardFixtures.sampleCard(), PLAIN.read(fixedLe));
    }
}
