package io.wcsettle.core.local;

import java.util.Objects;

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

    /** Rejects nulls. */
    public LocalApproval {
        Objects.requireNonNull(applicationId, "applicationId");
        Objects.requireNonNull(insuredCity, "insuredCity");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(validity, "validity");
    }

    /** Whether an institution at {@code institution} is inside the insured city (R-FIL-6 match on the city). */
    public boolean covers(Admdvs institution) {
        return insuredCity.city().covers(institution);
    }
}
