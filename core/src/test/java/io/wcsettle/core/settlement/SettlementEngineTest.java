package io.wcsettle.core.settlement;

import static io.wcsettle.core.settlement.Fixtures.ADMITTED;
import static io.wcsettle.core.settlement.Fixtures.DISCHARGED;
import static io.wcsettle.core.settlement.Fixtures.ENGINE;
import static io.wcsettle.core.settlement.Fixtures.FILING;
import static io.wcsettle.core.settlement.Fixtures.HOSPITAL;
import static io.wcsettle.core.settlement.Fixtures.STAY;
import static io.wcsettle.core.settlement.Fixtures.bill;
import static io.wcsettle.core.settlement.Fixtures.fen;
import static io.wcsettle.core.settlement.Fixtures.line;
import static io.wcsettle.core.settlement.Fixtures.returnLine;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import io.wcsettle.core.catalogue.Catalogue;
import io.wcsettle.core.error.CoreErrorCode;
import io.wcsettle.core.error.InvalidInputException;
import io.wcsettle.core.filing.Filing;
import io.wcsettle.core.filing.FilingScope;
import io.wcsettle.core.filing.FilingType;
import io.wcsettle.core.money.Fen;
import io.wcsettle.core.money.Quantity;
import io.wcsettle.core.money.UnitPrice;
import io.wcsettle.core.policy.RegionalPolicies;
import io.wcsettle.core.region.Admdvs;

class SettlementEngineTest {

    private static LineResult only(SettlementResult r) {
        assertEquals(1, r.lineCount());
        return r.lines().get(0);
    }

    @Test
    @DisplayName("R-SET-1: every failing bill-level reason is returned, not just the first")
    void allBillReasonsAreReturned() {
        Institution bad = new Institution("H1", new Admdvs("110108"), false, true);
        Bill b = new Bill(Optional.of(FILING), new WorkerStatus(true, true), bad, STAY,
                List.of(line("1", "X001", LineCategory.DRUG, "10.00", "1")));
        SettlementResult r = ENGINE.settle(b);
        assertFalse(r.directSettlement());
        assertEquals(EnumSet.of(BillReason.INSTITUTION_NOT_ENABLED, BillReason.INSTITUTION_SUSPENDED,
                BillReason.INSTITUTION_NOT_IN_FILED_CITY, BillReason.TREATED_IN_INSURED_PLACE,
                BillReason.WORKER_SUSPENDED, BillReason.THIRD_PARTY_LIABILITY), r.reasons());
    }

    @Test
    @DisplayName("R-SET-1: without a filing nothing is paid directly; the whole bill goes to the insured place")
    void noFiling_everythingOutside() {
        Bill b = new Bill(Optional.empty(), WorkerStatus.GOOD_STANDING, HOSPITAL, STAY,
                List.of(line("1", "X001", LineCategory.DRUG, "10.00", "3")));
        SettlementResult r = ENGINE.settle(b);
        assertEquals(Set.of(BillReason.NO_FILING), r.reasons());
        assertEquals(Fen.ZERO, r.fundPaid());
        assertEquals(fen(3000), r.outside());
        assertEquals(Optional.of(LineReason.OUTSIDE_DIRECT_SETTLEMENT), only(r).reason());
    }

    @Test
    @DisplayName("R-SET-2: outpatient is out of scope unless the policy switches it on")
    void outpatientSwitch() {
        Stay outpatient = new Stay(StayKind.OUTPATIENT, ADMITTED, ADMITTED, false, false);
        Bill b = new Bill(Optional.of(FILING), WorkerStatus.GOOD_STANDING, HOSPITAL, outpatient,
                List.of(BillLine.of("1", "X001", LineCategory.DRUG, ADMITTED, UnitPrice.ofFen(100), Quantity.of(1))));
        assertEquals(Set.of(BillReason.OUT_OF_SCOPE), ENGINE.settle(b).reasons());
        SettlementEngine on = new SettlementEngine(
                RegionalPolicies.BEIJING.toBuilder().outpatientDirectSettlement(true).build(),
                Fixtures.TREATMENT, Fixtures.DEVICES);
        assertTrue(on.settle(b).directSettlement());
    }

