package io.wcsettle.core.settlement;

/**
 * On what a bill is settled directly, which decides the bill-level checks of
 * {@link SettlementEngine#billReasons(Bill)}.
 */
public enum SettlementBasis {
    /**
     * A cross-province filing at an institution enabled for cross-province settlement, through the
     * national platform (R-SET-1, R-FIL-6..9).
     */
    CROSS_PROVINCE,
    /**
     * R-FIL-11 (BJ §二(三); IM Art. 13): a long-term filer treated back in the insured province during
     * the filing's validity, settled directly under the insured place's own policy and catalogues;
     * the filing stands in for a local approval, the institution needs the local networked
     * agreement, nothing goes to the cross-province platform.
     */
    HOME_PLACE,
    /**
     * R-LOC-1 ({@code 000}): an old injury or recurrence inside the insured city, with the agency's
     * online approval; the institution needs the local networked agreement.
     */
    LOCAL_NETWORKED
}
