package io.wcsettle.his.card;

import io.wcsettle.core.error.ErrorCode;

/**
 * Stable codes of card reading errors (social security card, reader vendor string, electronic
 * card). Each code means one fault; none of them ever comes with a half-filled card value.
 */
public enum CardErrorCode implements ErrorCode {
    /** No PC/SC reader is attached, the named reader does not exist, or PC/SC is unavailable. */
    READER_UNAVAILABLE,
    /** No card was presented within the wait timeout. */
    NO_CARD,
    /** The card was pulled out (or reset) while it was being read; nothing of the read is kept. */
    CARD_REMOVED,
    /** The reader or the card failed to exchange an APDU for another reason. */
    CARD_IO,
    /** The card answered a status word the step does not accept (see {@link StatusWord}). */
    UNEXPECTED_STATUS_WORD,
    /** The card has no social security application (select answered {@code 6A82}). */
    NOT_A_SOCIAL_SECURITY_CARD,
    /** The application or the card is blocked ({@code 6283}, {@code 6A81}). */
    CARD_BLOCKED,
    /** A record needs external authentication and no PSAM is configured ({@code 6982}). */
    PSAM_REQUIRED,
    /** External authentication through the PSAM was refused, or the PSAM failed. */
    PSAM_AUTH_FAILED,
    /** A record ends inside its TLV header or value. */
    TLV_TRUNCATED,
    /** A record is not one TLV of the expected tag (wrong tag, trailing bytes, bad length form). */
    TLV_MALFORMED,
    /** A text field is not valid GBK, or contains control characters. */
    INVALID_GBK,
    /** A field has the wrong length or characters (identification code, card number, dates). */
    INVALID_CARD_FIELD,
    /** The social security number is not 18 characters (GB 11643). */
    INVALID_ID_LENGTH,
    /** The social security number fails the GB 11643 check digit or has an impossible birth date. */
    INVALID_ID_CHECK_DIGIT,
    /** The issuing admdvs (first six characters of the identification code) is not valid. */
    INVALID_ISSUING_ADMDVS,
    /** The card's expiry date is before today (by the injected clock). */
    CARD_EXPIRED,
    /** A vendor {@code iReadCardBas} result does not fit any known layout. */
    VENDOR_STRING_MALFORMED,
    /** A vendor result lacks the personal fields (third-generation card read without PSAM). */
    VENDOR_FIELDS_MISSING,
    /** The vendor DLL reported "no card" (return value {@code -2}). */
    VENDOR_NO_CARD,
    /** The vendor DLL could not reach its reader (return values {@code -11}, {@code -12}). */
    VENDOR_READER_ERROR,
    /** The vendor DLL reported a PSAM fault (return values {@code -2201} to {@code -2204}). */
    VENDOR_PSAM_ERROR,
    /** Any other non-zero vendor return value. */
    VENDOR_ERROR,
    /** An electronic card QR token is empty, too long, or not printable ASCII. */
    INVALID_QR_TOKEN;

    @Override
    public String code() {
        return name();
    }
}
