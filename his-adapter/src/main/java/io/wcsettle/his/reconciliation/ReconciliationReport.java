package io.wcsettle.his.reconciliation;

import java.time.LocalDate;
import java.util.List;

/**
 * The result of reconciling a period: the 3201 result per settling agency and, where the totals did
 * not balance, every row of the 3202 result file that does not balance.
 *
 * @param from    first day (settlement time)
 * @param to      last day
 * @param totals  one 3201 result per settling agency
 * @param details the 3202 rows that do not balance (empty when all totals balance)
 */
public record ReconciliationReport(LocalDate from, LocalDate to, List<TotalsResult> totals, List<DetailResult> details) {

    /** Copies the lists. */
    public ReconciliationReport {
        totals = List.copyOf(totals);
        details = List.copyOf(details);
    }

    /** Whether every agency's totals balance. */
    public boolean consistent() {
        return totals.stream().allMatch(TotalsResult::balanced) && details.isEmpty();
    }
}
