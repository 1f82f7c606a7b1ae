package io.wcsettle.core.local;

import io.wcsettle.core.error.Inputs;
import io.wcsettle.core.filing.FilingScope;
import io.wcsettle.core.filing.FilingValidity;
import io.wcsettle.core.region.Admdvs;

/**
 * R-LOC-1 (000): the agency's online approval, which takes the place of a cross-province filing
 * at discharge: the same settlement engine settles the bill directly, so the worker advances
 * nothing.
 *
 * @param applicationId the approved application
 * @param insuredCity   the insured city; the institution must be inside it
 * @param scope         medical or rehab
 * @param validity      the approval's own validity
 */
public record LocalApproval(String applicationId, Admdvs insuredCity, FilingScope scope, FilingValidity validity) {

    /** Rejects nulls ({@code INVALID_INPUT}). */
    public LocalApproval {
        Inputs.required(applicationId, "applicationId");
        Inputs.required(insuredCity, "insuredCity");
        Inputs.required(scope, "scope");
        Inputs.required(validity, "validity");
    }

    /** Whether an institution at {@code institution} is inside the insured city (R-FIL-6 match on the city). */
    public boolean covers(Admdvs institution) {
        return insuredCity.city().covers(institution);
    }
}
