package io.wcsettle.his.card;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a third-generation social security card over an {@link ApduChannel}: selects the social
 * security application, EF05 (records 01–07) and EF06 (records 08–0D), authenticating through the
 * {@link Psam} when EF06 answers {@code 6982}. Every record must be one TLV of its record number;
 * text is GBK. The result is validated whole ({@link SocialSecurityCard.Builder#build(Clock)}), or
 * a {@link CardReadException} is thrown: never a half-filled card.
 *
 * <p>Records 02 (category), 04 (issuing organisation), 0A–0D (sex, ethnicity, birthplace, birth
 * date) are read and checked for TLV structure but not kept: the card value carries what
 * settlement needs. Thread-safe if the channel is; one read at a time per channel.
 */
public final class SocialSecurityCardReader {

    private static final Logger LOG = LoggerFactory.getLogger(SocialSecurityCardReader.class);

    private final Clock clock;
    private final Psam psam;

    private SocialSecurityCardReader(Clock clock, Psam psam) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.psam = psam;
    }

    /** A reader without PSAM: cards whose EF06 needs authentication fail with {@code PSAM_REQUIRED}. */
    public static SocialSecurityCardReader withoutPsam(Clock clock) {
        return new SocialSecurityCardReader(clock, null);
    }

    /** A reader that authenticates through {@code psam} when EF06 asks for it. */
    public static SocialSecurityCardReader withPsam(Clock clock, Psam psam) {
        return new SocialSecurityCardReader(clock, Objects.requireNonNull(psam, "psam"));
    }

    /** The PSAM, if any. */
    public Optional<Psam> psam() {
        return Optional.ofNullable(psam);
    }

    /**
     * Reads and validates the card in {@code channel}.
     *
     * @throws CardReadException any {@link CardErrorCode} of reading or validation
     */
    public SocialSecurityCard read(ApduChannel channel) {
        Exchange card = new Exchange(channel);
        byte[] select = card.send(Apdus.selectApplication());
        int sw = StatusWord.sw(select);
        if (sw == 0x6A82) {
            throw new CardReadException(CardErrorCode.NOT_A_SOCIAL_SECURITY_CARD, "application",
                    "no social security application (6A82)");
        }
        if (sw != 0x9000) {
            throw Exchange.failure(sw, "application");
        }

        card.expectSuccess(Apdus.selectEf(Apdus.EF05), "EF05");
        String identificationCode = ascii(record(card, 0x01, "identificationCode"), "identificationCode");
        record(card, 0x02, "cardCategory");
        String specVersion = ascii(record(card, 0x03, "specVersion"), "specVersion");
        record(card, 0x04, "issuingOrganisation");
        var issueDate = CardText.date(record(card, 0x05, "issueDate"), "issueDate");
        var expiryDate = CardText.date(record(card, 0x06, "expiryDate"), "expiryDate");
        String cardNumber = ascii(record(card, 0x07, "cardNumber"), "cardNumber");

        card.expectSuccess(Apdus.selectEf(Apdus.EF06), "EF06");
        byte[] ssnRecord = readRecord(card, 0x08);
        int ssnSw = StatusWord.sw(ssnRecord);
        if (ssnSw == 0x6982 && psam != null) {
            authenticate(card, identificationCode);
            ssnRecord = readRecord(card, 0x08);
            ssnSw = StatusWord.sw(ssnRecord);
        }
        if (ssnSw != 0x9000) {
            throw Exchange.failure(ssnSw, "socialSecurityNumber");
        }
        String ssn = ascii(Tlv.value(Apdus.data(ssnRecord), 0x08, "socialSecurityNumber"), "socialSecurityNumber");
        String name = CardText.gbk(record(card, 0x09, "name"), "name");
        record(card, 0x0A, "sex");
        record(card, 0x0B, "ethnicity");
        record(card, 0x0C, "birthplace");
        record(card, 0x0D, "birthDate");

        SocialSecurityCard result = SocialSecurityCard.builder()
                .identificationCode(identificationCode)
                .specVersion(specVersion)
                .issueDate(issueDate)
                .expiryDate(expiryDate)
                .cardNumber(cardNumber)
                .socialSecurityNumber(ssn)
                .name(name)
                .build(clock);
        LOG.debug("social security card read [apdus={}, issuingAdmdvs={}]", card.apduCount(), result.issuingAdmdvs());
        return result;
    }

    private void authenticate(Exchange card, String identificationCode) {
        LOG.debug("EF06 needs external authentication, asking the PSAM");
        byte[] challenge = card.expectSuccess(Apdus.getChallenge(8), "getChallenge");
        if (challenge.length != 8) {
            throw new CardReadException(CardErrorCode.PSAM_AUTH_FAILED, "getChallenge",
                    "challenge of " + challenge.length + " bytes");
        }
        byte[] cryptogram = psam.externalAuthenticationCryptogram(identificationCode, challenge);
        if (cryptogram == null || cryptogram.length != 8) {
            throw new CardReadException(CardErrorCode.PSAM_AUTH_FAILED, "psam", "PSAM gave no 8-byte cryptogram");
        }
        byte[] response = card.send(Apdus.externalAuthenticate(psam.keyId(), cryptogram));
        int sw = StatusWord.sw(response);
        if (sw != 0x9000) {
            LOG.debug("external authentication refused with {}", StatusWord.hex(sw));
            throw new CardReadException(CardErrorCode.PSAM_AUTH_FAILED, "externalAuthenticate",
                    "status word " + StatusWord.hex(sw) + ": " + StatusWord.of(sw).meaning());
        }
    }

    private static byte[] readRecord(Exchange card, int record) {
        return card.send(Apdus.readRecord(record));
    }

    private static byte[] record(Exchange card, int record, String field) {
        byte[] response = readRecord(card, record);
        int sw = StatusWord.sw(response);
        if (sw != 0x9000) {
            throw Exchange.failure(sw, field);
        }
        return Tlv.value(Apdus.data(response), record, field);
    }

    /** Printable ASCII, trailing spaces / NULs removed. */
    private static String ascii(byte[] value, String field) {
        int end = value.length;
        while (end > 0 && (value[end - 1] == 0x00 || value[end - 1] == 0x20)) {
            end--;
        }
        for (int i = 0; i < end; i++) {
            if (value[i] < 0x20 || value[i] > 0x7E) {
                throw new CardReadException(CardErrorCode.INVALID_CARD_FIELD, field, "not printable ASCII");
            }
        }
        return new String(value, 0, end, StandardCharsets.US_ASCII);
    }
}
