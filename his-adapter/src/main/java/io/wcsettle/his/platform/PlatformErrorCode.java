package io.wcsettle.his.platform;

import io.wcsettle.core.error.ErrorCode;

/**
 * Stable error codes of the platform messaging layer (PROTOCOL.md "Message envelope",
 * "Security", "Failure semantics"). Codes never change meaning once released.
 */
public enum PlatformErrorCode implements ErrorCode {
    /** A response body is not a JSON envelope of the expected shape, or a field has the wrong form. */
    MALFORMED_RESPONSE,
    /** A request envelope received by the simulator is not of the expected shape. */
    MALFORMED_REQUEST,
    /** A response body exceeds the configured maximum size. */
    RESPONSE_TOO_LARGE,
    /** A response does not declare {@code application/json}. */
    WRONG_CONTENT_TYPE,
    /** {@code infcode} is neither {@code 0} nor {@code -1}. */
    UNKNOWN_INFCODE,
    /** An {@code infno} the transaction profile does not know. */
    UNKNOWN_INFNO,
    /** {@code inf_time} / {@code respond_time} differs from the local clock by more than allowed. */
    CLOCK_SKEW,
    /** A message carries no {@code cainfo} signature: never accepted. */
    SIGNATURE_MISSING,
    /** A message's {@code cainfo} does not verify against the sender's key: never accepted. */
    SIGNATURE_INVALID,
    /** A key or keystore could not be read, is missing, or is not an elliptic-curve key at all. */
    INVALID_KEY,
    /**
     * An elliptic-curve key on another curve than SM2's {@code sm2p256v1} (GM/T 0003), e.g. NIST P-256:
     * it would sign, but no platform verifies it. Judged by the key's curve parameters, not its algorithm name.
     */
    KEY_WRONG_CURVE,
    /** A cryptographic operation failed (provider missing, bad ciphertext). */
    CRYPTO_FAILURE,
    /** A {@code msgid} that is not 30 characters of institution code, timestamp and sequence. */
    INVALID_MSGID,
    /** The platform answered with an HTTP status that means the request was not processed. */
    HTTP_STATUS,
    /** The platform could not be reached at all: nothing was delivered, safe to try later. */
    PLATFORM_UNAVAILABLE,
    /**
     * R-UPL-4: the request may or may not have been committed (timeout, connection lost,
     * untrustworthy answer). Resolve by query or 2601 reversal, never by a blind resend
     * under a new msgid.
     */
    OUTCOME_UNKNOWN,
    /** The platform refused ({@code infcode -1}) a query that has no business result (e.g. 3201/3202). */
    PLATFORM_REFUSED,
    /**
     * The service gateway in front of the platform refused the call ({@code {"code":401,…}}: headers
     * missing, timestamp older than 30 minutes, unknown AK, wrong signature). Nothing was processed.
     */
    GATEWAY_REFUSED,
    /** A request envelope field breaks 表 2 (length, required, code). Refused before sending. */
    INVALID_HEADER;

    @Override
    public String code() {
        return name();
    }

    /**
     * Whether the same call can sensibly be tried again: the platform was unreachable or answered an
     * HTTP status of a request not processed, or the outcome is unknown (again under the same msgid
     * only, R-UPL-4).
     */
    @Override
    public boolean retryable() {
        return this == PLATFORM_UNAVAILABLE || this == HTTP_STATUS || this == OUTCOME_UNKNOWN;
    }
}
