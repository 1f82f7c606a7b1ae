package io.wcsettle.core.followup;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import io.wcsettle.core.error.CoreErrorCode;
import io.wcsettle.core.error.InvalidInputException;
import io.wcsettle.core.filing.FilingType;
import io.wcsettle.core.money.Fen;
import io.wcsettle.core.policy.RegionalPolicy;
import io.wcsettle.core.region.Admdvs;
import io.wcsettle.core.settlement.Bill;
import io.wcsettle.core.settlement.BillLine;
import io.wcsettle.core.settlement.LineCategory;
import io.wcsettle.core.settlement.RoutedSettlement;
import io.wcsettle.core.settlement.Route;
import io.wcsettle.core.settlement.SettlementResult;
import io.wcsettle.core.upload.CostRecord;

/**
 * R-AUTO-1 (004 "免申即享"): the claims that follow from a routed settlement, derived from the data
 * alone. Pure: the same settlement always gives the same claims with the same order ids.
 *
 * <ul>
 * <li>{@link ClaimKind#MEAL_ALLOWANCE}: every inpatient stay settled directly (cross-province,
 *     home place or local networked) — the allowance is a benefit per inpatient day, due whether
 *     or not the hospital billed meals; amount = the insured place's daily standard × inpatient
 *     days ({@link io.wcsettle.core.settlement.Stay#inpatientDays()}), empty when the standard is
 *     not configured.</li>
 * <li>{@link ClaimKind#TRANSPORT_LODGING}: a cross-province direct settlement of a
 *     {@link FilingType#REFERRAL referral} filing with transport lines; never for the other filing
 *     types (R-SET-6). No standard is modelled: the amount is set at approval.</li>
 * <li>{@link ClaimKind#MANUAL_CLAIM}: a bill on {@link Route#MANUAL_CLAIM} (R-UPL-3), for its net
 *     total. Never on a home-place route (R-FIL-11).</li>
 * </ul>
 */
public final class FollowUpClaims {

    private FollowUpClaims() {
    }

    /**
     * The claims of {@code routed}.
     *
     * @param settlementId  a stable id of this settlement (the HIS's visit id or the platform's
     *                      settlement id); the order ids derive from it
     * @param workerId      opaque worker id
     * @param insured       the worker's insured place, which pays the claims (the filing's, or for a
     *                      worker without one, the place the HIS read from the card)
     * @param routed        the routed settlement
     * @param insuredPolicy the insured place's policy (its meal allowance standard)
     * @throws InvalidInputException {@code INVALID_INPUT} for a blank id
     */
    public static List<FollowUpClaim> derive(String settlementId, String workerId, Admdvs insured,
                                             RoutedSettlement routed, RegionalPolicy insuredPolicy) {
        requireId(settlementId, "settlementId");
        requireId(workerId, "workerId");
        Objects.requireNonNull(insured, "insured");
        Objects.requireNonNull(routed, "routed");
        Objects.requireNonNull(insuredPolicy, "insuredPolicy");
        Bill bill = routed.bill();
        SettlementResult result = routed.result();
        CostRecord stay = new CostRecord(workerId, bill.institution().code(), bill.stay().admittedOn(),
                bill.stay().dischargedOn(), List.of());
        List<FollowUpClaim> claims = new ArrayList<>(2);
        if (routed.route() == Route.MANUAL_CLAIM) {
            if (!result.total().isZero()) {
                claims.add(claim(settlementId, workerId, insured, ClaimKind.MANUAL_CLAIM, 0, Optional.empty(),
                        result.total(), bill, stay));
            }
            return List.copyOf(claims);
        }
        if (!result.directSettlement()) {
            return List.of(); // a home-place refusal is the insured place's own local matter (R-FIL-11)
        }
        long days = bill.stay().inpatientDays();
        if (days > 0) {
            Optional<Fen> amount = insuredPolicy.mealAllowancePerDay().map(perDay -> perDay.times(days));
            claims.add(claim(settlementId, workerId, insured, ClaimKind.MEAL_ALLOWANCE, days, amount,
                    outsideOf(bill, result, LineCategory.MEAL), bill, stay));
        }
        boolean referral = bill.filing().map(f -> f.type() == FilingType.REFERRAL).orElse(false);
        if (routed.route() == Route.CROSS_PROVINCE && referral) {
            Fen transport = outsideOf(bill, result, LineCategory.TRANSPORT);
            if (!transport.isZero()) {
                claims.add(claim(settlementId, workerId, insured, ClaimKind.TRANSPORT_LODGING, 0, Optional.empty(),
                        transport, bill, stay));
            }
        }
        return List.copyOf(claims);
    }

    /** The work order id of the {@code kind} claim of settlement {@code settlementId}. */
    public static String orderId(String settlementId, ClaimKind kind) {
        return "WO-" + settlementId + "-" + kind.name();
    }

    private static FollowUpClaim claim(String settlementId, String workerId, Admdvs insured, ClaimKind kind, long days,
                                       Optional<Fen> computed, Fen billed, Bill bill, CostRecord stay) {
        return new FollowUpClaim(orderId(settlementId, kind), settlementId, workerId, insured, kind, days, computed,
                billed, bill.stay().dischargedOn(), stay);
    }

    private static Fen outsideOf(Bill bill, SettlementResult result, LineCategory category) {
        long sum = 0;
        List<BillLine> lines = bill.lines();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).category() == category) {
                sum = Math.addExact(sum, result.outsideFen(i));
            }
        }
        return Fen.of(sum);
    }

    private static void requireId(String id, String field) {
        if (id == null || id.isBlank()) {
            throw new InvalidInputException(CoreErrorCode.INVALID_INPUT, field, "missing");
        }
    }
}
