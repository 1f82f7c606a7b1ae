package io.wcsettle.core.prepayment;

import java.util.List;
import java.util.Objects;

import io.wcsettle.core.error.CoreErrorCode;
import io.wcsettle.core.error.Inputs;
import io.wcsettle.core.error.InvalidInputException;
import io.wcsettle.core.error.WcsettleException;
import io.wcsettle.core.money.Fen;

/** Prepayment quotas per (insured, treatment) pair (R-PRE-2, R-PRE-3). */
public final class PrepaymentQuota {

    private PrepaymentQuota() {
    }

    /**
     * R-PRE-2 (IM Art. 19, 21): annual quota = 2 × last year's quarterly average of clearing funds,
     * with the four quarters as divisor: exactly {@code sum / 2} in fen, HALF_UP.
     *
     * @param lastYearQuarters the four quarters' clearing amounts, non-negative
     * @throws InvalidInputException {@code INVALID_INPUT} unless exactly four quarters are given
     */
    public static Fen annual(List<Fen> lastYearQuarters) {
        return annual(lastYearQuarters, QuotaBasis.ALL_FOUR_QUARTERS);
    }

    /**
     * R-PRE-2 with the regional choice of divisor: {@code round_half_up(2 × sum / quarters)} where
     * {@code quarters} is 4, or the number of non-zero quarters (a year without any gives zero).
     */
    public static Fen annual(List<Fen> lastYearQuarters, QuotaBasis basis) {
        Objects.requireNonNull(basis, "basis");
        if (lastYearQuarters == null || lastYearQuarters.size() != 4) {
            throw new InvalidInputException(CoreErrorCode.INVALID_INPUT, "lastYearQuarters",
                    "must hold exactly four quarters");
        }
        Fen sum = Fen.ZERO;
        int active = 0;
        for (int i = 0; i < 4; i++) {
            Fen q = Inputs.required(lastYearQuarters.get(i), "lastYearQuarters[" + i + "]");
            if (q.isNegative()) {
                throw new InvalidInputException(CoreErrorCode.INVALID_AMOUNT, "lastYearQuarters[" + i + "]",
                        "negative");
            }
            sum = sum.plus(q);
            active += q.isZero() ? 0 : 1;
        }
        long divisor = basis == QuotaBasis.ALL_FOUR_QUARTERS ? 4 : active;
        if (divisor == 0) {
            return Fen.ZERO;
        }
        return Fen.of(divideHalfUp(sum.times(2).value(), divisor));
    }

    /**
     * R-PRE-3 (IM Art. 20): the initial quota is half a year of expected funds, an input; this only
     * checks it is not negative.
     */
    public static Fen initial(Fen expectedHalfYearFunds) {
        if (expectedHalfYearFunds.isNegative()) {
            throw new InvalidInputException(CoreErrorCode.INVALID_AMOUNT, "expectedHalfYearFunds", "negative");
        }
        return expectedHalfYearFunds;
    }

    /** {@code round_half_up(n / d)} for {@code n ≥ 0}, {@code d > 0}, exactly. */
    static long divideHalfUp(long n, long d) {
        long q = n / d;
        long r = n % d;
        if (r >= d - r) {
            try {
                q = Math.addExact(q, 1);
            } catch (ArithmeticException e) {
                throw new WcsettleException(CoreErrorCode.AMOUNT_OVERFLOW, null, "quota overflows", e);
            }
        }
        return q;
    }
}
