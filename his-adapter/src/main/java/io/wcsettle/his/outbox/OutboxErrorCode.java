package io.wcsettle.his.outbox;

import io.wcsettle.core.error.ErrorCode;

/** Stable codes of outbox errors. */
public enum OutboxErrorCode implements ErrorCode {
    /** The outbox database failed (the message names the SQL state, never data). */
    STORAGE_FAILURE,
    /** Another process holds the outbox file open; one process per outbox file. */
    OUTBOX_IN_USE,
    /** No entry with that msgid. */
    ENTRY_NOT_FOUND,
    /** A transition the entry's current state does not allow. */
    ILLEGAL_STATE_TRANSITION,
    /** The at-rest protection key is missing, unreadable or does not open a stored payload. */
    PROTECTION_KEY;

    @Override
    public String code() {
        return name();
    }

    /** Whether a caller can sensibly retry the same call later. */
    public boolean retryable() {
        return this == STORAGE_FAILURE || this == OUTBOX_IN_USE;
    }
}
