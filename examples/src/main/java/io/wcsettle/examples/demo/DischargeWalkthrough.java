package io.wcsettle.examples.demo;

import java.io.PrintStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.wcsettle.core.calendar.WorkingDayCalendar;
import io.wcsettle.core.catalogue.Catalogue;
import io.wcsettle.core.filing.Filing;
import io.wcsettle.core.filing.FilingScope;
import io.wcsettle.core.filing.FilingType;
import io.wcsettle.core.followup.FollowUpDesk;
import io.wcsettle.core.followup.WorkOrder;
import io.wcsettle.core.money.Quantity;
import io.wcsettle.core.money.UnitPrice;
import io.wcsettle.core.policy.RegionalPolicies;
import io.wcsettle.core.policy.RegionalPolicy;
import io.wcsettle.core.region.Admdvs;
import io.wcsettle.core.settlement.Bill;
import io.wcsettle.core.settlement.BillLine;
import io.wcsettle.core.settlement.Institution;
import io.wcsettle.core.settlement.LineCategory;
import io.wcsettle.core.settlement.ReviewFlag;
import io.wcsettle.core.settlement.SettlementEngine;
import io.wcsettle.core.settlement.SettlementResult;
import io.wcsettle.core.settlement.Stay;
import io.wcsettle.core.settlement.StayKind;
import io.wcsettle.core.settlement.WorkerStatement;
import io.wcsettle.core.settlement.WorkerStatus;
import io.wcsettle.core.upload.UploadDeadlines;

/**
 * A cross-province discharge: an Inner Mongolia (Hohhot) worker living in Changsha, settled at a
 * Changsha hospital, with a bed fee over the standard, a drug outside the catalogue, a brace
 * within its insured-place cap and a meal allowance that goes to the insured place.
 */
public final class DischargeWalkthrough {

    /** Hohhot, the insured place. */
    public static final Admdvs INSURED = new Admdvs("150102");
    /** Changsha, the filed city. */
    public static final Admdvs TARGET = new Admdvs("430100");
    /** A Changsha hospital (Furong district). */
    public static final Institution HOSPITAL = new Institution("H43010200001", new Admdvs("430102"), true, false);
    /** Admission day. */
    public static final LocalDate ADMITTED = LocalDate.of(2025, 11, 3);
    /** Discharge and settlement day. */
    public static final LocalDate DISCHARGED = LocalDate.of(2025, 11, 12);

    private DischargeWalkthrough() {
    }

    /** Changsha's treatment-place catalogue: two drugs, the bed-fee standard, nursing. */
    public static Catalogue treatmentCatalogue() {
        return Catalogue.builder()
                .add("XA01", LocalDate.of(2025, 1, 1), null, null)
                .add("XB02", LocalDate.of(2024, 1, 1), null, null)
                .add("BED01", LocalDate.of(2025, 1, 1), null, UnitPrice.parse("maxPrice", "60.00"))
                .add("NUR01", LocalDate.of(2024, 1, 1), null, UnitPrice.parse("maxPrice", "30.00"))
                .build();
    }

    /** Inner Mongolia's device catalogue with per-unit caps (R-SET-4). */
    public static Catalogue insuredDevices() {
        return Catalogue.builder()
                .add("DKNEE01", LocalDate.of(2024, 1, 1), null, UnitPrice.parse("cap", "3000.00"))
                .build();
    }

    /** The filing read at admission. */
    public static Filing filing(RegionalPolicy policy) {
        return Filing.of(policy, FilingType.LONG_TERM_RESIDENCE, FilingScope.MEDICAL, INSURED, TARGET,
                LocalDate.of(2025, 6, 2));
    }

    /** The discharge bill as the HIS holds it: price × quantity, the invoice amount, review flags. */
    public static Bill bill(RegionalPolicy policy) {
        LocalDate d = ADMITTED.plusDays(1);
        List<BillLine> lines = List.of(
                line("1", "XA01", LineCategory.DRUG, d, "12.3456", "6"),
                line("2", "BED01", LineCategory.SERVICE, d, "80.00", "9"),
                line("3", "NUR01", LineCategory.SERVICE, d, "30.00", "9"),
                line("4", "XZ99", LineCategory.DRUG, d.plusDays(1), "45.50", "2"),
                BillLine.of("5", "XB02", LineCategory.DRUG, d.plusDays(2), UnitPrice.parse("price", "88.00"),
                        Quantity.parse("quantity", "1"), null, Set.of(ReviewFlag.NON_WORK_INJURY), null),
                line("6", "DKNEE01", LineCategory.DEVICE, d.plusDays(5), "2800.00", "1"),
                line("7", "MEAL", LineCategory.MEAL, d, "30.00", "9"),
                BillLine.of("8", "XA01", LineCategory.DRUG, d.plusDays(3), UnitPrice.parse("price", "12.3456"),
                        Quantity.parse("quantity", "-1"), null, Set.of(), "1"));
        return new Bill(Optional.of(filing(policy)), WorkerStatus.GOOD_STANDING, HOSPITAL,
                new Stay(StayKind.INPATIENT_MEDICAL, ADMITTED, DISCHARGED, false, false), lines);
    }

    private static BillLine line(String id, String code, LineCategory category, LocalDate day, String price,
                                 String quantity) {
        return BillLine.of(id, code, category, day, UnitPrice.parse("price", price), Quantity.parse("quantity", quantity));
    }

    /** Settles the bill in core, prints the statement, raises the follow-up claim and the upload deadline. */
    public static SettlementResult run(PrintStream out) {
        RegionalPolicy policy = RegionalPolicies.shipped().get("150000");
        Bill bill = bill(policy);
        SettlementResult result = new SettlementEngine(policy, treatmentCatalogue(), insuredDevices()).settle(bill);
        out.println("-- worker statement (R-SET-10) --");
        out.print(WorkerStatement.of(bill, result).toChineseText());
        followUp(out, result);
        out.printf("discharge upload due (R-UPL-1): %s%n",
                new UploadDeadlines(policy, WorkingDayCalendar.chinaOfficial()).dischargeUploadDue(DISCHARGED));
        return result;
    }

    /** R-AUTO-1: raises the claim for the outside amounts of {@code result}, with no application. */
    public static void followUp(PrintStream out, SettlementResult result) {
        Optional<WorkOrder> claim = new FollowUpDesk((event, failure) -> { })
                .raise("S-" + HOSPITAL.code() + "-" + DISCHARGED, "W-DEMO-1", INSURED, result.outside(), DISCHARGED);
        claim.ifPresent(o -> out.printf("follow-up (R-AUTO-1): work order %s for %s yuan at %s, state %s%n",
                o.id(), o.amount().toYuanString(), o.insuredAdmdvs(), o.state()));
    }
}
