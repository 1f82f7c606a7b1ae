package io.wcsettle.core.settlement;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import io.wcsettle.core.catalogue.Catalogue;
import io.wcsettle.core.error.WcsettleException;
import io.wcsettle.core.filing.AdmissionProblem;
import io.wcsettle.core.filing.Filing;
import io.wcsettle.core.filing.FilingScope;
import io.wcsettle.core.local.LocalApproval;
import io.wcsettle.core.money.LineAmount;
import io.wcsettle.core.policy.RegionalPolicy;
import io.wcsettle.core.region.Admdvs;

/**
 * Settles a discharge bill (R-SET-1..12): first the bill-level check, which returns every failing
 * reason; then each line on its own, with at most one reason by R-SET-7's fixed order:
 * {@code RETURN} (R-SET-12) → {@code ENTITLEMENT_ENDED} → {@code OUTSIDE_DIRECT_SETTLEMENT} →
 * {@code NON_WORK_INJURY} → {@code NOT_IN_CATALOGUE} → {@code CLINICAL_NORM_VIOLATION} →
 * {@code OTHER_VIOLATION}, otherwise the partial {@code OVER_STANDARD} / {@code DEVICE_OVER_CAP}.
 *
 * <p>Medical and rehab lines are judged against the treatment-place catalogue (R-SET-3), device
 * lines against the insured-place device catalogue (R-SET-4), both in the versions in force on
 * the discharge date (R-SET-8). A line's result depends only on that line, the bill-level facts
 * and the catalogues, never on the other lines or their order.
 *
 * <p>Pure: settling reads only the bill and the engine's catalogues and policy, changes nothing and
 * raises nothing; what follows from a settlement (routing, follow-up orders, deadlines, statement)
 * is derived from its result by {@link SettlementRouter} and {@code io.wcsettle.core.discharge}.
 *
 * <p>Immutable and thread-safe; the catalogues are shared read-only. Settling allocates only the
 * result's arrays.
 */
public final class SettlementEngine {

    private static final byte NONE = 0;

    private final RegionalPolicy policy;
    private final Catalogue treatment;
    private final Catalogue insuredDevices;

