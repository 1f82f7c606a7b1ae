package io.wcsettle.his.session;

import java.time.LocalDateTime;

import io.wcsettle.core.error.Inputs;
import io.wcsettle.core.settlement.BillLine;

/**
 * One fee row of 2301 (表 83): a line of core's {@code Bill} with what the table needs beside it.
 * The line's id is the row's {@code feedetl_sn}; under the template it must be digits, not 0, at most
 * 15 (Hunan V1.2), and a return names its original in {@code init_feedetl_sn}.
 *
 * @param line              the bill line (code → {@code med_list_codg}, price, quantity, amount)
 * @param institutionCode   {@code medins_list_codg}: the institution's own item code
 * @param occurredAt        {@code fee_ocur_time}
 * @param billingDeptCode   {@code bilg_dept_codg}
 * @param billingDeptName   {@code bilg_dept_name}
 * @param billingDoctorCode {@code bilg_dr_codg}
 * @param billingDoctorName {@code bilg_dr_name}
 */
public record FeeDetail(BillLine line, String institutionCode, LocalDateTime occurredAt, String billingDeptCode,
                        String billingDeptName, String billingDoctorCode, String billingDoctorName) {

    /** Rejects nulls: {@code INVALID_INPUT} naming the field. */
    public FeeDetail {
        Inputs.required(line, "line");
        Inputs.required(institutionCode, "institutionCode");
        Inputs.required(occurredAt, "occurredAt");
        Inputs.required(billingDeptCode, "billingDeptCode");
        Inputs.required(billingDeptName, "billingDeptName");
        Inputs.required(billingDoctorCode, "billingDoctorCode");
        Inputs.required(billingDoctorName, "billingDoctorName");
    }

    /** A row for {@code line} occurring at the start of its service date. */
    public static FeeDetail of(BillLine line, String institutionCode, String deptCode, String deptName,
                               String doctorCode, String doctorName) {
        return new FeeDetail(line, institutionCode, Inputs.required(line, "line").serviceDate().atStartOfDay(), deptCode,
                deptName, doctorCode, doctorName);
    }
}
