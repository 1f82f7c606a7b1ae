package io.wcsettle.core.clearing;

/** Where a disputed clearing item stands (R-CLR-7, IM Art. 49). */
public enum DisputeState {
    /** Raised by a province against its table. */
    RAISED,
    /** Reported by the provincial agency to the ministry-level agency, which coordinates (IM Art. 49). */
    ESCALATED,
    /** Resolved: an adjustment (调账) in a later period, or none when the claim is withdrawn or refused. */
    RESOLVED
}
