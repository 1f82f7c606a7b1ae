package io.wcsettle.his.session;

import java.time.LocalDateTime;

import io.wcsettle.core.error.Inputs;

/**
 * One diagnosis row of 2401 / 2402 ({@code diseinfo}, 表 96 / 表 99).
 *
 * @param type        {@code diag_type} 诊断类别 (code of the region's dictionary, e.g. {@code 1} 西医)
 * @param main        {@code maindiag_flag}: the main diagnosis
 * @param order       {@code diag_srt_no}, 1-based
 * @param code        {@code diag_code} (ICD-10)
 * @param name        {@code diag_name}
 * @param department  {@code diag_dept}
 * @param doctorCode  {@code dise_dor_no}
 * @param doctorName  {@code dise_dor_name}
 * @param time        {@code diag_time}
 */
public record Diagnosis(String type, boolean main, int order, String code, String name, String department,
                        String doctorCode, String doctorName, LocalDateTime time) {

    /** Rejects nulls: {@code INVALID_INPUT} naming the field. */
    public Diagnosis {
        Inputs.required(type, "type");
        Inputs.required(code, "code");
        Inputs.required(name, "name");
        Inputs.required(department, "department");
        Inputs.required(doctorCode, "doctorCode");
        Inputs.required(doctorName, "doctorName");
        Inputs.required(time, "time");
    }
}
