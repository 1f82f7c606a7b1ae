package io.wcsettle.his.session;

import java.time.LocalDateTime;
import java.util.List;

import io.wcsettle.core.error.Inputs;

/**
 * What 2402 needs (表 98 {@code dscginfo}, 表 99 {@code diseinfo}).
 *
 * @param dischargedAt   {@code endtime}
 * @param departmentCode {@code dscg_dept_codg}
 * @param departmentName {@code dscg_dept_name}
 * @param way            {@code dscg_way} 离院方式 code (region dictionary, e.g. {@code 1} 医嘱离院)
 * @param diagnoses      the discharge diagnoses, at least one
 */
public record DischargeDetails(LocalDateTime dischargedAt, String departmentCode, String departmentName, String way,
                               List<Diagnosis> diagnoses) {

    /** Rejects nulls ({@code INVALID_INPUT} naming the field) and an empty diagnosis list. */
    public DischargeDetails {
        Inputs.required(dischargedAt, "dischargedAt");
        diagnoses = List.copyOf(Inputs.requiredElements(diagnoses, "diagnoses"));
        if (diagnoses.isEmpty()) {
            throw new HisSessionException(SessionErrorCode.INVALID_STEP_INPUT, "diagnoses", "at least one diagnosis");
        }
    }
}
