package io.wcsettle.core.ledger;

/** Where a {@link PendingTransfer} stands (R-PRE-8). */
public enum PendingState {
    /** Reserved, neither posted nor voided. */
    PENDING,
    /** Posted (in full or in part; any remainder was released). */
    POSTED,
    /** Released without posting anything. */
    VOIDED
}
