package io.wcsettle.core.filing;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Set;

/**
 * An application for a filing as submitted (R-FIL-1..3).
 *
 * @param type                        filing type
 * @param scope                       medical, rehab or device
 * @param submittedOn                 submission date; the decision is due 5 working days later (R-FIL-5)
 * @param confirmations               completed confirmations (R-FIL-1)
 * @param monthsOutsideInsuredProvince full months lived or worked outside the insured province (R-FIL-2)
 * @param materials                   materials handed in (R-FIL-3)
 */
public record FilingApplication(
        FilingType type,
        FilingScope scope,
        LocalDate submittedOn,
        Set<Confirmation> confirmations,
        int monthsOutsideInsuredProvince,
        Set<Material> materials) {

    /** Copies the sets; rejects nulls and a negative month count. */
    public FilingApplication {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(submittedOn, "submittedOn");
        confirmations = Set.copyOf(Objects.requireNonNull(confirmations, "confirmations"));
        materials = Set.copyOf(Objects.requireNonNull(materials, "materials"));
        if (monthsOutsideInsuredProvince < 0) {
            throw new IllegalArgumentException("monthsOutsideInsuredProvince must not be negative");
        }
    }
}
