package io.wcsettle.core.discharge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import io.wcsettle.core.calendar.CalendarSource;
import io.wcsettle.core.calendar.Deadline;
import io.wcsettle.core.calendar.WorkingDayCalendar;
import io.wcsettle.core.catalogue.Catalogue;
import io.wcsettle.core.filing.Filing;
import io.wcsettle.core.filing.FilingScope;
import io.wcsettle.core.filing.FilingType;
import io.wcsettle.core.followup.ClaimKind;
import io.wcsettle.core.followup.FollowUpDesk;
import io.wcsettle.core.followup.InMemoryWorkOrderStore;
import io.wcsettle.core.followup.WorkOrder;
import io.wcsettle.core.followup.WorkOrderEvent;
import io.wcsettle.core.followup.WorkOrderState;
import io.wcsettle.core.money.Fen;
import io.wcsettle.core.money.Quantity;
import io.wcsettle.core.money.UnitPrice;
import io.wcsettle.core.policy.RegionalPolicies;
import io.wcsettle.core.policy.RegionalPolicy;
import io.wcsettle.core.region.Admdvs;
import io.wcsettle.core.settlement.Bill;
import io.wcsettle.core.settlement.BillLine;
import io.wcsettle.core.settlement.Institution;
import io.wcsettle.core.settlement.LineCategory;
import io.wcsettle.core.settlement.Route;
import io.wcsettle.core.settlement.SettlementBasis;
import io.wcsettle.core.settlement.SettlementEngine;
import io.wcsettle.core.settlement.SettlementRouter;
import io.wcsettle.core.settlement.Stay;
import io.wcsettle.core.settlement.StayKind;
import io.wcsettle.core.settlement.WorkerStatus;
import io.wcsettle.core.upload.UploadDeadlines;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

class DischargeSettlementTest {

    private static final Catalogue CATALOGUE = Catalogue.builder()
            .add("X001", LocalDate.of(2020, 1, 1), null, null)
            .add("BED01", LocalDate.of(2020, 1, 1), null, UnitPrice.ofFen(6000)).build();
    private static final Catalogue DEVICES = Catalogue.builder()
            .add("D100", LocalDate.of(2020, 1, 1), null, UnitPrice.ofFen(300000)).build();

    private static DischargeSettlement service(RegionalPolicy insured, CalendarSource calendar, FollowUpDesk desk,
                                               RegionalPolicies policies) {
        SettlementEngine engine = new SettlementEngine(insured, CATALOGUE, DEVICES);
        return DischargeSettlement.builder().router(new SettlementRouter(engine, engine)).policies(policies)
                .deadlines(UploadDeadlines.byTreatmentPlace(policies, calendar)).followUp(desk).build();
    }

    private static FollowUpDesk desk(List<WorkOrderEvent> heard) {
        FollowUpDesk d = new FollowUpDesk(new InMemoryWorkOrderStore(), (e, x) -> { throw x; });
        d.register(heard::add);
        return d;
    }

    private static BillLine line(String id, String code, LineCategory category, LocalDate day, String price, String qty) {
        return BillLine.of(id, code, category, day, UnitPrice.parse("price", price), Quantity.parse("quantity", qty));
    }

    private static DischargeRequest request(String id, Admdvs insured, Bill bill) {
        return new DischargeRequest(id, "P" + id, Optional.of("张三丰"), insured, Optional.of("某医院"),
                bill.stay().dischargedOn(), bill);
    }

