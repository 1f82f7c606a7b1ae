package io.wcsettle.core.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import io.wcsettle.core.catalogue.Catalogue;
import io.wcsettle.core.filing.Confirmation;
import io.wcsettle.core.filing.FilingScope;
import io.wcsettle.core.money.Quantity;
import io.wcsettle.core.money.UnitPrice;
import io.wcsettle.core.policy.RegionalPolicies;
import io.wcsettle.core.region.Admdvs;
import io.wcsettle.core.settlement.Bill;
import io.wcsettle.core.settlement.BillLine;
import io.wcsettle.core.settlement.BillReason;
import io.wcsettle.core.settlement.Institution;
import io.wcsettle.core.settlement.LineCategory;
import io.wcsettle.core.settlement.SettlementEngine;
import io.wcsettle.core.settlement.SettlementResult;
import io.wcsettle.core.settlement.Stay;
import io.wcsettle.core.settlement.StayKind;
import io.wcsettle.core.settlement.WorkerStatus;

class LocalNetworkedSettlementTest {

    private static final Admdvs QINHUANGDAO = Admdvs.parse("insuredCity", "130300");
    /** Networked locally, not enabled for cross-province settlement: what R-LOC-1 needs and no more. */
    private static final Institution SANATORIUM = Institution.builder("H13030400001", Admdvs.parse("i", "130304"))
            .localNetworked(true).build();
    private static final LocalDate APPLIED = LocalDate.of(2025, 8, 1);
    private static final LocalApprovalDesk DESK = new LocalApprovalDesk(LocalApprovalDesk.DEFAULT_VALIDITY_MONTHS);
    private static final SettlementEngine ENGINE = new SettlementEngine(RegionalPolicies.DEFAULT,
            Catalogue.builder().add("PNEU01", LocalDate.of(2024, 1, 1), null, null).build(), Catalogue.builder().build());

    private static LocalApplication application(LocalInjuryKind kind, Set<Confirmation> confirmations, String institution) {
        return new LocalApplication("A-1", "W-1", kind, FilingScope.MEDICAL, QINHUANGDAO,
                Admdvs.parse("institution", institution), APPLIED, confirmations);
    }

    private static Bill bill(LocalApproval approval, LocalDate admitted, Institution institution) {
        BillLine line = BillLine.of("1", "PNEU01", LineCategory.DRUG, admitted, UnitPrice.parse("price", "100.00"),
                Quantity.parse("quantity", "3"), null, Set.of(), null);
        return Bill.localNetworked(approval, WorkerStatus.GOOD_STANDING, institution,
                new Stay(StayKind.INPATIENT_MEDICAL, admitted, admitted.plusDays(7), false, false), List.of(line));
    }

    @Test
    @DisplayName("R-LOC-1: an approved old injury in the insured city is settled directly by the same engine")
    void approvedOldInjury_isSettledDirectly() {
        LocalDecision d = DESK.decide(application(LocalInjuryKind.OLD_INJURY, Set.of(Confirmation.INJURY_RECOGNITION),
                "130304"), APPLIED.plusDays(1));
        assertTrue(d.approved());
        assertEquals(LocalDate.of(2025, 11, 2), d.approval().orElseThrow().validity().validThrough());
        SettlementResult r = ENGINE.settle(bill(d.approval().get(), LocalDate.of(2025, 8, 10), SANATORIUM));
        assertTrue(r.directSettlement(), r.reasons().toString());
        assertEquals(30_000, r.fundPaid().value());
    }

    @Test
    @DisplayName("R-LOC-1: a local bill needs the local networked agreement, not cross-province enablement")
    void localBill_needsTheLocalAgreement_notCrossProvinceEnablement() {
        LocalApproval approval = DESK.decide(application(LocalInjuryKind.OLD_INJURY,
                Set.of(Confirmation.INJURY_RECOGNITION), "130304"), APPLIED).approval().orElseThrow();
        LocalDate admitted = LocalDate.of(2025, 8, 10);
        Institution crossOnly = Institution.builder("H13030400002", Admdvs.parse("i", "130304"))
                .crossProvince(true).build();
        SettlementResult refused = ENGINE.settle(bill(approval, admitted, crossOnly));
        assertEquals(Set.of(BillReason.INSTITUTION_NOT_LOCAL_NETWORKED), refused.reasons());
        assertFalse(refused.reasons().contains(BillReason.INSTITUTION_NOT_ENABLED));
        Institution legacy = new Institution("H13030400003", Admdvs.parse("i", "130304"), true, false);
        assertEquals(Set.of(BillReason.INSTITUTION_NOT_LOCAL_NETWORKED), ENGINE.settle(bill(approval, admitted, legacy))
                .reasons(), "the four-argument form has no local agreement");
        assertTrue(ENGINE.settle(bill(approval, admitted, SANATORIUM)).directSettlement());
    }

    @Test
    @DisplayName("R-LOC-1: the agency refuses with every reason at once")
    void refusal_listsEveryReason() {
        LocalDecision d = DESK.decide(new LocalApplication("A-2", "W-1", LocalInjuryKind.RECURRENCE, FilingScope.DEVICE,
                QINHUANGDAO, Admdvs.parse("institution", "130102"), APPLIED, Set.of(Confirmation.INJURY_RECOGNITION)),
                APPLIED);
        assertFalse(d.approved());
        assertEquals(Set.of(LocalRefusal.NO_QUALIFYING_CONFIRMATION, LocalRefusal.INSTITUTION_OUTSIDE_INSURED_CITY,
                LocalRefusal.SCOPE_NOT_SERVED), d.refusals());
    }

    @Test
    @DisplayName("R-LOC-1: an expired approval or an institution outside the city is not settled directly")
    void expiredOrOutside_isNotSettled() {
        LocalApproval approval = DESK.decide(application(LocalInjuryKind.RECURRENCE,
                Set.of(Confirmation.RECURRENCE_CONFIRMATION), "130304"), APPLIED).approval().orElseThrow();
        SettlementResult late = ENGINE.settle(bill(approval, LocalDate.of(2025, 11, 2), SANATORIUM));
        assertEquals(Set.of(BillReason.FILING_NOT_VALID_AT_ADMISSION), late.reasons());
        assertEquals(0, late.fundPaid().value());
        Institution beijing = Institution.builder("H11010500001", Admdvs.parse("i", "110105")).localNetworked(true).build();
        SettlementResult elsewhere = ENGINE.settle(bill(approval, LocalDate.of(2025, 8, 10), beijing));
        assertEquals(Set.of(BillReason.INSTITUTION_NOT_IN_FILED_CITY), elsewhere.reasons());
    }
}
