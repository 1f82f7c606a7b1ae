package io.wcsettle.core.followup;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

import io.wcsettle.core.money.Fen;
import io.wcsettle.core.region.Admdvs;
import io.wcsettle.core.upload.CostRecord;

/**
 * A claim for the insured place derived from a settlement, with no application (R-AUTO-1, 004):
 * what it is for, the amount computed from the data where the insured place's standard is known,
 * and what the hospital billed for reference. Immutable.
 *
 * @param orderId        the work order id, derived from the settlement and the kind, so deriving
 *                       twice gives the same order
 * @param settlementId   the settlement that raised it
 * @param workerId       opaque worker id
 * @param insuredAdmdvs  the insured place that pays
 * @param kind           what it is for
 * @param inpatientDays  the inpatient days it is computed from (0 when not day-based)
 * @param computedAmount the amount by the insured place's standard (meal allowance: daily standard
 *                       × days); empty when the standard is not configured or the kind has none,
 *                       and the insured place sets the amount when it approves
 * @param billedAmount   what the bill carries for it (the hospital's lines, or the whole bill for a
 *                       manual claim); for reference, never the amount paid by itself
 * @param raisedOn       the settlement date
 * @param costRecord     the stay as the R-UPL-3 duplicate check compares it before payment
 */
public record FollowUpClaim(String orderId, String settlementId, String workerId, Admdvs insuredAdmdvs,
                            ClaimKind kind, long inpatientDays, Optional<Fen> computedAmount, Fen billedAmount,
                            LocalDate raisedOn, CostRecord costRecord) {

    /** Rejects nulls and negative amounts. */
    public FollowUpClaim {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(settlementId, "settlementId");
        Objects.requireNonNull(workerId, "workerId");
        Objects.requireNonNull(insuredAdmdvs, "insuredAdmdvs");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(computedAmount, "computedAmount");
        Objects.requireNonNull(billedAmount, "billedAmount");
        Objects.requireNonNull(raisedOn, "raisedOn");
        Objects.requireNonNull(costRecord, "costRecord");
        if (billedAmount.isNegative() || computedAmount.map(Fen::isNegative).orElse(false)) {
            throw new IllegalArgumentException("claim amounts are not negative");
        }
    }
}
