package io.wcsettle.core.settlement;

import java.util.Objects;

/**
 * A bill routed and settled (R-FIL-11, R-LOC-1, R-UPL-3): the route, the bill as settled (for
 * {@link Route#HOME_PLACE} the {@link Bill#homePlace()} copy), its result, and the cross-province
 * verdict it was routed from.
 *
 * @param route   where the bill goes
 * @param bill    the bill as settled on its basis
 * @param result  the settlement that counts: paid, deducted and outside amounts, and the worker's
 *                statement follow from it
 * @param verdict the first judgement on the bill's own basis: for a cross-province bill the
 *                cross-province verdict (with {@code TREATED_IN_INSURED_PLACE} for a home-place
 *                route); equal to {@code result} unless the route is {@link Route#HOME_PLACE}
 */
public record RoutedSettlement(Route route, Bill bill, SettlementResult result, SettlementResult verdict) {

    /** Rejects nulls. */
    public RoutedSettlement {
        Objects.requireNonNull(route, "route");
        Objects.requireNonNull(bill, "bill");
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(verdict, "verdict");
    }

    /** Whether anything goes to the cross-province platform: a direct cross-province settlement. */
    public boolean sendsToPlatform() {
        return route == Route.CROSS_PROVINCE;
    }
}
