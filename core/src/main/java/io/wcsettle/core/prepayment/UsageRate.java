package io.wcsettle.core.prepayment;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

import io.wcsettle.core.error.CoreErrorCode;
import io.wcsettle.core.error.Inputs;
import io.wcsettle.core.error.InvalidInputException;
import io.wcsettle.core.money.Fen;

/**
 * R-PRE-5 (IM Art. 25): usage rate = the quarter's clearing amount ÷ the prepayment quota.
 *
 * @param quarterClearing the quarter's clearing amount
 * @param quota           the prepayment quota, positive
 * @param percent         the rate in percent, rounded HALF_UP to 2 decimals (display only)
 * @param level           the warning level, from the exact ratio (never from {@code percent})
 */
public record UsageRate(Fen quarterClearing, Fen quota, BigDecimal percent, UsageLevel level) {

    private static final BigInteger HUNDRED = BigInteger.valueOf(100);

    /**
     * @throws InvalidInputException {@code ZERO_QUOTA} for a zero quota, {@code INVALID_AMOUNT} for a
     *                               negative amount
     */
    public static UsageRate of(Fen quarterClearing, Fen quota) {
        Inputs.required(quarterClearing, "quarterClearing");
        Inputs.required(quota, "quota");
        if (quota.isZero()) {
            throw new InvalidInputException(CoreErrorCode.ZERO_QUOTA, "quota", "no usage rate over a zero quota");
        }
        if (quota.isNegative() || quarterClearing.isNegative()) {
            throw new InvalidInputException(CoreErrorCode.INVALID_AMOUNT,
                    quota.isNegative() ? "quota" : "quarterClearing", "negative");
        }
        BigInteger clearing100 = BigInteger.valueOf(quarterClearing.value()).multiply(HUNDRED);
        BigInteger q = BigInteger.valueOf(quota.value());
        UsageLevel level = clearing100.compareTo(q.multiply(BigInteger.valueOf(80))) >= 0 ? UsageLevel.RED
                : clearing100.compareTo(q.multiply(BigInteger.valueOf(70))) >= 0 ? UsageLevel.YELLOW
                : UsageLevel.NONE;
        BigDecimal percent = new BigDecimal(clearing100).divide(new BigDecimal(q), 2, RoundingMode.HALF_UP);
        return new UsageRate(quarterClearing, quota, percent, level);
    }

    /** The display rate with exactly two decimals, e.g. {@code "82.30"}. */
    public String percentText() {
        return percent.toPlainString();
    }
}
