package io.wcsettle.core.money;

import io.wcsettle.core.error.CoreErrorCode;
import io.wcsettle.core.error.WcsettleException;

/**
 * A quantity in ten-thousandths (national column {@code cnt 16,4}), immutable. Negative
 * quantities exist only on return lines (R-SET-12); the settlement engine checks that.
 * Arithmetic is exact: an overflow is {@code AMOUNT_OVERFLOW}, never a wrap.
 *
 * @param tenThousandths quantity in units of 0.0001
 */
public record Quantity(long tenThousandths) implements Comparable<Quantity> {

    /** Quantities carry at most 4 decimals. */
    public static final int DECIMALS = 4;

    /** Zero. */
    public static final Quantity ZERO = new Quantity(0);

    /**
     * Parses a decimal string with at most 4 decimals, sign allowed ({@code "2"}, {@code "-0.5"}).
     *
     * @throws io.wcsettle.core.error.InvalidInputException {@code INVALID_AMOUNT} naming {@code field}
     */
    public static Quantity parse(String field, String text) {
        return new Quantity(DecimalText.parse(field, text, DECIMALS, 16, true));
    }

    /**
     * A whole quantity.
     *
     * @throws WcsettleException {@code AMOUNT_OVERFLOW} when it does not fit in a long of ten-thousandths
     */
    public static Quantity of(long units) {
        try {
            return new Quantity(Math.multiplyExact(units, 10_000L));
        } catch (ArithmeticException e) {
            throw overflow(e);
        }
    }

    /**
     * {@code this + other}, exactly.
     *
     * @throws WcsettleException {@code AMOUNT_OVERFLOW}
     */
    public Quantity plus(Quantity other) {
        try {
            return new Quantity(Math.addExact(tenThousandths, other.tenThousandths));
        } catch (ArithmeticException e) {
            throw overflow(e);
        }
    }

    /**
     * {@code -this}.
     *
     * @throws WcsettleException {@code AMOUNT_OVERFLOW} for the one value without a negation
     */
    public Quantity negate() {
        try {
            return new Quantity(Math.negateExact(tenThousandths));
        } catch (ArithmeticException e) {
            throw overflow(e);
        }
    }

    /** Below zero. */
    public boolean isNegative() {
        return tenThousandths < 0;
    }

    /** Exactly zero. */
    public boolean isZero() {
        return tenThousandths == 0;
    }

    @Override
    public int compareTo(Quantity other) {
        return Long.compare(tenThousandths, other.tenThousandths);
    }

    @Override
    public String toString() {
        return DecimalText.format(tenThousandths, DECIMALS);
    }

    private static WcsettleException overflow(ArithmeticException e) {
        return new WcsettleException(CoreErrorCode.AMOUNT_OVERFLOW, "quantity",
                "quantity overflows a long of ten-thousandths", e);
    }
}
