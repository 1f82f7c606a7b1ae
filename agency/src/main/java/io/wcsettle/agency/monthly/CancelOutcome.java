package io.wcsettle.agency.monthly;

/** What cancelling a direct settlement did (R-UPL-5: cancelled settlements are excluded). */
public enum CancelOutcome {
    /** Cancelled before any live statement took it: it will not be on one. */
    CANCELLED,
    /** It was cancelled before: nothing changed. */
    ALREADY_CANCELLED,
    /**
     * It is on a statement issued or confirmed already, which is never edited: the cancellation is
     * recorded and reported ({@link JdbcMonthlySettlement#lateCancellations}) for an adjustment.
     */
    LATE
}
