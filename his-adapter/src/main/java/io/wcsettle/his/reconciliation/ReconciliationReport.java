package io.wcsettle.his.reconciliation;

import java.time.LocalDate;
import java.util.List;

/**
 * The result of reconciling one day: every mismatch, totals first, then details by settlement id.
 *
 * @param day        the settlement day
 * @param mismatches every mismatch found (empty when consistent)
 */
public record ReconciliationReport(LocalDate day, List<Mismatch> mismatches) {

    /** Copies the list. */
    public ReconciliationReport {
        mismatches = List.copyOf(mismatches);
    }

    /** Whether both sides agree. */
    public boolean consistent() {
        return mismatches.isEmpty();
    }
}
