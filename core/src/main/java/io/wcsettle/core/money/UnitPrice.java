package io.wcsettle.core.money;

import io.wcsettle.core.error.CoreErrorCode;
import io.wcsettle.core.error.InvalidInputException;
import io.wcsettle.core.error.WcsettleException;

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

    /**
     * Validates the scaled value.
     *
     * @throws InvalidInputException {@code INVALID_AMOUNT} naming {@code price} for a negative value
     */
    public UnitPrice {
        if (micros < 0) {
            throw new InvalidInputException(CoreErrorCode.INVALID_AMOUNT, "price", "negative price");
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

    /**
     * A price of whole fen, e.g. {@code ofFen(6000)} = 60.00 yuan.
     *
     * @throws InvalidInputException {@code INVALID_AMOUNT} for a negative {@code fen}
     * @throws WcsettleException     {@code AMOUNT_OVERFLOW} when the price does not fit in a long of micros
     */
    public static UnitPrice ofFen(long fen) {
        if (fen < 0) {
            throw new InvalidInputException(CoreErrorCode.INVALID_AMOUNT, "price", "negative price");
        }
        try {
            return new UnitPrice(Math.multiplyExact(fen, 10_000L));
        } catch (ArithmeticException e) {
            throw new WcsettleException(CoreErrorCode.AMOUNT_OVERFLOW, "price", "price overflows a long of micros", e);
        }
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
