package io.wcsettle.core.settlement;

import java.util.Objects;

import io.wcsettle.core.filing.Filing;

/**
 * Routes a discharge bill and settles it on the route's basis (R-SET-1, R-FIL-11, R-LOC-1,
 * R-UPL-3), with two engines: one for cross-province bills (the treatment place's catalogue) and
 * one for the insured place's own settlement (its own catalogue and policy).
 *
 * <ol>
 * <li>A bill already on the {@link SettlementBasis#HOME_PLACE} basis is settled by the home engine,
 *     route {@link Route#HOME_PLACE}.</li>
 * <li>A local networked bill (R-LOC-1) is settled by the home engine: {@link Route#LOCAL_NETWORKED}
 *     when settled directly, else {@link Route#MANUAL_CLAIM}.</li>
 * <li>A cross-province bill gets the cross-province verdict. Settled directly:
 *     {@link Route#CROSS_PROVINCE}.</li>
 * <li>R-FIL-11: when the verdict is {@link BillReason#TREATED_IN_INSURED_PLACE} and the filing is a
 *     long-term residence or resident-work filing that covers the admission (valid, not ended),
 *     the verdict is a routing: the {@link Bill#homePlace()} copy is settled by the home engine, route
 *     {@link Route#HOME_PLACE}, whatever that settlement finds. It is never a manual claim; a
 *     refusal there (e.g. an institution without the local networked agreement) is the insured
 *     place's own local matter and is explained on the statement.</li>
 * <li>Anything else: {@link Route#MANUAL_CLAIM} (R-UPL-3).</li>
 * </ol>
 *
 * <p>Pure, immutable and thread-safe, like the engines.
 */
public final class SettlementRouter {

    private final SettlementEngine crossProvince;
    private final SettlementEngine homePlace;

    /**
     * @param crossProvince the engine for cross-province bills: insured policy, treatment-place
     *                      catalogue, insured-place devices
     * @param homePlace     the engine of the insured place's own settlement: insured policy, the
     *                      insured place's own catalogue and devices (R-FIL-11, R-LOC-1)
     */
    public SettlementRouter(SettlementEngine crossProvince, SettlementEngine homePlace) {
        this.crossProvince = Objects.requireNonNull(crossProvince, "crossProvince");
        this.homePlace = Objects.requireNonNull(homePlace, "homePlace");
    }

    /** Routes and settles {@code bill}. Business refusals are reasons in the results, never exceptions. */
    public RoutedSettlement settle(Bill bill) {
        if (bill.basis() == SettlementBasis.LOCAL_NETWORKED) {
            SettlementResult r = homePlace.settle(bill);
            return new RoutedSettlement(r.directSettlement() ? Route.LOCAL_NETWORKED : Route.MANUAL_CLAIM, bill, r, r);
        }
        if (bill.basis() == SettlementBasis.HOME_PLACE) {
            SettlementResult r = homePlace.settle(bill);
            return new RoutedSettlement(Route.HOME_PLACE, bill, r, r);
        }
        SettlementResult verdict = crossProvince.settle(bill);
        if (verdict.directSettlement()) {
            return new RoutedSettlement(Route.CROSS_PROVINCE, bill, verdict, verdict);
        }
        if (isHomePlace(bill, verdict)) {
            Bill home = bill.homePlace();
            return new RoutedSettlement(Route.HOME_PLACE, home, homePlace.settle(home), verdict);
        }
        return new RoutedSettlement(Route.MANUAL_CLAIM, bill, verdict, verdict);
    }

    /**
     * R-FIL-11: the verdict is a routing to the insured place: treated back in the insured province,
     * with a residence filing covering the admission.
     */
    static boolean isHomePlace(Bill bill, SettlementResult verdict) {
        if (!verdict.reasons().contains(BillReason.TREATED_IN_INSURED_PLACE) || bill.filing().isEmpty()) {
            return false;
        }
        Filing filing = bill.filing().get();
        return filing.type().isResidence() && filing.admissionProblems(bill.stay().admittedOn()).isEmpty();
    }
}
