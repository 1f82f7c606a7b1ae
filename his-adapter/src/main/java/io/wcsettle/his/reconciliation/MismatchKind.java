package io.wcsettle.his.reconciliation;

/**
 * Kinds of reconciliation mismatch (PROTOCOL.md failure semantics 5: daily 3201/3202
 * reconciliation lists every mismatch; R-UPL-2 monthly reconciliation builds on it).
 */
public enum MismatchKind {
    /** 3201: the number of settlements differs. */
    COUNT_DIFFERS,
    /** 3201: the total of {@code medfee_sumamt} differs. */
    MEDFEE_TOTAL_DIFFERS,
    /** 3201: the total of {@code fund_pay_sumamt} differs. */
    FUND_TOTAL_DIFFERS,
    /** 3202: settled locally, unknown to the platform (a one-sided record, 单边账). */
    MISSING_ON_PLATFORM,
    /** 3202: held by the platform, unknown locally (a one-sided record, 单边账). */
    MISSING_LOCALLY,
    /** 3202: the same settlement with different {@code medfee_sumamt}. */
    MEDFEE_DIFFERS,
    /** 3202: the same settlement with different {@code fund_pay_sumamt}. */
    FUND_DIFFERS
}
