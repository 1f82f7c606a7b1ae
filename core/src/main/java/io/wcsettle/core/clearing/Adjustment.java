package io.wcsettle.core.clearing;

import java.time.LocalDate;
import java.util.Objects;

import io.wcsettle.core.money.Fen;

/**
 * R-CLR-7 (IM Art. 49): the adjustment (调账) that resolves a disputed item, cleared in the period
 * its resolution date falls in (R-CLR-2) — always a later period than the disputed one, whose
 * tables are never edited. It enters that period as a clearing record of its own, so it too is
 * cleared exactly once (R-CLR-8).
 *
 * @param disputeId  the dispute resolved
 * @param pair       the pair whose payable changes
 * @param institution the institution of the disputed item, or empty
 * @param amount     the change of the pair's payable, signed, not zero
 * @param origin     the disputed period
 * @param resolvedOn the resolution date
 */
public record Adjustment(String disputeId, ProvincePair pair, String institution, Fen amount, Quarter origin,
        LocalDate resolvedOn) {

    /** Rejects nulls and a zero amount. */
    public Adjustment {
        Objects.requireNonNull(disputeId, "disputeId");
        Objects.requireNonNull(pair, "pair");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(resolvedOn, "resolvedOn");
        institution = institution == null ? "" : institution;
        if (amount == null || amount.isZero()) {
            throw new IllegalArgumentException("an adjustment moves money");
        }
    }

    /** The record id of the adjustment in the registry: {@code ADJ-} + dispute id. */
    public String recordId() {
        return "ADJ-" + disputeId;
    }

    /** The period that clears it (R-CLR-2 on the resolution date). */
    public Quarter target() {
        return Quarter.containing(resolvedOn);
    }

    /**
     * The clearing record of the adjustment: an increase as fund paid, a decrease as an audit
     * deduction, so the pair's payable (fund − deductions, R-CLR-5) moves by {@code amount} and the
     * national table still balances. Its cost date is the origin period's end, for R-CLR-8.
     */
    public DatedRecord toRecord() {
        boolean up = !amount.isNegative();
        ClearingRecord r = new ClearingRecord(recordId(), pair.insured(), pair.treatment(),
                institution.isEmpty() ? null : institution, resolvedOn, up ? amount : Fen.ZERO,
                up ? Fen.ZERO : amount.negate());
        return new DatedRecord(r, origin.periodEnd());
    }
}
