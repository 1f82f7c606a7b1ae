package io.wcsettle.core.settlement;

import java.time.LocalDate;

import io.wcsettle.core.error.CoreErrorCode;
import io.wcsettle.core.error.Inputs;
import io.wcsettle.core.error.InvalidInputException;

/**
 * One stay, settled as one bill on its discharge date even across a year end (R-SET-8).
 *
 * @param kind                 medical, rehab, device or outpatient (R-SET-2)
 * @param admittedOn           admission (for a device: the configuration day)
 * @param dischargedOn         discharge, the settlement date; not before admission
 * @param rehabPlanUploaded    the rehab plan was uploaded before discharge settlement (R-SET-9)
 * @param deviceApprovalNotice the device approval notice (核付通知单) was issued before service (R-SET-9)
 */
public record Stay(StayKind kind, LocalDate admittedOn, LocalDate dischargedOn,
                   boolean rehabPlanUploaded, boolean deviceApprovalNotice) {

    /**
     * Rejects nulls and a discharge before admission.
     *
     * @throws InvalidInputException {@code DISCHARGE_BEFORE_ADMISSION}
     */
    public Stay {
        Inputs.required(kind, "kind");
        Inputs.required(admittedOn, "admittedOn");
        Inputs.required(dischargedOn, "dischargedOn");
        if (dischargedOn.isBefore(admittedOn)) {
            throw new InvalidInputException(CoreErrorCode.DISCHARGE_BEFORE_ADMISSION, "dischargedOn",
                    "discharge before admission");
        }
    }

    /**
     * Inpatient days for the meal allowance (R-SET-6, R-AUTO-1). Interpretation (the sources name no
     * count): days from admission to discharge, the day of admission counted and the day of
     * discharge not, at least 1 for a same-day stay; 0 for a device configuration or an outpatient
     * visit, which are no inpatient stays.
     */
    public long inpatientDays() {
        if (kind != StayKind.INPATIENT_MEDICAL && kind != StayKind.INPATIENT_REHAB) {
            return 0;
        }
        return Math.max(1, dischargedOn.toEpochDay() - admittedOn.toEpochDay());
    }

    /** Whether {@code day} is within the stay, both ends included. */
    public boolean contains(LocalDate day) {
        return !day.isBefore(admittedOn) && !day.isAfter(dischargedOn);
    }
}
