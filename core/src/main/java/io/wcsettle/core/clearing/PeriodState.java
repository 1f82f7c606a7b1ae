package io.wcsettle.core.clearing;

/**
 * Where a clearing period's tables stand (R-CLR-7, IM Art. 39, 49). Derived from the period's
 * events by {@link ClearingWorkflow#state()}; the tables themselves never change after generation.
 */
public enum PeriodState {
    /** Generated on the 21st of the quarter's last month (R-CLR-2). */
    GENERATED,
    /** Distributed to every province in the tables, awaiting their answers (due by the 25th, R-CLR-3). */
    DISTRIBUTED,
    /** Every province confirmed: final. */
    CONFIRMED,
    /** Every province answered and at least one disputed an item; the tables stand as generated. */
    DISPUTED,
    /** At least one disputed item is escalated (自治区级 → 部级经办机构) and not yet resolved. */
    ESCALATED,
    /** Every disputed item is resolved, by an adjustment in a later period or by withdrawal. */
    RESOLVED
}
