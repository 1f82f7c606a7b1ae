package io.wcsettle.core.money;

/**
 * A unit price in millionths of a yuan (national column {@code pric 16,6}), immutable and
 * never negative (R-MON-1).
 *
 * @param micros price in units of 0.000001 yuan
 */
public record UnitPrice(long micros) implements Comparable<UnitPrice> {

    /** Prices carry at most 6 decimals. */
    public static final int DECIMALS = 6;

    /** Zero price. */
    public static final UnitPrice ZERO = new UnitPrice(0);

    /** Validates the scaled value. */
    public UnitPrice {
        if (micros < 0) {
            throw new IllegalArgumentException("negative price");
        }
    }

    /**
     * Parses a yuan decimal string with at most 6 decimals ({@code "12.3456"}).
     *
     * @throws io.wcsettle.core.error.InvalidInputException {@code INVALID_AMOUNT} naming {@code field}
     */
    public static UnitPrice parse(String field, String yuan) {
        return new UnitPrice(DecimalText.parse(field, yuan, DECIMALS, 16, false));
    }

    /** A price of whole fen, e.g. {@code ofFen(6000)} = 60.00 yuan. */
    public static UnitPrice ofFen(long fen) {
        return new UnitPrice(Math.multiplyExact(fen, 10_000L));
    }

    @Override
    public int compareTo(UnitPrice other) {
        return Long.compare(micros, other.micros);
    }

    @Override
    public String toString() {
        return DecimalText.format(micros, DECIMALS);
    }
}
