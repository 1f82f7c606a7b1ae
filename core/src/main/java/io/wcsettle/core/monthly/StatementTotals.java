package io.wcsettle.core.monthly;

import io.wcsettle.core.money.Fen;

/**
 * The figures of a monthly statement or of one of its parts (R-UPL-5): count, medical total,
 * fund paid, deductions and payable, where payable = fund paid − deductions exactly.
 *
 * @param count        number of settlements
 * @param medicalTotal Σ medical totals
 * @param fundPaid     Σ fund paid
 * @param deductions   Σ audit deductions
 */
public record StatementTotals(long count, Fen medicalTotal, Fen fundPaid, Fen deductions) {

    /** No settlements. */
    public static final StatementTotals ZERO = new StatementTotals(0, Fen.ZERO, Fen.ZERO, Fen.ZERO);

    /** Σ fund paid − Σ deductions: what the institution is paid. */
    public Fen payable() {
        return fundPaid.minus(deductions);
    }

    /** These totals plus one settlement. */
    public StatementTotals plus(DirectSettlement s) {
        return new StatementTotals(count + 1, medicalTotal.plus(s.medicalTotal()), fundPaid.plus(s.fundPaid()),
                deductions.plus(s.deduction()));
    }

    /** These totals plus {@code o}: associative, commutative, {@link #ZERO} neutral. */
    public StatementTotals plus(StatementTotals o) {
        return new StatementTotals(Math.addExact(count, o.count), medicalTotal.plus(o.medicalTotal),
                fundPaid.plus(o.fundPaid), deductions.plus(o.deductions));
    }
}
