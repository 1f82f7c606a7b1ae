package io.wcsettle.core.prepayment;

import io.wcsettle.core.rule.Reason;

/** Why an emergency top-up request is refused (R-PRE-6, IM Art. 26). Codes never change meaning. */
public enum TopUpRefusal implements Reason {
    /** R-PRE-6 (IM Art. 26): only on a red warning (usage ≥ 80 %, R-PRE-5). */
    NOT_RED,
    /** R-PRE-6 (IM Art. 26): requested after the 3rd working day after the clearing signature date. */
    TOO_LATE,
    /** R-PRE-6 (IM Art. 26): at most one request per quarter. */
    ALREADY_REQUESTED_THIS_QUARTER,
    /** R-PRE-6 (IM Art. 26): more than 2 × the quarter's amount still to be settled monthly. */
    OVER_MAXIMUM;

    /** {@code R-PRE-6}. */
    @Override
    public String rule() {
        return "R-PRE-6";
    }

    /** {@code IM Art. 26}. */
    @Override
    public String source() {
        return io.wcsettle.core.rule.Sources.IM_26.ref();
    }
}