    @Test
    @DisplayName("R-SET-2 (interpretation): a device stay needs a device filing, and a device filing covers only devices")
    void deviceScope() {
        Stay device = new Stay(StayKind.DEVICE, ADMITTED, ADMITTED, false, true);
        Bill b = new Bill(Optional.of(FILING), WorkerStatus.GOOD_STANDING, HOSPITAL, device, List.of());
        assertEquals(Set.of(BillReason.OUT_OF_SCOPE), ENGINE.settle(b).reasons());
        Filing deviceFiling = Filing.of(RegionalPolicies.BEIJING, FilingType.LONG_TERM_RESIDENCE, FilingScope.DEVICE,
                new Admdvs("110105"), new Admdvs("430100"), LocalDate.of(2025, 6, 1));
        Bill ok = new Bill(Optional.of(deviceFiling), WorkerStatus.GOOD_STANDING, HOSPITAL, device, List.of());
        assertTrue(ENGINE.settle(ok).directSettlement());
    }

    @Test
    @DisplayName("R-SET-4: device paid = min(amount, cap × quantity); over the cap is DEVICE_OVER_CAP")
    void deviceCap() {
        LineResult over = only(ENGINE.settle(bill(line("1", "D100", LineCategory.DEVICE, "3650.00", "2"))));
        assertEquals(fen(600000), over.paid());
        assertEquals(fen(130000), over.deducted());
        assertEquals(Optional.of(LineReason.DEVICE_OVER_CAP), over.reason());
        LineResult under = only(ENGINE.settle(bill(line("1", "D200", LineCategory.DEVICE, "980.00", "1"))));
        assertEquals(fen(98000), under.paid());
        assertEquals(Optional.empty(), under.reason());
        LineResult unknown = only(ENGINE.settle(bill(line("1", "D300", LineCategory.DEVICE, "10.00", "1"))));
        assertEquals(Optional.of(LineReason.NOT_IN_CATALOGUE), unknown.reason());
    }

    @Test
    @DisplayName("R-SET-4: device lines use the insured-place device catalogue, not the treatment catalogue")
    void deviceUsesInsuredCatalogue() {
        LineResult r = only(ENGINE.settle(bill(line("1", "X001", LineCategory.DEVICE, "10.00", "1"))));
        assertEquals(Optional.of(LineReason.NOT_IN_CATALOGUE), r.reason());
    }

    @Test
    @DisplayName("R-SET-6: meal allowance and transport are outside direct settlement, no catalogue needed")
    void mealAndTransportOutside() {
        SettlementResult r = ENGINE.settle(bill(line("1", "MEAL01", LineCategory.MEAL, "50.00", "9"),
                line("2", "TR", LineCategory.TRANSPORT, "553.00", "1")));
        assertEquals(fen(45000 + 55300), r.outside());
        assertEquals(Fen.ZERO, r.fundPaid());
        r.lines().forEach(l -> assertEquals(Optional.of(LineReason.OUTSIDE_DIRECT_SETTLEMENT), l.reason()));
    }

    @Test
    @DisplayName("R-SET-7: over the maximum price, paid = round_half_up(max × quantity), reason OVER_STANDARD")
    void overStandard() {
        LineResult r = only(ENGINE.settle(bill(line("1", "BED01", LineCategory.SERVICE, "80.00", "2.5"))));
        assertEquals(fen(15000), r.paid());
        assertEquals(fen(5000), r.deducted());
        assertEquals(Optional.of(LineReason.OVER_STANDARD), r.reason());
    }

