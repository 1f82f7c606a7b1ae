package io.wcsettle.core.upload;

import java.time.LocalDate;
import java.util.List;

import io.wcsettle.core.error.CoreErrorCode;
import io.wcsettle.core.error.Inputs;
import io.wcsettle.core.error.InvalidInputException;

/**
 * The facts R-UPL-3 compares between a manual claim and a directly settled stay (IM Art. 37):
 * who, where, when and which invoices. Immutable.
 *
 * @param worker       the worker's identifier (compared, never logged)
 * @param institution  the institution's code
 * @param admittedOn   first day of the stay
 * @param dischargedOn last day of the stay, not before admission
 * @param invoices     invoice numbers
 */
public record CostRecord(String worker, String institution, LocalDate admittedOn, LocalDate dischargedOn,
                         List<String> invoices) {

    /**
     * Rejects nulls and an inverted stay.
     *
     * @throws InvalidInputException {@code DISCHARGE_BEFORE_ADMISSION}; {@code INVALID_INPUT} for a missing value
     */
    public CostRecord {
        Inputs.required(worker, "worker");
        Inputs.required(institution, "institution");
        Inputs.required(admittedOn, "admittedOn");
        Inputs.required(dischargedOn, "dischargedOn");
        invoices = List.copyOf(Inputs.requiredElements(invoices, "invoices"));
        if (dischargedOn.isBefore(admittedOn)) {
            throw new InvalidInputException(CoreErrorCode.DISCHARGE_BEFORE_ADMISSION, "dischargedOn",
                    "discharge before admission");
        }
    }

    /** Whether the two stays share at least one day (both ends inclusive). */
    public boolean overlaps(CostRecord other) {
        return !admittedOn.isAfter(other.dischargedOn) && !other.admittedOn.isAfter(dischargedOn);
    }
}
