package io.wcsettle.gateway;

import io.wcsettle.core.error.ErrorCode;

/** Stable codes of the gateway's own errors (the SDK's codes pass through unchanged). */
public enum GatewayErrorCode implements ErrorCode {
    /** {@code Authorization: Bearer …} is missing or not the local access token. HTTP 401. */
    UNAUTHORIZED,
    /** No route with this path. HTTP 404. */
    NOT_FOUND,
    /** The path exists, the method does not. HTTP 405. */
    METHOD_NOT_ALLOWED,
    /** The body is not one JSON object in UTF-8. HTTP 400. */
    MALFORMED_JSON,
    /** A field is missing, of the wrong JSON type or not a usable value; {@code field} names it. HTTP 400. */
    INVALID_REQUEST,
    /** The body is larger than the configured limit. HTTP 413. */
    REQUEST_TOO_LARGE,
    /** The body is not {@code application/json}. HTTP 415. */
    UNSUPPORTED_MEDIA_TYPE,
    /** No visit with this id was opened (no answered 1101 in the outbox). HTTP 404. */
    UNKNOWN_VISIT,
    /** No settlement of this visit was answered by this gateway process yet; settle (again) first. HTTP 404. */
    STATEMENT_NOT_AVAILABLE,
    /** No card reader is configured ({@code card.reader}); send the card's fields instead. HTTP 503. */
    CARD_READER_NOT_CONFIGURED,
    /** A configuration setting is missing, unreadable or not a usable value; {@code field} names it. */
    CONFIG_INVALID,
    /** A failure the gateway did not expect; the body says no more, the log has the cause class. HTTP 500. */
    INTERNAL;

    @Override
    public String code() {
        return name();
    }
}