    @Test
    @DisplayName("R-AUTO-1: settling raises the follow-up itself, once; settling again raises nothing new")
    void followUp_appearsWithoutAnyExtraCall_andOnce() {
        List<WorkOrderEvent> heard = new ArrayList<>();
        RegionalPolicies policies = RegionalPolicies.shipped()
                .with(RegionalPolicies.INNER_MONGOLIA.toBuilder().mealAllowancePerDay(Fen.of(3000)).build());
        DischargeSettlement s = service(policies.get("150000"),
                CalendarSource.fixed(WorkingDayCalendar.chinaOfficial()), desk(heard), policies);
        LocalDate admitted = LocalDate.of(2025, 11, 3);
        Filing filing = Filing.of(RegionalPolicies.INNER_MONGOLIA, FilingType.LONG_TERM_RESIDENCE, FilingScope.MEDICAL,
                new Admdvs("150102"), new Admdvs("430100"), LocalDate.of(2025, 6, 2));
        Bill bill = new Bill(Optional.of(filing), WorkerStatus.GOOD_STANDING,
                Institution.builder("H43010200001", new Admdvs("430102")).crossProvince(true).build(),
                new Stay(StayKind.INPATIENT_MEDICAL, admitted, admitted.plusDays(9), false, false),
                List.of(line("1", "X001", LineCategory.DRUG, admitted, "10.00", "1"),
                        line("2", "MEAL", LineCategory.MEAL, admitted, "50.00", "9"),
                        line("3", "TR", LineCategory.TRANSPORT, admitted, "500.00", "1")));
        SettlementOutcome first = s.settle(request("V1", new Admdvs("150102"), bill));
        assertEquals(Route.CROSS_PROVINCE, first.route());
        assertEquals(1, first.followUps().size(), "meal allowance only: a long-term filer's transport raises no claim");
        WorkOrder meal = first.followUps().get(0);
        assertEquals(ClaimKind.MEAL_ALLOWANCE, meal.kind());
        assertEquals(Optional.of(Fen.of(27_000)), meal.claim().computedAmount(), "30.00 × 9 days, the insured standard");
        assertEquals(WorkOrderState.CREATED, meal.state());
        assertEquals(1, heard.size());
        SettlementOutcome again = s.settle(request("V1", new Admdvs("150102"), bill));
        assertEquals(first.followUps(), again.followUps());
        assertEquals(1, heard.size(), "the listener hears the order once");
        assertEquals(first.uploadDeadline(), again.uploadDeadline());
        assertEquals(Optional.of(LocalDate.of(2025, 11, 19)), first.uploadDeadline().orElseThrow().date());
        assertTrue(first.statement().toChineseText().contains("职工姓名：张*丰"));
    }

    @Test
    @DisplayName("R-UPL-1: the outcome's deadline is the treatment place's, whatever the insured place's policy says")
    void deadline_isTheTreatmentPlaces() {
        RegionalPolicies policies = RegionalPolicies.shipped()
                .with(RegionalPolicies.BEIJING.toBuilder().dischargeUploadWorkingDays(15).build())
                .with(RegionalPolicy.builder("430000").dischargeUploadWorkingDays(2).build());
        DischargeSettlement s = service(policies.get("110000"), CalendarSource.fixed(WorkingDayCalendar.chinaOfficial()),
                desk(new ArrayList<>()), policies);
        LocalDate admitted = LocalDate.of(2025, 11, 3);
        Filing filing = Filing.of(RegionalPolicies.BEIJING, FilingType.LONG_TERM_RESIDENCE, FilingScope.MEDICAL,
                new Admdvs("110105"), new Admdvs("430100"), LocalDate.of(2025, 6, 2));
        Bill bill = new Bill(Optional.of(filing), WorkerStatus.GOOD_STANDING,
                Institution.builder("H43010200001", new Admdvs("430102")).crossProvince(true).build(),
                new Stay(StayKind.INPATIENT_MEDICAL, admitted, LocalDate.of(2025, 11, 12), false, false),
                List.of(line("1", "X001", LineCategory.DRUG, admitted, "10.00", "1")));
        assertEquals(Optional.of(LocalDate.of(2025, 11, 14)),
                s.settle(request("V2", new Admdvs("110105"), bill)).uploadDeadline().orElseThrow().date());
    }

    // ---- properties -------------------------------------------------------------------------------

