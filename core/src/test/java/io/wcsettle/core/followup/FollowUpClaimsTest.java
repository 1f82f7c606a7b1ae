package io.wcsettle.core.followup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import io.wcsettle.core.catalogue.Catalogue;
import io.wcsettle.core.filing.Filing;
import io.wcsettle.core.filing.FilingScope;
import io.wcsettle.core.filing.FilingType;
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
import io.wcsettle.core.settlement.RoutedSettlement;
import io.wcsettle.core.settlement.Route;
import io.wcsettle.core.settlement.SettlementEngine;
import io.wcsettle.core.settlement.SettlementRouter;
import io.wcsettle.core.settlement.Stay;
import io.wcsettle.core.settlement.StayKind;
import io.wcsettle.core.settlement.WorkerStatus;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class FollowUpClaimsTest {

    private static final Admdvs HOHHOT = new Admdvs("150102");
    private static final LocalDate ADMITTED = LocalDate.of(2025, 11, 3);
    private static final LocalDate DISCHARGED = LocalDate.of(2025, 11, 12);
    private static final Catalogue CHANGSHA = Catalogue.builder().add("X001", LocalDate.of(2025, 1, 1), null, null).build();
    private static final SettlementEngine ENGINE = new SettlementEngine(RegionalPolicies.INNER_MONGOLIA, CHANGSHA,
            Catalogue.builder().build());
    private static final SettlementRouter ROUTER = new SettlementRouter(ENGINE, ENGINE);
    private static final Institution CHANGSHA_HOSPITAL = Institution.builder("H43010200001", new Admdvs("430102"))
            .crossProvince(true).build();

    private static BillLine line(String id, String code, LineCategory category, String price, String quantity) {
        return BillLine.of(id, code, category, ADMITTED, UnitPrice.parse("price", price), Quantity.parse("quantity", quantity));
    }

    private static Bill bill(FilingType type, StayKind kind, List<BillLine> lines) {
        Filing filing = Filing.of(RegionalPolicies.INNER_MONGOLIA, type,
                kind == StayKind.DEVICE ? FilingScope.DEVICE : FilingScope.MEDICAL, HOHHOT, new Admdvs("430100"),
                LocalDate.of(2025, 10, 1));
        return new Bill(Optional.of(filing), WorkerStatus.GOOD_STANDING, CHANGSHA_HOSPITAL,
                new Stay(kind, ADMITTED, DISCHARGED, true, true), lines);
    }

    private static List<FollowUpClaim> claims(Bill bill, RegionalPolicy insured) {
        return FollowUpClaims.derive("S-1", "W-1", HOHHOT, ROUTER.settle(bill), insured);
    }

    @Test
    @DisplayName("R-SET-6, R-AUTO-1: the meal allowance is the insured place's daily standard × inpatient days, not the hospital's line")
    void mealAllowance_isComputedFromTheStandard() {
        Bill b = bill(FilingType.LONG_TERM_RESIDENCE, StayKind.INPATIENT_MEDICAL,
                List.of(line("1", "X001", LineCategory.DRUG, "10.00", "1"), line("2", "MEAL", LineCategory.MEAL, "50.00", "9")));
        RegionalPolicy withStandard = RegionalPolicies.INNER_MONGOLIA.toBuilder().mealAllowancePerDay(Fen.of(2500)).build();
        List<FollowUpClaim> c = claims(b, withStandard);
        assertEquals(1, c.size());
        FollowUpClaim meal = c.get(0);
        assertEquals(ClaimKind.MEAL_ALLOWANCE, meal.kind());
        assertEquals(9, meal.inpatientDays());
        assertEquals(Optional.of(Fen.of(22_500)), meal.computedAmount());
        assertEquals(Fen.of(45_000), meal.billedAmount());
        assertEquals("WO-S-1-MEAL_ALLOWANCE", meal.orderId());
        assertEquals(HOHHOT, meal.insuredAdmdvs());
        assertEquals(Optional.empty(), claims(b, RegionalPolicies.INNER_MONGOLIA).get(0).computedAmount(),
                "no standard configured: the amount is set by the insured place on approval");
        assertEquals(c, claims(b, withStandard), "the same settlement always gives the same claims");
    }

    @Test
    @DisplayName("R-SET-6: a long-term filer's 500.00 transport line raises no claim; a referral's does")
    void transport_onlyForReferrals() {
        List<BillLine> lines = List.of(line("1", "TR01", LineCategory.TRANSPORT, "500.00", "1"));
        assertTrue(claims(bill(FilingType.LONG_TERM_RESIDENCE, StayKind.INPATIENT_MEDICAL, lines),
                RegionalPolicies.INNER_MONGOLIA).stream().noneMatch(c -> c.kind() == ClaimKind.TRANSPORT_LODGING));
        List<FollowUpClaim> referral = claims(bill(FilingType.REFERRAL, StayKind.INPATIENT_MEDICAL, lines),
                RegionalPolicies.INNER_MONGOLIA);
        assertEquals(List.of(ClaimKind.MEAL_ALLOWANCE, ClaimKind.TRANSPORT_LODGING),
                referral.stream().map(FollowUpClaim::kind).toList());
        assertEquals(Fen.of(50_000), referral.get(1).billedAmount());
    }

    @Test
    @DisplayName("R-UPL-3: a bill not settled directly raises one manual claim for its net total, nothing else")
    void notDirect_raisesTheManualClaim() {
        Bill b = new Bill(Optional.empty(), WorkerStatus.GOOD_STANDING, CHANGSHA_HOSPITAL,
                new Stay(StayKind.INPATIENT_MEDICAL, ADMITTED, DISCHARGED, false, false),
                List.of(line("1", "X001", LineCategory.DRUG, "10.00", "3"), line("2", "MEAL", LineCategory.MEAL, "50.00", "9")));
        List<FollowUpClaim> c = claims(b, RegionalPolicies.INNER_MONGOLIA);
        assertEquals(1, c.size());
        assertEquals(ClaimKind.MANUAL_CLAIM, c.get(0).kind());
        assertEquals(Fen.of(48_000), c.get(0).billedAmount());
    }

    @Provide
    Arbitrary<List<BillLine>> lines() {
        Arbitrary<LineCategory> category = Arbitraries.of(LineCategory.TRANSPORT, LineCategory.MEAL, LineCategory.DRUG);
        Arbitrary<BillLine> one = category.flatMap(c -> Arbitraries.integers().between(0, 9_999_99)
                .map(fen -> line("?", c == LineCategory.DRUG ? "X001" : c.name(), c, Fen.of(fen).toYuanString(), "1")));
        return one.list().ofMaxSize(8).map(ls -> {
            List<BillLine> numbered = new ArrayList<>();
            for (int i = 0; i < ls.size(); i++) {
                BillLine l = ls.get(i);
                numbered.add(BillLine.of(Integer.toString(i), l.code(), l.category(), l.serviceDate(), l.price(),
                        l.quantity()));
            }
            return numbered;
        });
    }

    @Property
    @Label("R-SET-6: no transport claim without a referral filing")
    void noTransportClaimWithoutReferral(@ForAll FilingType type, @ForAll StayKind kind,
                                          @ForAll("lines") List<BillLine> lines, @ForAll boolean homePlace) {
        Bill b = bill(type, kind, lines);
        if (homePlace) {
            Institution beijing = Institution.builder("H15010200001", new Admdvs("150102")).localNetworked(true).build();
            b = new Bill(b.filing(), b.worker(), beijing, b.stay(), b.lines());
        }
        RoutedSettlement routed = ROUTER.settle(b);
        List<FollowUpClaim> claims = FollowUpClaims.derive("S-9", "W-9", HOHHOT, routed, RegionalPolicies.INNER_MONGOLIA);
        boolean transport = claims.stream().anyMatch(c -> c.kind() == ClaimKind.TRANSPORT_LODGING);
        if (transport) {
            assertEquals(FilingType.REFERRAL, type);
            assertEquals(Route.CROSS_PROVINCE, routed.route());
        }
        if (type == FilingType.REFERRAL && routed.route() == Route.CROSS_PROVINCE
                && lines.stream().anyMatch(l -> l.category() == LineCategory.TRANSPORT && l.amount().value() > 0)) {
            assertTrue(transport, "a referral's transport costs are claimed without application");
        }
        assertEquals(claims.size(), claims.stream().map(FollowUpClaim::orderId).distinct().count(), "one order per kind");
    }
}