    /**
     * An engine for one pair of places. For cross-province bills: the worker's insured place's
     * policy, the treatment place's catalogue and the insured place's devices. For the insured
     * place's own settlement (R-FIL-11) and local networked bills (R-LOC-1) the treatment place is
     * the insured place: its policy, its own catalogue and its devices.
     *
     * @param policy         the insured place's policy (outpatient switch, R-SET-2)
     * @param treatment      the catalogue of the place whose catalogue applies (R-SET-3): the
     *                       treatment place's for cross-province bills
     * @param insuredDevices the insured place's device catalogue with caps (R-SET-4)
     */
    public SettlementEngine(RegionalPolicy policy, Catalogue treatment, Catalogue insuredDevices) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.treatment = Objects.requireNonNull(treatment, "treatment");
        this.insuredDevices = Objects.requireNonNull(insuredDevices, "insuredDevices");
    }

    /** The insured place's policy this engine applies. */
    public RegionalPolicy policy() {
        return policy;
    }

    /** Settles {@code bill}. Business refusals are reasons in the result, never exceptions. */
    public SettlementResult settle(Bill bill) {
        EnumSet<BillReason> reasons = billReasons(bill);
        boolean direct = reasons.isEmpty();
        List<BillLine> lines = bill.lines();
        int n = lines.size();
        long[] parts = new long[3 * n];
        byte[] why = new byte[n];
        long discharge = bill.stay().dischargedOn().toEpochDay();
        LocalDate endedOn = bill.filing().flatMap(Filing::endedOn).orElse(null);
        for (int i = 0; i < n; i++) {
            why[i] = settleLine(bill, i, lines.get(i), direct, discharge, endedOn, parts);
        }
        return new SettlementResult(reasons, lines, parts, why);
    }

    /**
     * R-SET-1, -2, -9; R-FIL-6, -8, -9, -11; R-LOC-1: every reason {@code bill} cannot be settled
     * directly on its {@link Bill#basis() basis} (empty when it can).
     *
     * <ul>
     * <li>{@link SettlementBasis#CROSS_PROVINCE}: the filing (validity, end, target city, scope), the
     *     institution's cross-province enablement, and {@link BillReason#TREATED_IN_INSURED_PLACE}
     *     when the institution is back in the insured province (a routing, R-FIL-11).</li>
     * <li>{@link SettlementBasis#HOME_PLACE} (R-FIL-11): the filing stands in for a local approval:
     *     valid at admission and not ended, the institution inside the insured province and with a
     *     local networked agreement.</li>
     * <li>{@link SettlementBasis#LOCAL_NETWORKED} (R-LOC-1): the online approval (validity, insured
     *     city, scope) and the institution's local networked agreement, not cross-province enablement.</li>
     * </ul>
     * On every basis: institution or worker suspended, third-party liability, outpatient while
     * the policy has it off, rehab plan and device approval notice (R-SET-9).
     */
    public EnumSet<BillReason> billReasons(Bill bill) {
        EnumSet<BillReason> reasons = EnumSet.noneOf(BillReason.class);
        Stay stay = bill.stay();
        Institution institution = bill.institution();
        switch (bill.basis()) {
            case LOCAL_NETWORKED:
                localReasons(bill.localApproval().orElseThrow(), bill, reasons);
                if (!institution.localNetworked()) {
                    reasons.add(BillReason.INSTITUTION_NOT_LOCAL_NETWORKED);
                }
                break;
            case HOME_PLACE:
                homePlaceReasons(bill.filing().orElseThrow(), bill, reasons);
                if (!institution.localNetworked()) {
                    reasons.add(BillReason.INSTITUTION_NOT_LOCAL_NETWORKED);
                }
                break;
            default:
                crossProvinceReasons(bill, reasons);
                if (!institution.crossProvinceEnabled()) {
                    reasons.add(BillReason.INSTITUTION_NOT_ENABLED);
                }
                break;
        }
        if (institution.suspended()) {
            reasons.add(BillReason.INSTITUTION_SUSPENDED);
        }
        if (bill.worker().suspended()) {
            reasons.add(BillReason.WORKER_SUSPENDED);
        }
        if (bill.worker().thirdPartyLiability()) {
            reasons.add(BillReason.THIRD_PARTY_LIABILITY);
        }
        if (stay.kind() == StayKind.OUTPATIENT && !policy.outpatientDirectSettlement()) {
            reasons.add(BillReason.OUT_OF_SCOPE);
        }
        if (stay.kind() == StayKind.INPATIENT_REHAB && !stay.rehabPlanUploaded()) {
            reasons.add(BillReason.REHAB_PLAN_MISSING);
        }
        if (stay.kind() == StayKind.DEVICE && !stay.deviceApprovalNotice()) {
            reasons.add(BillReason.DEVICE_APPROVAL_MISSING);
        }
        return reasons;
    }

    private static void crossProvinceReasons(Bill bill, EnumSet<BillReason> reasons) {
        if (bill.filing().isEmpty()) {
            reasons.add(BillReason.NO_FILING);
            return;
        }
        Filing filing = bill.filing().get();
        Admdvs at = bill.institution().admdvs();
        admissionReasons(filing, bill.stay(), reasons);
        if (!filing.covers(at)) {
            reasons.add(BillReason.INSTITUTION_NOT_IN_FILED_CITY);
        }
        if (filing.isInInsuredPlace(at)) {
            reasons.add(BillReason.TREATED_IN_INSURED_PLACE);
        }
        if (!scopeCovers(filing.scope(), bill.stay().kind())) {
            reasons.add(BillReason.OUT_OF_SCOPE);
        }
    }

    /**
     * R-FIL-11: the filing stands in for a local approval: valid at admission, not ended, and the
     * institution inside the insured province (the home place of the filing).
     */
    private static void homePlaceReasons(Filing filing, Bill bill, EnumSet<BillReason> reasons) {
        admissionReasons(filing, bill.stay(), reasons);
        if (!filing.isInInsuredPlace(bill.institution().admdvs())) {
            reasons.add(BillReason.INSTITUTION_NOT_IN_FILED_CITY);
        }
        if (!scopeCovers(filing.scope(), bill.stay().kind())) {
            reasons.add(BillReason.OUT_OF_SCOPE);
        }
    }

    private static void admissionReasons(Filing filing, Stay stay, EnumSet<BillReason> reasons) {
        Set<AdmissionProblem> problems = filing.admissionProblems(stay.admittedOn());
        if (problems.contains(AdmissionProblem.NOT_VALID_AT_ADMISSION)) {
            reasons.add(BillReason.FILING_NOT_VALID_AT_ADMISSION);
        }
        if (problems.contains(AdmissionProblem.ENDED)) {
            reasons.add(BillReason.FILING_ENDED);
        }
    }

    /**
     * R-LOC-1: the online approval stands in for the filing: it must be valid at admission, the
     * institution must be inside the insured city, and the stay inside the approval's scope.
     * Being treated in the insured place is the point here, so R-FIL-11 does not apply.
     */
    private static void localReasons(LocalApproval approval, Bill bill, EnumSet<BillReason> reasons) {
        if (!approval.validity().contains(bill.stay().admittedOn())) {
            reasons.add(BillReason.FILING_NOT_VALID_AT_ADMISSION);
        }
        if (!approval.covers(bill.institution().admdvs())) {
            reasons.add(BillReason.INSTITUTION_NOT_IN_FILED_CITY);
        }
        if (!scopeCovers(approval.scope(), bill.stay().kind())) {
            reasons.add(BillReason.OUT_OF_SCOPE);
        }
    }

    /**
     * Interpretation of R-FIL-2 / R-SET-2 (IM Art. 10: medical and rehab share the filing form
     * 附件1, devices have their own 附件2): a device filing covers device stays only, and a device
     * stay needs a device filing; medical and rehab filings cover medical, rehab and outpatient stays.
     */
    static boolean scopeCovers(FilingScope scope, StayKind kind) {
        return (scope == FilingScope.DEVICE) == (kind == StayKind.DEVICE);
    }

    private byte settleLine(Bill bill, int i, BillLine line, boolean direct, long discharge,
                            LocalDate endedOn, long[] parts) {
        int at = 3 * i;
        if (bill.originalOf(i) >= 0) {
            return code(LineReason.RETURN); // R-SET-12: counted in its original
        }
        long amount = bill.netAmount(i);
        if (bill.returned(i) && bill.netQuantity(i) == 0) {
            parts[at + 1] = amount; // R-SET-12: returned in full; a rounding residue is not paid
            return code(LineReason.RETURN);
        }
        if (!direct) {
            parts[at + 2] = amount; // R-SET-1, R-UPL-3: the whole bill is claimed at the insured place
            return code(LineReason.OUTSIDE_DIRECT_SETTLEMENT);
        }
        if (endedOn != null && line.serviceDate().isAfter(endedOn)) {
            parts[at + 1] = amount;
            return code(LineReason.ENTITLEMENT_ENDED);
        }
        LineCategory category = line.category();
        if (category.isOutsideDirectSettlement()) {
            parts[at + 2] = amount;
            return code(LineReason.OUTSIDE_DIRECT_SETTLEMENT);
        }
        if (bill.flagged(i, ReviewFlag.NON_WORK_INJURY)) {
            parts[at + 1] = amount;
            return code(LineReason.NON_WORK_INJURY);
        }
        boolean device = category == LineCategory.DEVICE;
        long limit = (device ? insuredDevices : treatment).limitOn(line.code(), discharge);
        if (limit == Catalogue.NOT_LISTED) {
            parts[at + 1] = amount;
            return code(LineReason.NOT_IN_CATALOGUE);
        }
        if (bill.flagged(i, ReviewFlag.CLINICAL_NORM_VIOLATION)) {
            parts[at + 1] = amount;
            return code(LineReason.CLINICAL_NORM_VIOLATION);
        }
        if (bill.flagged(i, ReviewFlag.OTHER_VIOLATION)) {
            parts[at + 1] = amount;
            return code(LineReason.OTHER_VIOLATION);
        }
        long paid = amount;
        if (limit != Catalogue.NO_LIMIT && (device || line.price().micros() > limit)) {
            // R-SET-4: min(amount, round_half_up(cap × quantity)); R-SET-7: round_half_up(max × quantity)
            paid = Math.min(amount, capped(limit, bill.netQuantity(i)));
        }
        parts[at] = paid;
        if (paid < amount) {
            parts[at + 1] = amount - paid;
            return code(device ? LineReason.DEVICE_OVER_CAP : LineReason.OVER_STANDARD);
        }
        return NONE;
    }

    /** round_half_up(limit × quantity); a product beyond a long of fen is above any amount, so it caps nothing. */
    private static long capped(long limitMicros, long quantity) {
        try {
            return LineAmount.fen(limitMicros, quantity);
        } catch (WcsettleException overflow) {
            return Long.MAX_VALUE;
        }
    }

    private static byte code(LineReason reason) {
        return (byte) (reason.ordinal() + 1);
    }
}