    /** A province and a district code inside it: the insured place and an institution back home. */
    @Provide
    Arbitrary<String[]> homeAndTarget() {
        return Arbitraries.of(new String[] {"110105", "110108", "430100"}, new String[] {"150102", "150203", "110000"},
                new String[] {"430102", "430111", "420100"}, new String[] {"310104", "310115", "440300"});
    }

    @Provide
    Arbitrary<List<BillLine>> lines() {
        Arbitrary<BillLine> one = Arbitraries.integers().between(0, 5).flatMap(kind -> Arbitraries.integers()
                .between(0, 99_999).map(fen -> {
                    String price = Fen.of(fen).toYuanString();
                    return switch (kind) {
                        case 0 -> line("?", "X001", LineCategory.DRUG, LocalDate.of(2025, 11, 4), price, "2");
                        case 1 -> line("?", "BED01", LineCategory.SERVICE, LocalDate.of(2025, 11, 4), price, "3");
                        case 2 -> line("?", "MEAL", LineCategory.MEAL, LocalDate.of(2025, 11, 4), price, "9");
                        case 3 -> line("?", "TR", LineCategory.TRANSPORT, LocalDate.of(2025, 11, 4), price, "1");
                        case 4 -> line("?", "NOPE", LineCategory.ITEM, LocalDate.of(2025, 11, 4), price, "1");
                        default -> line("?", "D100", LineCategory.DEVICE, LocalDate.of(2025, 11, 4), price, "1");
                    };
                }));
        return one.list().ofMaxSize(10).map(ls -> {
            List<BillLine> numbered = new ArrayList<>();
            for (int i = 0; i < ls.size(); i++) {
                BillLine l = ls.get(i);
                numbered.add(BillLine.of(Integer.toString(i), l.code(), l.category(), l.serviceDate(), l.price(),
                        l.quantity()));
            }
            return numbered;
        });
    }

    @Property(tries = 500)
    @Label("R-FIL-11: a home-place long-term filer is never routed to a manual claim")
    void homePlaceLongTermFiler_isNeverRoutedToAManualClaim(
            @ForAll("homeAndTarget") String[] places, @ForAll boolean residentWork, @ForAll StayKind kind,
            @ForAll boolean suspended, @ForAll boolean thirdParty, @ForAll boolean crossProvince,
            @ForAll boolean localNetworked, @ForAll boolean institutionSuspended,
            @ForAll @IntRange(min = 0, max = 360) int filedDaysBefore, @ForAll("lines") List<BillLine> lines) {
        LocalDate admitted = LocalDate.of(2025, 11, 3);
        Admdvs insured = new Admdvs(places[0]);
        FilingScope scope = kind == StayKind.DEVICE ? FilingScope.DEVICE : FilingScope.MEDICAL;
        Filing filing = Filing.of(RegionalPolicies.DEFAULT,
                residentWork ? FilingType.RESIDENT_WORK : FilingType.LONG_TERM_RESIDENCE, scope, insured,
                new Admdvs(places[2]), admitted.minusDays(filedDaysBefore));
        Institution home = Institution.builder("H" + places[1] + "00001", new Admdvs(places[1]))
                .crossProvince(crossProvince).localNetworked(localNetworked).suspended(institutionSuspended).build();
        Bill bill = new Bill(Optional.of(filing), new WorkerStatus(suspended, thirdParty), home,
                new Stay(kind, admitted, LocalDate.of(2025, 11, 12), true, true), lines);
        List<WorkOrderEvent> heard = new ArrayList<>();
        SettlementOutcome o = service(RegionalPolicies.DEFAULT, CalendarSource.fixed(WorkingDayCalendar.chinaOfficial()),
                desk(heard), RegionalPolicies.shipped()).settle(request("H", insured, bill));
        assertEquals(Route.HOME_PLACE, o.route());
        assertEquals(SettlementBasis.HOME_PLACE, o.routed().bill().basis());
        assertFalse(o.sendsToPlatform());
        assertEquals(Optional.empty(), o.uploadDeadline(), "nothing goes to the cross-province platform");
        assertTrue(o.followUps().stream().noneMatch(w -> w.kind() == ClaimKind.MANUAL_CLAIM), o.followUps().toString());
        assertFalse(o.statement().toChineseText().contains("向参保地经办机构申请报销"), o.statement().toChineseText());
        assertEquals(o.result().total(), o.result().fundPaid().plus(o.result().deducted()).plus(o.result().outside()));
    }

