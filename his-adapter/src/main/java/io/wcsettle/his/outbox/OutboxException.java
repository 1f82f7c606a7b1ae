package io.wcsettle.his.outbox;

import io.wcsettle.core.error.WcsettleException;

/** An outbox failure with a stable {@link OutboxErrorCode}; messages carry identifiers, never payloads. */
public final class OutboxException extends WcsettleException {

    private static final long serialVersionUID = 1L;

    /** A failure with {@code code}. */
    public OutboxException(OutboxErrorCode code, String field, String message) {
        super(code, field, message);
    }

    /** A failure with {@code code} and a cause. */
    public OutboxException(OutboxErrorCode code, String field, String message, Throwable cause) {
        super(code, field, message, cause);
    }

    /** The outbox error code. */
    public OutboxErrorCode outboxCode() {
        return (OutboxErrorCode) errorCode();
    }
}
