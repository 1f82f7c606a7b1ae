package io.wcsettle.his.reconciliation;

/**
 * One row of the platform's detail result file (3202 表 135) that does not balance.
 *
 * @param psnNo     {@code psn_no}
 * @param mdtrtId   {@code mdtrt_id} ({@code ""} when the platform holds several rows)
 * @param setlId    {@code setl_id} ({@code ""} likewise)
 * @param msgid     the msgid, to reverse it by 2601 if it is a one-sided record (单边账)
 * @param stmtRslt  {@code stmt_rslt}: {@code 1} 不平 (表 271)
 * @param refund    {@code refd_setl_flag}
 * @param memo      the platform's remark
 */
public record DetailResult(String psnNo, String mdtrtId, String setlId, String msgid, String stmtRslt, String refund,
                           String memo) {
}
