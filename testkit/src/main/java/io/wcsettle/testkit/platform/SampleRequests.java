package io.wcsettle.testkit.platform;

import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.wcsettle.his.platform.profile.Payload;
import io.wcsettle.his.platform.profile.Transaction;
import io.wcsettle.his.platform.profile.TransactionProfile;

/**
 * Requests that satisfy their published tables, for tests and benchmarks that need a committing
 * transaction the strict simulator accepts (a test double's helper, not something a HIS sends).
 */
public final class SampleRequests {

    private SampleRequests() {
    }

    /**
     * A 2401 input (表 95 {@code mdtrtinfo} and one 表 96 {@code diseinfo} row) for person {@code psnNo}
     * with ID number {@code idNumber}, admitted at {@code at}, under 住院号 {@code iptNo}.
     */
    public static ObjectNode admission(String psnNo, String idNumber, String iptNo, LocalDateTime at) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("psn_no", psnNo);
        m.put("insutype", "410");
        m.put("begntime", at);
        m.put("mdtrt_cert_type", "02");
        m.put("mdtrt_cert_no", idNumber);
        m.put("cert_type", "01");
        m.put("certno", idNumber);
        m.put("med_type", "2101");
        m.put("ipt_no", iptNo);
        m.put("atddr_no", "D001");
        m.put("chfpdr_name", "李医生");
        m.put("adm_diag_dscr", "骨折");
        m.put("adm_dept_codg", "GK");
        m.put("adm_dept_name", "骨科");
        m.put("adm_bed", "12");
        m.put("dscg_maindiag_code", "S62.101");
        m.put("dscg_maindiag_name", "右桡骨远端骨折");
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("psn_no", psnNo);
        d.put("diag_type", "1");
        d.put("maindiag_flag", "1");
        d.put("diag_srt_no", 1L);
        d.put("diag_code", "S62.101");
        d.put("diag_name", "右桡骨远端骨折");
        d.put("diag_dept", "骨科");
        d.put("dise_dor_no", "D001");
        d.put("dise_dor_name", "李医生");
        d.put("diag_time", at);
        return Payload.input(TransactionProfile.workInjury(), Transaction.ADMISSION).row("mdtrtinfo", m)
                .addRow("diseinfo", d).build();
    }
}
