package io.wcsettle.his.outbox;

/** How an UNKNOWN entry was resolved before its business was written again (R-UPL-4). */
public enum Resolution {
    /** A 2601 reversal answered {@code 0}: the platform holds nothing of the original. */
    REVERSED,
    /** 2302 cancelled the fee rows of the batch. */
    FEES_CANCELLED,
    /** A query or idempotent registration: nothing to undo, asked again. */
    ABANDONED
}
