package io.wcsettle.core.upload;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * R-UPL-3 (IM Art. 37; R-AUD-3): before paying a manual claim, the insured place checks that the
 * same costs were not settled directly. A claim duplicates a settled record of the same worker
 * that shares an invoice number, or is at the same institution with overlapping stay dates
 * (sharing a single day, e.g. discharge on the claim's admission day, counts).
 */
public final class ManualClaimCheck {

    private ManualClaimCheck() {
    }

    /** The finding: whether the claim is a duplicate and the indexes of the settled records it matches. */
    public record Finding(boolean duplicate, List<Integer> matches) {
        /** Copies the list. */
        public Finding {
            matches = List.copyOf(matches);
        }
    }

    /** Every record of {@code settled} that {@code claim} duplicates, by index in order. */
    public static Finding check(List<CostRecord> settled, CostRecord claim) {
        Set<String> invoices = new HashSet<>(claim.invoices());
        List<Integer> matches = new ArrayList<>();
        for (int i = 0; i < settled.size(); i++) {
            CostRecord s = settled.get(i);
            if (!s.worker().equals(claim.worker())) {
                continue;
            }
            boolean sharedInvoice = s.invoices().stream().anyMatch(invoices::contains);
            boolean sameStay = s.institution().equals(claim.institution()) && s.overlaps(claim);
            if (sharedInvoice || sameStay) {
                matches.add(i);
            }
        }
        return new Finding(!matches.isEmpty(), matches);
    }
}
