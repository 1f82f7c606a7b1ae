package io.wcsettle.his.session;

import java.time.LocalDateTime;
import java.util.List;

import io.wcsettle.core.error.Inputs;

/**
 * What 2401 needs from the HIS beyond the person (表 95 {@code mdtrtinfo}, 表 96 {@code diseinfo}).
 *
 * @param iptNo               {@code ipt_no} 住院号 (the HIS's own visit number)
 * @param admittedAt          {@code begntime}
 * @param attendingDoctorCode {@code atddr_no}
 * @param chiefDoctorName     {@code chfpdr_name}
 * @param admissionDiagnosis  {@code adm_diag_dscr}
 * @param departmentCode      {@code adm_dept_codg}
 * @param departmentName      {@code adm_dept_name}
 * @param bed                 {@code adm_bed}
 * @param mainDiagnosisCode   {@code dscg_maindiag_code}
 * @param mainDiagnosisName   {@code dscg_maindiag_name}
 * @param diagnoses           at least one {@code diseinfo} row
 */
public record AdmissionDetails(String iptNo, LocalDateTime admittedAt, String attendingDoctorCode,
                               String chiefDoctorName, String admissionDiagnosis, String departmentCode,
                               String departmentName, String bed, String mainDiagnosisCode, String mainDiagnosisName,
                               List<Diagnosis> diagnoses) {

    /** Rejects nulls ({@code INVALID_INPUT} naming the field) and an empty diagnosis list. */
    public AdmissionDetails {
        Inputs.required(iptNo, "iptNo");
        Inputs.required(admittedAt, "admittedAt");
        diagnoses = List.copyOf(Inputs.requiredElements(diagnoses, "diagnoses"));
        if (diagnoses.isEmpty()) {
            throw new HisSessionException(SessionErrorCode.INVALID_STEP_INPUT, "diagnoses", "at least one diagnosis");
        }
    }
}
