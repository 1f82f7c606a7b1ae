package io.wcsettle.core.followup;

import java.util.EnumSet;
import java.util.Set;

/**
 * R-AUTO-2 (004): the visible states of a follow-up work order. The only moves are
 * CREATED → REVIEWED → APPROVED → PAID, and REJECTED (with a reason) from any state before PAID;
 * PAID and REJECTED are final. A state is never skipped or reversed.
 */
public enum WorkOrderState {
    /** Raised automatically from a settlement record, no application needed (R-AUTO-1). */
    CREATED,
    /** Checked by the insured-place agency against the data (no paper invoices, 004). */
    REVIEWED,
    /** Amount approved. */
    APPROVED,
    /** Paid to the worker's account; final. */
    PAID,
    /** Rejected with a reason; final. */
    REJECTED;

    /** The states this one may move to. */
    public Set<WorkOrderState> next() {
        switch (this) {
            case CREATED:
                return EnumSet.of(REVIEWED, REJECTED);
            case REVIEWED:
                return EnumSet.of(APPROVED, REJECTED);
            case APPROVED:
                return EnumSet.of(PAID, REJECTED);
            default:
                return EnumSet.noneOf(WorkOrderState.class);
        }
    }

    /** Whether no move leaves this state. */
    public boolean isFinal() {
        return this == PAID || this == REJECTED;
    }
}
