package io.wcsettle.core.clearing;

import io.wcsettle.core.money.Fen;

/**
 * One row of the national clearing table (R-CLR-5): per insured → treatment pair, the fund paid,
 * the audit deductions and what the insured province owes.
 *
 * @param pair       the province pair
 * @param fundPaid   Σ fund paid
 * @param deductions Σ audit deductions
 * @param records    number of records aggregated
 */
public record PairTotal(ProvincePair pair, Fen fundPaid, Fen deductions, long records) {

    /** R-CLR-5: {@code payable = Σ fund paid − Σ audit deductions}. */
    public Fen payable() {
        return fundPaid.minus(deductions);
    }
}
