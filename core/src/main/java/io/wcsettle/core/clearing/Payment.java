package io.wcsettle.core.clearing;

import java.util.Objects;

import io.wcsettle.core.money.Fen;
import io.wcsettle.core.region.Admdvs;

/**
 * One bilateral payment of the clearing (R-CLR-6, IM Art. 41): for a pair of the national table,
 * the insured province pays the treatment province's finance department that pair's payable. When
 * audit deductions exceed the fund paid (a negative payable), the treatment province pays the
 * difference back ({@link #refund()}).
 *
 * @param pair   the pair of the national table
 * @param from   the paying province
 * @param to     the receiving province
 * @param amount the amount, positive
 */
public record Payment(ProvincePair pair, Admdvs from, Admdvs to, Fen amount) {

    /** Rejects nulls, a non-positive amount and parties that are not the pair's. */
    public Payment {
        Objects.requireNonNull(pair, "pair");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(amount, "amount");
        if (amount.isNegative() || amount.isZero()) {
            throw new IllegalArgumentException("a payment amount is positive");
        }
        boolean forward = from.equals(pair.insured()) && to.equals(pair.treatment());
        boolean back = from.equals(pair.treatment()) && to.equals(pair.insured());
        if (!forward && !back) {
            throw new IllegalArgumentException("a payment is between the two provinces of its pair");
        }
    }

    /** Whether the treatment province pays back (a negative payable). */
    public boolean refund() {
        return from.equals(pair.treatment());
    }

    /** The signed amount from the insured province's side: its contribution to the pair's payable. */
    public Fen towardsPayable() {
        return refund() ? amount.negate() : amount;
    }
}
