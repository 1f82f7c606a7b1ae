package io.wcsettle.core.money;

/**
 * A quantity in ten-thousandths (national column {@code cnt 16,4}), immutable. Negative
 * quantities exist only on return lines (R-SET-12); the settlement engine checks that.
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

    /** A whole quantity. */
    public static Quantity of(long units) {
        return new Quantity(Math.multiplyExact(units, 10_000L));
    }

    /** {@code this + other}, exactly. */
    public Quantity plus(Quantity other) {
        return new Quantity(Math.addExact(tenThousandths, other.tenThousandths));
    }

    /** {@code -this}. */
    public Quantity negate() {
        return new Quantity(Math.negateExact(tenThousandths));
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
}
