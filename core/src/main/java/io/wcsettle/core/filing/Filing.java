package io.wcsettle.core.filing;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import io.wcsettle.core.error.Inputs;
import io.wcsettle.core.policy.RegionalPolicy;
import io.wcsettle.core.region.Admdvs;

/**
 * An approved filing (备案): what the hospital reads at admission and again at discharge
 * (R-SET-11). Immutable.
 *
 * @param type          filing type (R-FIL-2)
 * @param scope         medical, rehab or device
 * @param insuredAdmdvs the insured place whose fund pays
 * @param targetCity    the treatment city, municipality or province-governed county-level city (R-FIL-6)
 * @param validity      the valid period (R-FIL-4)
 * @param endedOn       the day entitlement ended early (R-FIL-9), empty while it lasts
 */
public record Filing(
        FilingType type,
        FilingScope scope,
        Admdvs insuredAdmdvs,
        Admdvs targetCity,
        FilingValidity validity,
        Optional<LocalDate> endedOn) {

    /** Rejects nulls ({@code INVALID_INPUT}). */
    public Filing {
        Inputs.required(type, "type");
        Inputs.required(scope, "scope");
        Inputs.required(insuredAdmdvs, "insuredAdmdvs");
        Inputs.required(targetCity, "targetCity");
        Inputs.required(validity, "validity");
        Inputs.required(endedOn, "endedOn");
    }

    /** A filing made on {@code filedOn} with the validity {@code policy} gives its type (R-FIL-4). */
    public static Filing of(RegionalPolicy policy, FilingType type, FilingScope scope,
                            Admdvs insuredAdmdvs, Admdvs targetCity, LocalDate filedOn) {
        return new Filing(Inputs.required(type, "type"), scope, insuredAdmdvs, targetCity,
                FilingValidity.of(policy, type, Inputs.required(filedOn, "filedOn")), Optional.empty());
    }

    /** The filing date. */
    public LocalDate filedOn() {
        return validity.validFrom();
    }

    /** A copy whose entitlement ended on {@code day} (R-FIL-9). */
    public Filing endedOn(LocalDate day) {
        return new Filing(type, scope, insuredAdmdvs, targetCity, validity, Optional.of(Inputs.required(day, "endedOn")));
    }

    /**
     * R-FIL-8 and R-FIL-9: every reason this filing does not cover an admission on
     * {@code admittedOn}; empty when it does. An admission on or before the last valid day is
     * covered in full even if discharge is later (IM Art. 13).
     */
    public Set<AdmissionProblem> admissionProblems(LocalDate admittedOn) {
        EnumSet<AdmissionProblem> problems = EnumSet.noneOf(AdmissionProblem.class);
        if (!validity.contains(admittedOn)) {
            problems.add(AdmissionProblem.NOT_VALID_AT_ADMISSION);
        }
        if (endedOn.isPresent() && admittedOn.isAfter(endedOn.get())) {
            problems.add(AdmissionProblem.ENDED);
        }
        return problems;
    }

    /** R-FIL-9 (interpretation): whether a service on {@code serviceDate} is after entitlement ended. */
    public boolean entitlementEndedBefore(LocalDate serviceDate) {
        return endedOn.isPresent() && serviceDate.isAfter(endedOn.get());
    }

    /** R-FIL-6: whether an institution at {@code institution} is in the filed city. */
    public boolean covers(Admdvs institution) {
        return targetCity.covers(institution);
    }

    /**
     * R-FIL-11 (BJ §二(三); IM Art. 13): whether an institution at {@code institution} is back in the
     * insured place, where insured-place policy applies instead of cross-province settlement.
     * Interpretation: "insured place" is the insured province, since cross-province settlement
     * is by definition between provinces.
     */
    public boolean isInInsuredPlace(Admdvs institution) {
        return insuredAdmdvs.sameProvince(institution);
    }
}
