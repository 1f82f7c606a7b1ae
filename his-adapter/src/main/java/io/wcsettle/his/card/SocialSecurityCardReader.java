package io.wcsettle.his.card;

import java.time.Clock;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import javax.smartcardio.ATR;

import io.wcsettle.core.region.Admdvs;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a social security card (second or third generation) over an {@link ApduChannel}: selects
 * the social security application, then EF05 (items 01–07) and EF06 (items 08–0D), each item one
 * TLV record decoded by its encoding (PROTOCOL.md, card table). The result is validated whole
 * ({@link SocialSecurityCard.Builder#build(Clock)}), or a {@link CardReadException} is thrown:
 * never a half-filled card.
 *
 * <p>Cards differ in what they accept, and the reader works with each: SELECT by file id with
 * P1 {@code 02} or {@code 00}; READ RECORD by record number within the EF ({@code 00 B2 n 04})
 * or by record identifier ({@code 00 B2 tag 00}); Le = item length + 2 or {@code 00};
 * {@code 6Cxx} (resend with Le = xx) and {@code 61xx} (GET RESPONSE). It tries the first form,
 * falls back to the other when the card refuses it, and keeps what worked for the rest of the read.
 *
 * <p>When a record answers {@code 6982}, the reader authenticates with what it has, in this
 * order: external authentication through the {@link Psam}, then the holder's PIN
 * ({@link PinEntry}); then reads the record again. A wrong PIN fails with {@code PIN_INCORRECT}
 * and the tries left; a locked card with {@code CARD_LOCKED} ({@code 6983}) or
 * {@code APPLICATION_LOCKED} ({@code 9303}). Every status word of PROTOCOL.md ends in its own code
 * ({@link StatusWord#errorCode()}).
 *
 * <p>Logs (DEBUG) the APDU count, the addressing that worked and the issuing admdvs; never an item
 * value, an APDU or the PIN. Thread-safe if the channel is; one read at a time per channel.
 */
public final class SocialSecurityCardReader {

    private static final Logger LOG = LoggerFactory.getLogger(SocialSecurityCardReader.class);

    private final Clock clock;
    private final Psam psam;

    private SocialSecurityCardReader(Clock clock, Psam psam) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.psam = psam;
    }

    /** A reader without PSAM: records that need external authentication fail with {@code PSAM_REQUIRED}. */
    public static SocialSecurityCardReader withoutPsam(Clock clock) {
        return new SocialSecurityCardReader(clock, null);
    }

    /** A reader that authenticates through {@code psam} when a record asks for it. */
    public static SocialSecurityCardReader withPsam(Clock clock, Psam psam) {
        return new SocialSecurityCardReader(clock, Objects.requireNonNull(psam, "psam"));
    }

    /** The PSAM, if any. */
    public Optional<Psam> psam() {
        return Optional.ofNullable(psam);
    }

    /**
     * Reads and validates the card in {@code channel}, without a PIN.
     *
     * @throws CardReadException any {@link CardErrorCode} of reading or validation
     */
    public SocialSecurityCard read(ApduChannel channel) {
        return read(channel, null);
    }

    /**
     * Reads and validates the card in {@code channel}, verifying the holder's PIN through
     * {@code pin} if a record needs it.
     *
     * @param channel the card
     * @param pin     how the PIN is entered, or {@code null} for none
     * @throws CardReadException any {@link CardErrorCode} of reading, PIN verification or validation
     */
    public SocialSecurityCard read(ApduChannel channel, PinEntry pin) {
        Objects.requireNonNull(channel, "channel");
        CardSession session = new CardSession(new Exchange(channel));
        Authentication auth = new Authentication(pin);
        session.selectApplication();

        Map<CardItem, byte[]> values = new EnumMap<>(CardItem.class);
        String identificationCode = null;
        for (int ef : new int[] {Apdus.EF05, Apdus.EF06}) {
            session.selectEf(ef, ef == Apdus.EF05 ? "EF05" : "EF06");
            for (CardItem item : CardItem.values()) {
                if (item.ef() != ef) {
                    continue;
                }
                values.put(item, read(session, item, auth, identificationCode));
                if (item == CardItem.IDENTIFICATION_CODE) {
                    identificationCode = SocialSecurityCard.Builder.checkIdentificationCode(
                            CardText.hex(fixed(values.get(item), item)));
                }
            }
        }
        SocialSecurityCard card = decode(values, atrHistoricalBytes(channel)).build(clock);
        LOG.debug("social security card read [apdus={}, records={}, le={}, issuingAdmdvs={}]",
                session.exchange().apduCount(), session.addressing(), session.leForm(), card.issuingAdmdvs());
        return card;
    }

    /** Which authentication means this read has used. */
    private static final class Authentication {
        final PinEntry pin;
        boolean psamUsed;
        boolean pinUsed;

        Authentication(PinEntry pin) {
            this.pin = pin;
        }
    }

    private byte[] read(CardSession session, CardItem item, Authentication auth, String identificationCode) {
        while (true) {
            CardSession.ItemAnswer answer = session.read(item);
            if (answer.ok()) {
                return answer.value();
            }
            if (answer.sw() != 0x6982) {
                throw Exchange.failure(answer.sw(), item.field());
            }
            if (psam != null && !auth.psamUsed) {
                auth.psamUsed = true;
                authenticate(session.exchange(), identificationCode, item);
            } else if (auth.pin != null && !auth.pinUsed) {
                auth.pinUsed = true;
                verifyPin(session.exchange(), auth.pin);
            } else {
                throw securityNotSatisfied(item, auth);
            }
        }
    }

    private CardReadException securityNotSatisfied(CardItem item, Authentication auth) {
        LOG.debug("card answered 6982 at step {} [psam={}, pin={}]", item.field(), auth.psamUsed, auth.pinUsed);
        if (psam == null) {
            return new CardReadException(CardErrorCode.PSAM_REQUIRED, item.field(),
                    "6982: the record needs external authentication and no PSAM is configured", 0x6982);
        }
        if (auth.pin == null) {
            return new CardReadException(CardErrorCode.PIN_REQUIRED, item.field(),
                    "6982 after external authentication: the record needs the holder's PIN", 0x6982);
        }
        return new CardReadException(CardErrorCode.SECURITY_STATUS_NOT_SATISFIED, item.field(),
                "6982 after external authentication and PIN verification", 0x6982);
    }

    private void authenticate(Exchange card, String identificationCode, CardItem item) {
        LOG.debug("record {} needs external authentication, asking the PSAM", item.field());
        if (identificationCode == null) {
            throw new CardReadException(CardErrorCode.PSAM_AUTH_FAILED, item.field(),
                    "the identification code itself needs authentication; the PSAM needs it first");
        }
        byte[] challenge = card.expectSuccess(Apdus.getChallenge(8), "getChallenge");
        if (challenge.length != 8) {
            throw new CardReadException(CardErrorCode.PSAM_AUTH_FAILED, "getChallenge",
                    "challenge of " + challenge.length + " bytes");
        }
        byte[] cryptogram = psam.externalAuthenticationCryptogram(identificationCode, challenge);
        if (cryptogram == null || cryptogram.length != 8) {
            throw new CardReadException(CardErrorCode.PSAM_AUTH_FAILED, "psam", "PSAM gave no 8-byte cryptogram");
        }
        Exchange.Response r = card.send(Apdus.externalAuthenticate(psam.keyId(), cryptogram));
        if (r.sw() != 0x9000) {
            throw Exchange.failure(r.sw(), "externalAuthenticate");
        }
    }

    private static void verifyPin(Exchange card, PinEntry pin) {
        LOG.debug("record needs the PIN, verifying [entry={}]", pin);
        int sw = StatusWord.sw(pin.verify(card));
        if (sw == 0x9000) {
            return;
        }
        if (pin.onPinPad() && sw == 0x6400) {
            throw new CardReadException(CardErrorCode.PIN_ENTRY_TIMEOUT, "pin", "PIN pad: entry timed out (6400)", sw);
        }
        CardReadException e = Exchange.failure(sw, "pin");
        if (e.cardErrorCode() == CardErrorCode.PIN_INCORRECT) {
            LOG.debug("PIN refused [triesLeft={}]", e.triesLeft().orElse(-1));
        }
        throw e;
    }

    private static SocialSecurityCard.Builder decode(Map<CardItem, byte[]> v, String atrHistoricalBytes) {
        SocialSecurityCard.Builder b = SocialSecurityCard.builder()
                .identificationCode(CardText.hex(fixed(v.get(CardItem.IDENTIFICATION_CODE), CardItem.IDENTIFICATION_CODE)))
                .cardType(text(v, CardItem.CARD_TYPE))
                .specVersion(text(v, CardItem.SPEC_VERSION))
                .initialisingInstitution(CardText.hex(fixed(v.get(CardItem.INITIALISING_INSTITUTION),
                        CardItem.INITIALISING_INSTITUTION)))
                .issueDate(CardText.date(v.get(CardItem.ISSUE_DATE), CardItem.ISSUE_DATE.field()))
                .expiryDate(CardText.date(v.get(CardItem.EXPIRY_DATE), CardItem.EXPIRY_DATE.field()))
                .cardNumber(text(v, CardItem.CARD_NUMBER))
                .socialSecurityNumber(text(v, CardItem.SOCIAL_SECURITY_NUMBER))
                .name(CardText.gbk(upTo(v.get(CardItem.NAME), CardItem.NAME), CardItem.NAME.field()))
                .sex(Sex.of(text(v, CardItem.SEX), CardItem.SEX.field()))
                .ethnicity(fixed(v.get(CardItem.ETHNICITY), CardItem.ETHNICITY)[0] & 0xFF)
                .birthDate(CardText.date(v.get(CardItem.BIRTH_DATE), CardItem.BIRTH_DATE.field()))
                .atrHistoricalBytes(atrHistoricalBytes);
        birthplace(fixed(v.get(CardItem.BIRTHPLACE), CardItem.BIRTHPLACE)).ifPresent(b::birthplace);
        return b;
    }

    /** 出生地: BCD with {@code F} padding; 2 or 4 digits are a province or city, none is absent. */
    private static Optional<Admdvs> birthplace(byte[] value) {
        String field = CardItem.BIRTHPLACE.field();
        String digits = CardText.bcdDigits(value, field);
        String code = switch (digits.length()) {
            case 0 -> null;
            case 2 -> digits + "0000";
            case 4 -> digits + "00";
            case 6 -> digits;
            default -> throw new CardReadException(CardErrorCode.INVALID_CARD_FIELD, field,
                    digits.length() + " digits (2, 4 or 6 expected)");
        };
        if (code == null) {
            return Optional.empty();
        }
        if (!Admdvs.isValid(code)) {
            throw new CardReadException(CardErrorCode.INVALID_CARD_FIELD, field, "not an admdvs of a known province");
        }
        return Optional.of(new Admdvs(code));
    }

    private static String text(Map<CardItem, byte[]> v, CardItem item) {
        return CardText.ascii(upTo(v.get(item), item), item.field());
    }

    /** A binary or BCD item: exactly its length. */
    private static byte[] fixed(byte[] value, CardItem item) {
        if (value.length != item.length()) {
            throw new CardReadException(CardErrorCode.INVALID_CARD_FIELD, item.field(),
                    value.length + " bytes where " + item.length() + " were expected");
        }
        return value;
    }

    /** A text item: at most its length (shorter values are unpadded). */
    private static byte[] upTo(byte[] value, CardItem item) {
        if (value.length > item.length()) {
            throw new CardReadException(CardErrorCode.INVALID_CARD_FIELD, item.field(),
                    value.length + " bytes, more than the " + item.length() + " of the item");
        }
        return value;
    }

    private static String atrHistoricalBytes(ApduChannel channel) {
        Optional<byte[]> atr = channel.atr();
        if (atr.isEmpty()) {
            return null;
        }
        byte[] historical;
        try {
            historical = new ATR(atr.get()).getHistoricalBytes();
        } catch (RuntimeException e) {
            LOG.debug("ATR not parseable, historical bytes left out: {}", e.getClass().getSimpleName());
            return null;
        }
        return historical.length == 0 ? null : CardText.hex(Arrays.copyOf(historical, Math.min(15, historical.length)));
    }
}
