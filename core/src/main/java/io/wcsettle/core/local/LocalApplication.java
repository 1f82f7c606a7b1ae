package io.wcsettle.core.local;

import java.time.LocalDate;
import java.util.Set;

import io.wcsettle.core.error.Inputs;
import io.wcsettle.core.filing.Confirmation;
import io.wcsettle.core.filing.FilingScope;
import io.wcsettle.core.region.Admdvs;

/**
 * R-LOC-1 (000): the employer's online application for local networked settlement of an old
 * injury or a recurrence, inside the insured city.
 *
 * @param applicationId   the application id
 * @param workerId        opaque worker id
 * @param kind            old injury or recurrence
 * @param scope           medical or rehab ({@link FilingScope#DEVICE} is not served locally)
 * @param insuredCity     the insured city
 * @param institution     where the worker will be treated
 * @param appliedOn       the application date
 * @param confirmations   completed confirmations (R-FIL-1)
 */
public record LocalApplication(String applicationId, String workerId, LocalInjuryKind kind, FilingScope scope,
                               Admdvs insuredCity, Admdvs institution, LocalDate appliedOn,
                               Set<Confirmation> confirmations) {

    /** Rejects nulls ({@code INVALID_INPUT}); copies the set. */
    public LocalApplication {
        Inputs.required(applicationId, "applicationId");
        Inputs.required(workerId, "workerId");
        Inputs.required(kind, "kind");
        Inputs.required(scope, "scope");
        Inputs.required(insuredCity, "insuredCity");
        Inputs.required(institution, "institution");
        Inputs.required(appliedOn, "appliedOn");
        confirmations = Set.copyOf(Inputs.requiredElements(confirmations, "confirmations"));
    }
}
