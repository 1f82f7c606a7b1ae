package io.wcsettle.core.error;

/**
 * Error codes of the agency-side rules: the ledger's pending transfers (R-PRE-8), payments
 * (R-PRE-9), monthly settlement (R-UPL-5), clearing confirmation (R-CLR-7, -8) and the institution
 * library (R-INS-1). Like {@link CoreErrorCode}, each code keeps its meaning once released.
 */
public enum AgencyErrorCode implements ErrorCode {
    /** R-PRE-8: no pending transfer with that key. */
    PENDING_NOT_FOUND,
    /** R-PRE-8: the pending transfer was already posted or voided under another key. */
    PENDING_ALREADY_RESOLVED,
    /** R-PRE-8: a pending transfer is posted for more than it reserved. */
    PENDING_AMOUNT_EXCEEDED,
    /** A workflow step that the current state does not allow (R-UPL-5, R-CLR-7, R-PRE-9). */
    ILLEGAL_TRANSITION,
    /** An id (statement, dispute, payment, institution change) that is not known. */
    UNKNOWN_ID,
    /** R-PRE-9: a payment confirmed twice with different bank details. */
    CONFIRMATION_CONFLICT,
    /** R-UPL-5: two different settlements under one settlement id. */
    SETTLEMENT_CONFLICT,
    /** R-INS-1: an institution change that contradicts the library (location, first state). */
    INVALID_INSTITUTION_CHANGE;

    @Override
    public String code() {
        return name();
    }
}
