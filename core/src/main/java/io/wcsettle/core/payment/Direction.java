package io.wcsettle.core.payment;

/** Whether this agency pays or receives (R-PRE-9). */
public enum Direction {
    /** This agency pays the counterpart. */
    OUTGOING,
    /** The counterpart pays this agency. */
    INCOMING
}
