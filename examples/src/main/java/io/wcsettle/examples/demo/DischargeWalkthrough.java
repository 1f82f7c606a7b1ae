package io.wcsettle.examples.demo;

import java.io.PrintStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.wcsettle.core.calendar.CalendarSource;
import io.wcsettle.core.calendar.Deadline;
import io.wcsettle.core.calendar.WorkingDayCalendar;
import io.wcsettle.core.catalogue.Catalogue;
import io.wcsettle.core.discharge.DischargeRequest;
import io.wcsettle.core.discharge.DischargeSettlement;
import io.wcsettle.core.discharge.SettlementOutcome;
import io.wcsettle.core.filing.Filing;
import io.wcsettle.core.filing.FilingScope;
import io.wcsettle.core.filing.FilingType;
import io.wcsettle.core.followup.FollowUpDesk;
import io.wcsettle.core.followup.InMemoryWorkOrderStore;
import io.wcsettle.core.followup.WorkOrder;
import io.wcsettle.core.followup.WorkOrderStore;
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
import io.wcsettle.core.settlement.SettlementRouter;
import io.wcsettle.core.settlement.Stay;
import io.wcsettle.core.settlement.StayKind;
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
    public static final Institution HOSPITAL = Institution.builder("H43010200001", new Admdvs("430102"))
            .crossProvince(true).build();
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

    /**
     * The core service a HIS calls at discharge: routing, statement, follow-up orders and the
     * treatment place's upload deadline in one call. The meal allowance standard is left unset (no
     * official value is shipped), so its claim is raised with the amount to be set by the insured place.
     */
    public static DischargeSettlement service(RegionalPolicy policy, WorkOrderStore store, PrintStream out) {
        SettlementEngine crossProvince = new SettlementEngine(policy, treatmentCatalogue(), insuredDevices());
        SettlementEngine home = new SettlementEngine(policy, Catalogue.builder().build(), insuredDevices());
        FollowUpDesk desk = new FollowUpDesk(store, (event, failure) -> out.println("listener failed: " + failure));
        desk.register(e -> out.printf("  event: %s %s -> %s on %s%n", e.orderId(),
                e.from().map(Enum::name).orElse("-"), e.to(), e.on()));
        return DischargeSettlement.builder()
                .router(new SettlementRouter(crossProvince, home))
                .policies(RegionalPolicies.shipped())
                .deadlines(UploadDeadlines.byTreatmentPlace(RegionalPolicies.shipped(),
                        CalendarSource.fixed(WorkingDayCalendar.chinaOfficial())))
                .followUp(desk)
                .build();
    }

    /** Settles the bill through {@link DischargeSettlement}, prints the statement, the follow-up and the deadline. */
    public static SettlementOutcome run(PrintStream out) {
        RegionalPolicy policy = RegionalPolicies.shipped().get("150000");
        SettlementOutcome outcome = service(policy, new InMemoryWorkOrderStore(), out).settle(request(policy));
        out.println("-- worker statement (R-SET-10) --");
        out.print(outcome.statement().toChineseText());
        print(out, outcome);
        return outcome;
    }

    /** The discharge request of the walkthrough: the HIS's visit id as settlement id. */
    public static DischargeRequest request(RegionalPolicy policy) {
        return new DischargeRequest("V1-" + HOSPITAL.code(), "P15010200001", Optional.of("张三丰"), INSURED,
                Optional.of("长沙某医院"), DISCHARGED, bill(policy));
    }

    /** Prints the route, the follow-up orders raised from the settlement and the upload deadline. */
    public static void print(PrintStream out, SettlementOutcome outcome) {
        out.printf("route: %s (sends to the platform: %s)%n", outcome.route(), outcome.sendsToPlatform());
        for (WorkOrder o : outcome.followUps()) {
            out.printf("follow-up (R-AUTO-1, no application): work order %s, %s for %d inpatient days, amount %s, state %s%n",
                    o.id(), o.kind(), o.claim().inpatientDays(),
                    o.claim().computedAmount().map(f -> f.toYuanString() + " yuan")
                            .orElse("to be set by the insured place (no daily standard configured)"),
                    o.state());
        }
        out.println("discharge upload (R-UPL-1, treatment place's policy): "
                + outcome.uploadDeadline().map(DischargeWalkthrough::deadline).orElse("nothing to upload"));
    }

    /** A deadline as the demo prints it. */
    public static String deadline(Deadline d) {
        return d.date().map(date -> "due " + date)
                .orElseGet(() -> "unknown: no calendar data for " + ((Deadline.Unknown) d).missingYear());
    }

    /**
     * R-FIL-11: a Beijing long-term resident of Changsha treated back in Beijing is settled under
     * Beijing's own policy, nothing goes to the platform, and no manual claim is raised.
     */
    public static SettlementOutcome homePlace(PrintStream out) {
        RegionalPolicy beijing = RegionalPolicies.shipped().get("110000");
        Filing filing = Filing.of(beijing, FilingType.LONG_TERM_RESIDENCE, FilingScope.MEDICAL, new Admdvs("110105"),
                TARGET, LocalDate.of(2025, 6, 2));
        Institution hospital = Institution.builder("H11010800101", new Admdvs("110108")).crossProvince(true)
                .localNetworked(true).build();
        Catalogue beijingCatalogue = Catalogue.builder().add("XA01", LocalDate.of(2025, 1, 1), null, null).build();
        Bill bill = new Bill(Optional.of(filing), WorkerStatus.GOOD_STANDING, hospital,
                new Stay(StayKind.INPATIENT_MEDICAL, ADMITTED, DISCHARGED, false, false),
                List.of(line("1", "XA01", LineCategory.DRUG, ADMITTED.plusDays(1), "12.3456", "6")));
        DischargeSettlement service = DischargeSettlement.builder()
                .router(new SettlementRouter(new SettlementEngine(beijing, treatmentCatalogue(), insuredDevices()),
                        new SettlementEngine(beijing, beijingCatalogue, insuredDevices())))
                .policies(RegionalPolicies.shipped())
                .deadlines(UploadDeadlines.byTreatmentPlace(RegionalPolicies.shipped(),
                        CalendarSource.fixed(WorkingDayCalendar.chinaOfficial())))
                .followUp(new FollowUpDesk(new InMemoryWorkOrderStore(), (e, x) -> { }))
                .build();
        SettlementOutcome outcome = service.settle(new DischargeRequest("V2-H11010800101", "P11010500001",
                Optional.empty(), new Admdvs("110105"), Optional.of("北京某医院"), DISCHARGED, bill));
        out.printf("cross-province verdict: %s; routed %s; fund pays %s yuan directly%n",
                outcome.routed().verdict().reasons(), outcome.route(), outcome.result().fundPaid().toYuanString());
        out.print(outcome.statement().toChineseText());
        print(out, outcome);
        return outcome;
    }
}
