package io.wcsettle.core.clearing;

import io.wcsettle.core.money.Fen;

/**
 * One row of the payment details and audit-deduction details (R-CLR-2, IM Art. 39): per pair and
 * institution, the fund paid and the deductions.
 *
 * @param pair            the province pair
 * @param institutionCode the institution
 * @param fundPaid        Σ fund paid (payment details)
 * @param deductions      Σ audit deductions (audit-deduction details)
 * @param records         number of records
 */
public record InstitutionTotal(ProvincePair pair, String institutionCode, Fen fundPaid, Fen deductions,
        long records) {
}
