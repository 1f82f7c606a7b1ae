package io.wcsettle.core.ledger;

/** Debit or credit (R-PRE-8, double entry). */
public enum Side {
    /** 借. */
    DEBIT,
    /** 贷. */
    CREDIT
}
