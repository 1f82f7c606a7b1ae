package io.wcsettle.core.prepayment;

/** Why an emergency top-up request is refused (R-PRE-6, IM Art. 26). */
public enum TopUpRefusal {
    /** R-PRE-6 (IM Art. 26): only on a red warning (usage ≥ 80 %, R-PRE-5). */
    NOT_RED,
    /** R-PRE-6 (IM Art. 26): requested after the 3rd working day after the clearing signature date. */
    TOO_LATE,
    /** R-PRE-6 (IM Art. 26): at most one request per quarter. */
    ALREADY_REQUESTED_THIS_QUARTER,
    /** R-PRE-6 (IM Art. 26): more than 2 × the quarter's amount still to be settled monthly. */
    OVER_MAXIMUM
}
