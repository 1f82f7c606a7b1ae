package io.wcsettle.core.upload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ManualClaimCheckTest {

    private static CostRecord rec(String worker, String inst, String from, String to, String... invoices) {
        return new CostRecord(worker, inst, LocalDate.parse(from), LocalDate.parse(to), List.of(invoices));
    }

    @Test
    @DisplayName("R-UPL-3: same worker and a shared invoice, or same institution and overlapping dates, is a duplicate")
    void duplicates() {
        List<CostRecord> settled = List.of(
                rec("W1", "H-BJ", "2024-11-04", "2024-11-08", "INV-2001", "INV-2002"),
                rec("W2", "H-CS", "2025-03-05", "2025-03-12", "INV-3001"),
                rec("W1", "H-CS", "2025-03-01", "2025-03-10", "INV-4001"),
                rec("W1", "H-CS", "2025-01-06", "2025-01-09", "INV-5001"));
        ManualClaimCheck.Finding f = ManualClaimCheck.check(settled,
                rec("W1", "H-CS", "2025-03-10", "2025-03-14", "INV-2002", "INV-3001"));
        assertEquals(new ManualClaimCheck.Finding(true, List.of(0, 2)), f);
    }

    @Test
    @DisplayName("R-UPL-3: another worker, or a disjoint stay without shared invoices, is not a duplicate")
    void notDuplicates() {
        ManualClaimCheck.Finding f = ManualClaimCheck.check(
                List.of(rec("W2", "H-CS", "2025-03-01", "2025-03-10", "A"),
                        rec("W1", "H-CS", "2025-03-01", "2025-03-09", "B")),
                rec("W1", "H-CS", "2025-03-10", "2025-03-14", "A"));
        assertFalse(f.duplicate());
        assertEquals(List.of(), f.matches());
    }
}
