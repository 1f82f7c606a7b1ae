package io.wcsettle.core.filing;

import java.time.LocalDate;
import java.util.Set;

import io.wcsettle.core.error.CoreErrorCode;
import io.wcsettle.core.error.Inputs;
import io.wcsettle.core.error.InvalidInputException;

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

    /**
     * Copies the sets.
     *
     * @throws InvalidInputException {@code INVALID_INPUT} for a missing value or a negative month count
     */
    public FilingApplication {
        Inputs.required(type, "type");
        Inputs.required(scope, "scope");
        Inputs.required(submittedOn, "submittedOn");
        confirmations = Set.copyOf(Inputs.requiredElements(confirmations, "confirmations"));
        materials = Set.copyOf(Inputs.requiredElements(materials, "materials"));
        if (monthsOutsideInsuredProvince < 0) {
            throw new InvalidInputException(CoreErrorCode.INVALID_INPUT, "monthsOutsideInsuredProvince",
                    "must not be negative");
        }
    }
}
