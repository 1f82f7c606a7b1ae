package io.wcsettle.core.institution;

import java.time.LocalDate;
import java.util.Set;

import io.wcsettle.core.region.Admdvs;
import io.wcsettle.core.settlement.Institution;

/**
 * What the library says about an institution on one date (R-INS-1): the change in force then.
 *
 * @param institutionCode the institution
 * @param admdvs          where it is
 * @param state           its agreement state
 * @param kinds           the kinds it is enabled for
 * @param since           the effective date of the change in force
 */
public record InstitutionFacts(String institutionCode, Admdvs admdvs, AgreementState state, Set<SettlementKind> kinds,
        LocalDate since) {

    /** Copies the set. */
    public InstitutionFacts {
        kinds = Set.copyOf(kinds);
    }

    /** Whether a bill of {@code kind} may be settled directly here: in agreement and enabled for it. */
    public boolean settlesDirectly(SettlementKind kind) {
        return state == AgreementState.IN_AGREEMENT && kinds.contains(kind);
    }

    /**
     * The settlement engine's institution facts (R-SET-1), the one place they are made from the
     * library: enabled for cross-province settlement while an agreement for it exists (in
     * agreement or suspended), suspended while suspended. Terminated and closed institutions have
     * no agreement: not enabled. (When {@link Institution} gains its local-networked flag, it is
     * set here from {@code kinds} and the state in the same way.)
     */
    public Institution toSettlementInstitution() {
        boolean agreement = state == AgreementState.IN_AGREEMENT || state == AgreementState.SUSPENDED;
        return Institution.builder(institutionCode, admdvs)
                .crossProvince(agreement && kinds.contains(SettlementKind.CROSS_PROVINCE))
                .localNetworked(agreement && kinds.contains(SettlementKind.LOCAL_NETWORKED))
                .suspended(state == AgreementState.SUSPENDED)
                .build();
    }
}
