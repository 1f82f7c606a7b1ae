package io.wcsettle.core.ledger;

/** What {@link Ledger#post} did (R-PRE-8). */
public enum PostingOutcome {
    /** The posting was appended. */
    APPLIED,
    /** A posting with the same key and content was already applied: nothing changed. */
    ALREADY_APPLIED
}