    @Test
    @DisplayName("R-SET-7: the first whole-line reason wins: ENTITLEMENT_ENDED before OUTSIDE before NON_WORK_INJURY before NOT_IN_CATALOGUE")
    void fixedOrder() {
        Filing ended = FILING.endedOn(ADMITTED);
        BillLine meal = line("1", "MEAL01", LineCategory.MEAL, "50.00", "1");
        Bill b = new Bill(Optional.of(ended), WorkerStatus.GOOD_STANDING, HOSPITAL, STAY, List.of(meal));
        assertEquals(Optional.of(LineReason.ENTITLEMENT_ENDED), only(ENGINE.settle(b)).reason());
        assertEquals(Optional.of(LineReason.OUTSIDE_DIRECT_SETTLEMENT), only(ENGINE.settle(bill(
                line("1", "MEAL01", LineCategory.MEAL, "50.00", "1", ReviewFlag.NON_WORK_INJURY)))).reason());
        assertEquals(Optional.of(LineReason.NON_WORK_INJURY), only(ENGINE.settle(bill(
                line("1", "NOPE", LineCategory.DRUG, "5.00", "1", ReviewFlag.NON_WORK_INJURY,
                        ReviewFlag.OTHER_VIOLATION)))).reason());
        assertEquals(Optional.of(LineReason.NOT_IN_CATALOGUE), only(ENGINE.settle(bill(
                line("1", "NOPE", LineCategory.DRUG, "5.00", "1", ReviewFlag.CLINICAL_NORM_VIOLATION)))).reason());
        assertEquals(Optional.of(LineReason.CLINICAL_NORM_VIOLATION), only(ENGINE.settle(bill(
                line("1", "BED01", LineCategory.SERVICE, "80.00", "1", ReviewFlag.CLINICAL_NORM_VIOLATION,
                        ReviewFlag.OTHER_VIOLATION)))).reason());
        LineResult whole = only(ENGINE.settle(bill(
                line("1", "BED01", LineCategory.SERVICE, "80.00", "1", ReviewFlag.OTHER_VIOLATION))));
        assertEquals(Optional.of(LineReason.OTHER_VIOLATION), whole.reason());
        assertEquals(fen(8000), whole.deducted());
    }

