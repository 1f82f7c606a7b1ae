package io.wcsettle.core.payment;

/** The steps of the payment chain (R-PRE-7, IM Art. 23, 27, 28, 41). */
public enum PaymentStep {
    /** The notice reached the agency. */
    NOTIFIED,
    /** The agency submitted it to the finance department (within 5 working days). */
    SUBMITTED,
    /** The finance department transferred the funds (within 10 working days); the ledger reserves them. */
    TRANSFERRED,
    /** Confirmed with bank type, serial number and date (feedback within 5 working days); the ledger posts. */
    CONFIRMED
}
