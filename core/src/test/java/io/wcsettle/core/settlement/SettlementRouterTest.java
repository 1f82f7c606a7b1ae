package io.wcsettle.core.settlement;

import static io.wcsettle.core.settlement.Fixtures.ENGINE;
import static io.wcsettle.core.settlement.Fixtures.FILING;
import static io.wcsettle.core.settlement.Fixtures.STAY;
import static io.wcsettle.core.settlement.Fixtures.line;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import io.wcsettle.core.catalogue.Catalogue;
import io.wcsettle.core.error.InvalidInputException;
import io.wcsettle.core.filing.Filing;
import io.wcsettle.core.filing.FilingScope;
import io.wcsettle.core.filing.FilingType;
import io.wcsettle.core.money.UnitPrice;
import io.wcsettle.core.policy.RegionalPolicies;
import io.wcsettle.core.region.Admdvs;

class SettlementRouterTest {

    /** Beijing's own catalogue: the drug at a lower standard than Changsha's open one. */
    private static final Catalogue BEIJING = Catalogue.builder()
            .add("X001", LocalDate.of(2025, 1, 1), null, UnitPrice.ofFen(800)).build();
    private static final SettlementEngine HOME = new SettlementEngine(RegionalPolicies.BEIJING, BEIJING, Fixtures.DEVICES);
    private static final SettlementRouter ROUTER = new SettlementRouter(ENGINE, HOME);
    private static final Institution BEIJING_HOSPITAL = Institution.builder("H11010800101", new Admdvs("110108"))
            .crossProvince(true).localNetworked(true).build();

    private static Bill at(Filing filing, Institution institution) {
        return new Bill(Optional.ofNullable(filing), WorkerStatus.GOOD_STANDING, institution, STAY,
                List.of(line("1", "X001", LineCategory.DRUG, "10.00", "1"), line("2", "MEAL01", LineCategory.MEAL, "50.00", "9")));
    }

    @Test
    @DisplayName("R-FIL-11: a long-term filer treated back in Beijing is settled directly under Beijing's policy and catalogue")
    void homePlace_isSettledUnderTheInsuredPlacesPolicy() {
        RoutedSettlement r = ROUTER.settle(at(FILING, BEIJING_HOSPITAL));
        assertEquals(Route.HOME_PLACE, r.route());
        assertEquals(Set.of(BillReason.INSTITUTION_NOT_IN_FILED_CITY, BillReason.TREATED_IN_INSURED_PLACE),
                r.verdict().reasons(), "the cross-province verdict stays");
        assertEquals(SettlementBasis.HOME_PLACE, r.bill().basis());
        assertTrue(r.result().directSettlement(), r.result().reasons().toString());
        assertEquals(800, r.result().paidFen(0), "Beijing's own standard applies, not Changsha's catalogue");
        assertEquals(Optional.of(LineReason.OVER_STANDARD), r.result().lines().get(0).reason());
        assertEquals(45_000, r.result().outsideFen(1));
        assertFalse(r.sendsToPlatform());
    }

    @Test
    @DisplayName("R-FIL-11, R-LOC-1: at home the institution needs the local networked agreement; the route stays HOME_PLACE")
    void homePlace_withoutLocalAgreement_isRefusedThereButStaysHome() {
        Institution crossOnly = new Institution("H11010800102", new Admdvs("110108"), true, false);
        RoutedSettlement r = ROUTER.settle(at(FILING, crossOnly));
        assertEquals(Route.HOME_PLACE, r.route());
        assertEquals(Set.of(BillReason.INSTITUTION_NOT_LOCAL_NETWORKED), r.result().reasons());
    }

    @Test
    @DisplayName("R-FIL-11: a referral filer or an expired filing back home is no home-place case: manual claim")
    void referralOrExpired_isAManualClaim() {
        Filing referral = Filing.of(RegionalPolicies.BEIJING, FilingType.REFERRAL, FilingScope.MEDICAL,
                new Admdvs("110105"), new Admdvs("430100"), LocalDate.of(2025, 10, 1));
        assertEquals(Route.MANUAL_CLAIM, ROUTER.settle(at(referral, BEIJING_HOSPITAL)).route());
        Filing expired = Filing.of(RegionalPolicies.BEIJING, FilingType.LONG_TERM_RESIDENCE, FilingScope.MEDICAL,
                new Admdvs("110105"), new Admdvs("430100"), LocalDate.of(2024, 6, 1));
        assertEquals(Route.MANUAL_CLAIM, ROUTER.settle(at(expired, BEIJING_HOSPITAL)).route());
        assertThrows(InvalidInputException.class, () -> at(referral, BEIJING_HOSPITAL).homePlace());
        assertThrows(InvalidInputException.class, () -> at(null, BEIJING_HOSPITAL).homePlace());
    }

    @Test
    @DisplayName("R-SET-1, R-UPL-3: cross-province direct or a manual claim; the verdict is the result")
    void crossProvinceAndManual() {
        RoutedSettlement direct = ROUTER.settle(at(FILING, Fixtures.HOSPITAL));
        assertEquals(Route.CROSS_PROVINCE, direct.route());
        assertTrue(direct.sendsToPlatform());
        assertEquals(direct.verdict(), direct.result());
        RoutedSettlement none = ROUTER.settle(at(null, Fixtures.HOSPITAL));
        assertEquals(Route.MANUAL_CLAIM, none.route());
        assertEquals(Set.of(BillReason.NO_FILING), none.result().reasons());
    }

    @Test
    @DisplayName("R-LOC-1: the home-place basis checks the filing like an approval: validity, insured province, agreement")
    void homePlaceBasis_checks() {
        Bill elsewhere = at(FILING, Institution.builder("H43010200009", new Admdvs("430102")).localNetworked(true).build())
                .homePlace();
        assertEquals(Set.of(BillReason.INSTITUTION_NOT_IN_FILED_CITY), HOME.billReasons(elsewhere));
        Bill ended = at(FILING.endedOn(LocalDate.of(2025, 10, 1)), BEIJING_HOSPITAL).homePlace();
        assertEquals(Set.of(BillReason.FILING_ENDED), HOME.billReasons(ended));
        assertEquals(Set.of(), HOME.billReasons(at(FILING, BEIJING_HOSPITAL).homePlace()));
    }
}
