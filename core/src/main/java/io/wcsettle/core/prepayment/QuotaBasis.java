package io.wcsettle.core.prepayment;

/**
 * Which quarters the quarterly average of R-PRE-2 (IM Art. 19, 21) is taken over; a regional
 * choice, the sources are silent.
 */
public enum QuotaBasis {
    /** Interpretation (default): the average over all four quarters of last year. */
    ALL_FOUR_QUARTERS,
    /** Regional option: the average over the quarters with a non-zero clearing amount only. */
    ACTIVE_QUARTERS_ONLY
}
