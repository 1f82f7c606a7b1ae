package io.wcsettle.core.settlement;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import io.wcsettle.core.institution.AgreementState;
import io.wcsettle.core.institution.InstitutionChange;
import io.wcsettle.core.institution.InstitutionLibrary;
import io.wcsettle.core.institution.SettlementKind;

/** R-INS-1 with the engine: a bill is judged by the institution's state on its admission date. */
class InstitutionLibrarySettlementTest {

    private static Set<BillReason> reasonsAdmittedOn(InstitutionLibrary library, LocalDate admitted) {
        Institution i = library.institutionOn(Fixtures.HOSPITAL.code(), admitted).orElseThrow();
        Stay stay = new Stay(StayKind.INPATIENT_MEDICAL, admitted, admitted.plusDays(3), false, false);
        Bill bill = new Bill(Optional.of(Fixtures.FILING), WorkerStatus.GOOD_STANDING, i, stay, List.of(
                BillLine.of("1", "X001", LineCategory.DRUG, admitted, io.wcsettle.core.money.UnitPrice.parse("p", "10"),
                        io.wcsettle.core.money.Quantity.parse("q", "1"), null, Set.of(), null)));
        return Fixtures.ENGINE.billReasons(bill);
    }

    @Test
    @DisplayName("R-INS-1, R-SET-1: admitted while in agreement → settled; while suspended → INSTITUTION_SUSPENDED; "
            + "after termination → INSTITUTION_NOT_ENABLED")
    void judgedOnAdmissionDate() {
        InstitutionLibrary lib = new InstitutionLibrary();
        InstitutionChange agreed = InstitutionChange.agreement(Fixtures.HOSPITAL.code(), Fixtures.HOSPITAL.admdvs(),
                LocalDate.of(2025, 7, 1), EnumSet.of(SettlementKind.CROSS_PROVINCE, SettlementKind.LOCAL_NETWORKED));
        assertEquals(Set.of(), lib.record(agreed, "agency"));
        assertEquals(Set.of(), lib.record(agreed.then(AgreementState.SUSPENDED, LocalDate.of(2025, 9, 1), "audit"), "agency"));
        assertEquals(Set.of(), lib.record(agreed.then(AgreementState.IN_AGREEMENT, LocalDate.of(2025, 10, 1), ""), "agency"));
        assertEquals(Set.of(), lib.record(agreed.then(AgreementState.TERMINATED, LocalDate.of(2025, 12, 1), ""), "agency"));

        assertEquals(Set.of(), reasonsAdmittedOn(lib, LocalDate.of(2025, 8, 31)));
        assertEquals(Set.of(BillReason.INSTITUTION_SUSPENDED), reasonsAdmittedOn(lib, LocalDate.of(2025, 9, 1)));
        assertEquals(Set.of(), reasonsAdmittedOn(lib, LocalDate.of(2025, 11, 30)));
        assertEquals(Set.of(BillReason.INSTITUTION_NOT_ENABLED), reasonsAdmittedOn(lib, LocalDate.of(2025, 12, 1)));
        assertEquals(Optional.empty(), lib.institutionOn(Fixtures.HOSPITAL.code(), LocalDate.of(2025, 6, 30)));
    }

    @Test
    @DisplayName("R-INS-1: an institution enabled only for local networked settlement is not enabled cross-province")
    void localOnly() {
        InstitutionLibrary lib = new InstitutionLibrary();
        lib.record(InstitutionChange.agreement(Fixtures.HOSPITAL.code(), Fixtures.HOSPITAL.admdvs(),
                LocalDate.of(2025, 1, 1), EnumSet.of(SettlementKind.LOCAL_NETWORKED)), "agency");
        assertEquals(Set.of(BillReason.INSTITUTION_NOT_ENABLED), reasonsAdmittedOn(lib, LocalDate.of(2025, 11, 3)));
        assertEquals(true, lib.factsOn(Fixtures.HOSPITAL.code(), LocalDate.of(2025, 11, 3)).orElseThrow()
                .settlesDirectly(SettlementKind.LOCAL_NETWORKED));
    }
}