    @Test
    @DisplayName("R-SET-8: the catalogue version in force on the discharge date applies, even to earlier lines")
    void versionOnDischargeDate() {
        Catalogue cat = Catalogue.builder()
                .add("BED01", LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31), UnitPrice.ofFen(6000))
                .add("BED01", LocalDate.of(2026, 1, 1), null, UnitPrice.ofFen(7000))
                .add("X010", LocalDate.of(2024, 1, 1), LocalDate.of(2025, 12, 31), null)
                .build();
        SettlementEngine engine = new SettlementEngine(RegionalPolicies.INNER_MONGOLIA, cat, Fixtures.DEVICES);
        Stay acrossNewYear = new Stay(StayKind.INPATIENT_MEDICAL, LocalDate.of(2025, 12, 28),
                LocalDate.of(2026, 1, 6), false, false);
        Bill b = new Bill(Optional.of(FILING), WorkerStatus.GOOD_STANDING, HOSPITAL, acrossNewYear, List.of(
                BillLine.of("1", "BED01", LineCategory.SERVICE, LocalDate.of(2025, 12, 28), UnitPrice.ofFen(6800),
                        Quantity.of(4)),
                BillLine.of("2", "X010", LineCategory.DRUG, LocalDate.of(2025, 12, 29), UnitPrice.ofFen(100),
                        Quantity.of(1))));
        List<LineResult> lines = engine.settle(b).lines();
        assertEquals(Optional.empty(), lines.get(0).reason());
        assertEquals(Optional.of(LineReason.NOT_IN_CATALOGUE), lines.get(1).reason());
    }

    @Test
    @DisplayName("R-SET-9: a rehab stay needs the rehab plan, a device stay the approval notice")
    void rehabPlanAndDeviceNotice() {
        Stay rehab = new Stay(StayKind.INPATIENT_REHAB, ADMITTED, DISCHARGED, false, false);
        Bill b = new Bill(Optional.of(FILING), WorkerStatus.GOOD_STANDING, HOSPITAL, rehab, List.of());
        assertEquals(Set.of(BillReason.REHAB_PLAN_MISSING), ENGINE.settle(b).reasons());
        Filing deviceFiling = Filing.of(RegionalPolicies.BEIJING, FilingType.LONG_TERM_RESIDENCE, FilingScope.DEVICE,
                new Admdvs("110105"), new Admdvs("430100"), LocalDate.of(2025, 6, 1));
        Stay device = new Stay(StayKind.DEVICE, ADMITTED, ADMITTED, false, false);
        Bill d = new Bill(Optional.of(deviceFiling), WorkerStatus.GOOD_STANDING, HOSPITAL, device, List.of());
        assertEquals(Set.of(BillReason.DEVICE_APPROVAL_MISSING), ENGINE.settle(d).reasons());
    }

    @Test
    @DisplayName("R-FIL-8: admitted on the last valid day, discharged after expiry: settled in full")
    void admittedOnLastValidDay() {
        Filing referral = Filing.of(RegionalPolicies.INNER_MONGOLIA, FilingType.REFERRAL, FilingScope.MEDICAL,
                new Admdvs("150102"), new Admdvs("430100"), LocalDate.of(2025, 4, 15));
        LocalDate last = referral.validity().validThrough();
        Stay stay = new Stay(StayKind.INPATIENT_MEDICAL, last, last.plusDays(10), false, false);
        Bill b = new Bill(Optional.of(referral), WorkerStatus.GOOD_STANDING, HOSPITAL, stay, List.of());
        assertTrue(ENGINE.settle(b).directSettlement());
        Stay late = new Stay(StayKind.INPATIENT_MEDICAL, last.plusDays(1), last.plusDays(10), false, false);
        Bill l = new Bill(Optional.of(referral), WorkerStatus.GOOD_STANDING, HOSPITAL, late, List.of());
        assertEquals(Set.of(BillReason.FILING_NOT_VALID_AT_ADMISSION), ENGINE.settle(l).reasons());
    }

    @Test
    @DisplayName("R-FIL-9: lines after the entitlement end are deducted; lines on the end day are paid")
    void entitlementEndedMidStay() {
        Filing ended = FILING.endedOn(ADMITTED.plusDays(2));
        Bill b = new Bill(Optional.of(ended), WorkerStatus.GOOD_STANDING, HOSPITAL, STAY, List.of(
                BillLine.of("1", "X001", LineCategory.DRUG, ADMITTED.plusDays(2), UnitPrice.ofFen(100), Quantity.of(1)),
                BillLine.of("2", "X001", LineCategory.DRUG, ADMITTED.plusDays(3), UnitPrice.ofFen(100), Quantity.of(1))));
        List<LineResult> lines = ENGINE.settle(b).lines();
        assertEquals(Optional.empty(), lines.get(0).reason());
        assertEquals(Optional.of(LineReason.ENTITLEMENT_ENDED), lines.get(1).reason());
    }

    @Test
    @DisplayName("R-FIL-11: treated back in the insured province is not cross-province settlement")
    void treatedInInsuredPlace() {
        Institution beijing = new Institution("H11", new Admdvs("110108"), true, false);
        Bill b = new Bill(Optional.of(FILING), WorkerStatus.GOOD_STANDING, beijing, STAY, List.of());
        assertEquals(EnumSet.of(BillReason.INSTITUTION_NOT_IN_FILED_CITY, BillReason.TREATED_IN_INSURED_PLACE),
                ENGINE.settle(b).reasons());
    }

    @Test
    @DisplayName("R-SET-12: a return is netted into its original, which is judged on its net quantity")
    void returnNetted() {
        BillLine bed = line("1", "BED01", LineCategory.SERVICE, "80.00", "9");
        SettlementResult r = ENGINE.settle(bill(bed, returnLine("2", bed, "-2")));
        assertEquals(fen(42000), r.lines().get(0).paid());
        assertEquals(fen(14000), r.lines().get(0).deducted());
        assertEquals(new LineResult("2", Fen.ZERO, Fen.ZERO, Fen.ZERO, Optional.of(LineReason.RETURN)),
                r.lines().get(1));
        assertEquals(fen(56000), r.total());
    }

    @Test
    @DisplayName("R-SET-12: a fully returned line pays nothing, reason RETURN")
    void fullyReturned() {
        BillLine drug = line("1", "X001", LineCategory.DRUG, "0.3333", "3");
        SettlementResult r = ENGINE.settle(bill(drug, returnLine("2", drug, "-1"), returnLine("3", drug, "-2")));
        assertEquals(Optional.of(LineReason.RETURN), r.lines().get(0).reason());
        assertEquals(Fen.ZERO, r.fundPaid());
        assertEquals(Fen.ZERO, r.total());
    }

    @Test
    @DisplayName("R-SET-12: a rounding residue of a fully returned line is deducted, totals stay exact")
    void fullyReturnedResidue() {
        BillLine drug = line("1", "X001", LineCategory.DRUG, "0.3333", "3"); // 1.00
        BillLine r1 = returnLine("2", drug, "-1");                           // -0.33 each
        SettlementResult r = ENGINE.settle(bill(drug, r1, returnLine("3", drug, "-1"), returnLine("4", drug, "-1")));
        assertEquals(fen(1), r.total());
        assertEquals(fen(1), r.deducted());
        assertEquals(Optional.of(LineReason.RETURN), r.lines().get(0).reason());
    }

    @Test
    @DisplayName("R-SET-12: invalid returns refuse the whole bill")
    void invalidReturns() {
        BillLine drug = line("1", "X001", LineCategory.DRUG, "12.00", "2");
        assertCode(CoreErrorCode.INVALID_RETURN, () -> bill(drug, returnLine("2", drug, "-3")));
        assertCode(CoreErrorCode.INVALID_RETURN, () -> bill(returnLine("2", drug, "-1"), drug));
        BillLine other = line("1", "X002", LineCategory.DRUG, "12.00", "2");
        assertCode(CoreErrorCode.INVALID_RETURN, () -> bill(other, returnLine("2", drug, "-1")));
        BillLine ret = returnLine("2", drug, "-1");
        assertCode(CoreErrorCode.INVALID_RETURN, () -> bill(drug, ret, returnLine("3", ret, "-1")));
        assertCode(CoreErrorCode.INVALID_RETURN, () -> BillLine.of("2", "X001", LineCategory.DRUG, ADMITTED,
                UnitPrice.ofFen(1200), Quantity.of(1), null, Set.of(), "1"));
        assertCode(CoreErrorCode.NEGATIVE_QUANTITY, () -> BillLine.of("2", "X001", LineCategory.DRUG, ADMITTED,
                UnitPrice.ZERO, Quantity.of(-1), Fen.ZERO, Set.of(), null));
    }

    @Test
    @DisplayName("R-MON-1: a supplied amount within 1 fen is used; more than 1 fen off is refused")
    void suppliedAmount() {
        UnitPrice p = UnitPrice.parse("price", "12.3456");
        BillLine ok = BillLine.of("1", "X001", LineCategory.DRUG, ADMITTED, p, Quantity.of(2), fen(2470), Set.of(), null);
        assertEquals(fen(2470), only(ENGINE.settle(bill(ok))).paid());
        assertCode(CoreErrorCode.LINE_AMOUNT_MISMATCH, () -> BillLine.of("1", "X001", LineCategory.DRUG, ADMITTED, p,
                Quantity.of(2), fen(2472), Set.of(), null));
        assertCode(CoreErrorCode.INVALID_AMOUNT, () -> BillLine.of("1", "X001", LineCategory.DRUG, ADMITTED,
                UnitPrice.ZERO, Quantity.of(1), fen(-1), Set.of(), null));
    }

    @Test
    @DisplayName("R-SET-8: dates are checked: discharge before admission, service outside the stay, duplicate ids")
    void badBills() {
        assertCode(CoreErrorCode.DISCHARGE_BEFORE_ADMISSION,
                () -> new Stay(StayKind.INPATIENT_MEDICAL, DISCHARGED, ADMITTED, false, false));
        assertCode(CoreErrorCode.SERVICE_DATE_OUTSIDE_STAY, () -> bill(BillLine.of("1", "X001", LineCategory.DRUG,
                DISCHARGED.plusDays(1), UnitPrice.ofFen(100), Quantity.of(1))));
        assertCode(CoreErrorCode.DUPLICATE_LINE_ID, () -> bill(line("7", "X001", LineCategory.DRUG, "1", "1"),
                line("7", "X002", LineCategory.DRUG, "1", "1")));
    }

    private static void assertCode(CoreErrorCode code, Runnable r) {
        InvalidInputException e = assertThrows(InvalidInputException.class, r::run);
        assertEquals(code, e.errorCode());
    }
}
