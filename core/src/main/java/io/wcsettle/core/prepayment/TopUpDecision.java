package io.wcsettle.core.prepayment;

import java.time.LocalDate;
import java.util.Set;

import io.wcsettle.core.money.Fen;

/**
 * The answer to an emergency top-up request (R-PRE-6).
 *
 * @param reasons every refusal reason; empty when allowed
 * @param maximum 2 × the amount still to be settled monthly
 * @param lastDay last day the request may be made
 */
public record TopUpDecision(Set<TopUpRefusal> reasons, Fen maximum, LocalDate lastDay) {

    /** Copies {@code reasons}. */
    public TopUpDecision {
        reasons = Set.copyOf(reasons);
    }

    /** Whether the request is allowed (no refusal reason). */
    public boolean allowed() {
        return reasons.isEmpty();
    }
}