    @Property(tries = 500)
    @Label("R-UPL-1: a settlement never fails for lack of calendar data; the deadline is then explicitly unknown")
    void settlement_neverFailsForLackOfCalendarData(@ForAll @IntRange(min = 0, max = 7) int yearsMask,
                                                     @ForAll @IntRange(min = 0, max = 2900) int dayOffset,
                                                     @ForAll("lines") List<BillLine> anyLines) {
        WorkingDayCalendar calendar = WorkingDayCalendar.empty();
        WorkingDayCalendar official = WorkingDayCalendar.chinaOfficial();
        for (int bit = 0; bit < 3; bit++) {
            if ((yearsMask & (1 << bit)) != 0) {
                int y = 2024 + bit;
                calendar = calendar.withYear(y, restDays(official, y), List.of());
            }
        }
        LocalDate discharged = LocalDate.of(2023, 1, 1).plusDays(dayOffset);
        LocalDate admitted = discharged.minusDays(3);
        Filing filing = Filing.of(RegionalPolicies.DEFAULT, FilingType.LONG_TERM_RESIDENCE, FilingScope.MEDICAL,
                new Admdvs("150102"), new Admdvs("430100"), admitted.minusDays(10));
        List<BillLine> lines = new ArrayList<>();
        for (BillLine l : anyLines) {
            lines.add(BillLine.of(l.id(), l.code(), l.category(), admitted, l.price(), l.quantity()));
        }
        Bill bill = new Bill(Optional.of(filing), WorkerStatus.GOOD_STANDING,
                Institution.builder("H43010200001", new Admdvs("430102")).crossProvince(true).build(),
                new Stay(StayKind.INPATIENT_MEDICAL, admitted, discharged, false, false), lines);
        WorkingDayCalendar cal = calendar;
        SettlementOutcome o = service(RegionalPolicies.DEFAULT, () -> cal, desk(new ArrayList<>()),
                RegionalPolicies.shipped()).settle(request("C", new Admdvs("150102"), bill));
        assertEquals(Route.CROSS_PROVINCE, o.route());
        Deadline d = o.uploadDeadline().orElseThrow();
        Deadline expected = cal.deadline(discharged, 5);
        assertEquals(expected, d);
        if (d instanceof Deadline.Unknown u) {
            assertFalse(cal.knownYears().contains(u.missingYear()));
        }
    }

    private static List<LocalDate> restDays(WorkingDayCalendar official, int year) {
        List<LocalDate> rest = new ArrayList<>();
        for (LocalDate d = LocalDate.of(year, 1, 1); d.getYear() == year; d = d.plusDays(1)) {
            boolean weekend = d.getDayOfWeek().getValue() >= 6;
            if (!weekend && !official.isWorkingDay(d)) {
                rest.add(d);
            }
        }
        return rest;
    }

    @Test
    @DisplayName("R-CAL-1: the service reports missing calendar years ahead of time")
    void missingYears_reportedAhead() {
        DischargeSettlement s = service(RegionalPolicies.DEFAULT, CalendarSource.fixed(WorkingDayCalendar.chinaOfficial()),
                desk(new ArrayList<>()), RegionalPolicies.shipped());
        assertEquals(Set.of(2027), s.missingCalendarYears(LocalDate.of(2026, 11, 1), Period.ofDays(90)));
    }
}
