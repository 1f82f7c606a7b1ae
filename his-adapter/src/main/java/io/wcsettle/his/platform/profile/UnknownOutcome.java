package io.wcsettle.his.platform.profile;

/**
 * How an entry whose outcome is unknown (a timeout after sending, R-UPL-4) is resolved, per
 * transaction of the profile. In every case a redo under a new msgid is sent only once the platform
 * is known to hold nothing of the original.
 */
public enum UnknownOutcome {
    /** A query or an idempotent registration: nothing to undo, it is simply asked again. */
    RESEND,
    /** 2601 reversal; its {@code infcode 0} (no output) confirms the platform holds nothing of the original. */
    REVERSE,
    /** Fee rows: 2302 cancels the rows of the batch, then the batch is uploaded again. */
    CANCEL_FEES
}
