package io.wcsettle.his.card;

import io.wcsettle.core.error.ErrorCode;

/**
 * Stable codes of card reading errors (social security card, PIN, reader vendor string, electronic
 * card). Each code means one fault; none of them ever comes with a half-filled card value. Every
 * status word of PROTOCOL.md has its own code ({@link StatusWord#errorCode()}).
 */
public enum CardErrorCode implements ErrorCode {
    /**
     * PC/SC is unavailable (no {@code libpcsclite}, no {@code pcscd}), no reader is attached, or the
     * named reader does not exist.
     */
    READER_UNAVAILABLE,
    /** No card was presented within the wait timeout. */
    NO_CARD,
    /** The card was pulled out (or reset) while it was being read; nothing of the read is kept. */
    CARD_REMOVED,
    /** The reader or the card failed to exchange an APDU for another reason. */
    CARD_IO,
    /** The card answered a status word that has no meaning of its own ({@link StatusWord#UNKNOWN}). */
    UNEXPECTED_STATUS_WORD,
    /** The card has no social security application (select answered {@code 6A82}). */
    NOT_A_SOCIAL_SECURITY_CARD,
    /** {@code 6283}: the social security application is blocked. */
    CARD_BLOCKED,
    /** {@code 9303}: the application is permanently locked. */
    APPLICATION_LOCKED,
    /** {@code 6983}: the card is locked, its PIN blocked (six wrong tries). */
    CARD_LOCKED,
    /** {@code 63Cx}: the PIN was wrong; {@link CardReadException#triesLeft()} says how many tries are left. */
    PIN_INCORRECT,
    /** A record answered {@code 6982}, external authentication was done or not needed, and no PIN was given. */
    PIN_REQUIRED,
    /** The PIN given is not six digits. */
    INVALID_PIN,
    /** A PIN pad was asked for but the reader offers none ({@code FEATURE_VERIFY_PIN_DIRECT}). */
    PIN_PAD_UNAVAILABLE,
    /** The PIN pad reported that PIN entry timed out ({@code 6400}). */
    PIN_ENTRY_TIMEOUT,
    /** {@code 6401}: the holder cancelled PIN entry on the PIN pad. */
    PIN_ENTRY_CANCELLED,
    /** {@code 6982} after every configured means (PSAM, PIN) was used. */
    SECURITY_STATUS_NOT_SATISFIED,
    /** A record answered {@code 6982} and no PSAM is configured for external authentication. */
    PSAM_REQUIRED,
    /** {@code 6300}: external authentication through the PSAM was refused, or the PSAM failed. */
    PSAM_AUTH_FAILED,
    /** {@code 6A88}: referenced data (a key) not found, e.g. the PSAM key id is not on the card. */
    REFERENCED_DATA_NOT_FOUND,
    /** {@code 6984}: referenced data invalidated (e.g. EXTERNAL AUTHENTICATE without a challenge). */
    REFERENCED_DATA_INVALIDATED,
    /** {@code 6A82} on selecting EF05 / EF06: the file is not on the card. */
    FILE_NOT_FOUND,
    /** {@code 6A83}: the record is not on the card (by number and by identifier). */
    RECORD_NOT_FOUND,
    /** {@code 6901}: command not accepted (inactive state). */
    COMMAND_NOT_ACCEPTED,
    /** {@code 6985}: conditions of use not satisfied. */
    CONDITIONS_NOT_SATISFIED,
    /** {@code 6986}: command not allowed (no current EF). */
    COMMAND_NOT_ALLOWED,
    /** {@code 6A81}: function not supported. */
    FUNCTION_NOT_SUPPORTED,
    /** {@code 6700}: the card refused the command length (Lc or Le) in every form tried. */
    WRONG_LENGTH,
    /** {@code 6A86} / {@code 6B00}: the card refused P1-P2 in every addressing style tried. */
    WRONG_PARAMETERS,
    /** {@code 6A80}: the card refused the command data. */
    INCORRECT_DATA,
    /** {@code 6D00} / {@code 6E00}: the card does not know the instruction or class. */
    COMMAND_NOT_SUPPORTED,
    /** {@code 6581}: the card reported a memory failure. */
    CARD_MEMORY_FAILURE,
    /** {@code 6400} / {@code 6F00}: the card failed to execute the command. */
    CARD_EXECUTION_ERROR,
    /** {@code 61xx} that GET RESPONSE never completed. */
    RESPONSE_INCOMPLETE,
    /** {@code 6Cxx} again after resending with the Le the card asked for. */
    LE_NOT_ACCEPTED,
    /** A record ends inside its TLV header or value. */
    TLV_TRUNCATED,
    /** A record is not one TLV of the expected tag (wrong tag, trailing bytes, bad length form). */
    TLV_MALFORMED,
    /** A text item is not valid GBK, or contains control characters. */
    INVALID_GBK,
    /** An item has the wrong length, characters or encoding (identification code, card number, dates, …). */
    INVALID_CARD_FIELD,
    /** The social security number is neither 15 nor 18 characters (GB 11643). */
    INVALID_ID_LENGTH,
    /** The social security number fails the GB 11643 check character or has an impossible birth date. */
    INVALID_ID_CHECK_DIGIT,
    /** The social security number's region prefix is no known province (GB/T 2260, residence permits). */
    INVALID_ID_REGION,
    /** The issuing admdvs (first six digits of the identification code) is not valid. */
    INVALID_ISSUING_ADMDVS,
    /** The card's expiry date is before today (by the injected clock). */
    CARD_EXPIRED,
    /** A vendor {@code iReadCardBas} result fits no published form, or an item of it is malformed. */
    VENDOR_STRING_MALFORMED,
    /** A complete card was asked for but the vendor result lacks items (short read without PSAM). */
    VENDOR_FIELDS_MISSING,
    /** Vendor return value {@code -1}: wrong card type. */
    VENDOR_WRONG_CARD_TYPE,
    /** Vendor return value {@code -2}: no card in the reader. */
    VENDOR_NO_CARD,
    /** Vendor return value {@code -3}: the card is not powered. */
    VENDOR_CARD_NOT_POWERED,
    /** Vendor return value {@code -4}: the card does not answer. */
    VENDOR_CARD_NO_ANSWER,
    /** Vendor return value {@code -5}: the vendor library could not be loaded. */
    VENDOR_LIBRARY_LOAD_FAILED,
    /** Vendor return values {@code -11} (reader connection) and {@code -12} (reader not connected). */
    VENDOR_READER_ERROR,
    /** Vendor return value {@code -13}: operation not supported. */
    VENDOR_UNSUPPORTED_OPERATION,
    /** Vendor return value {@code -14}: bad parameters. */
    VENDOR_BAD_PARAMETERS,
    /** Vendor return value {@code -15}: checksum error. */
    VENDOR_CHECKSUM_ERROR,
    /** Vendor return value {@code -20}: the card identification code has the wrong format. */
    VENDOR_IDENTIFICATION_CODE_FORMAT,
    /** Vendor return value {@code -24}: the PSAM key level does not fit the card. */
    VENDOR_PSAM_KEY_LEVEL,
    /** Any other vendor return value from {@code -1} to {@code -25}: a reader or card fault. */
    VENDOR_READER_FAULT,
    /** Vendor return values {@code -2201} to {@code -2204}: PSAM or encryption machine fault. */
    VENDOR_PSAM_ERROR,
    /** A status-prefixed vendor result {@code 0|<error text>|}: the wrapper reported a failure. */
    VENDOR_REPORTED_FAILURE,
    /** Any other non-zero vendor return value (neither a known code nor a negated status word). */
    VENDOR_ERROR,
    /** An electronic card QR token is empty, too long, or not printable ASCII. */
    INVALID_QR_TOKEN;

    @Override
    public String code() {
        return name();
    }

    /**
     * Whether reading again can help without changing anything in the program: the reader or card
     * was away, the exchange failed, or PIN entry timed out.
     */
    @Override
    public boolean retryable() {
        return this == READER_UNAVAILABLE || this == NO_CARD || this == CARD_REMOVED || this == CARD_IO
                || this == PIN_ENTRY_TIMEOUT;
    }
}
