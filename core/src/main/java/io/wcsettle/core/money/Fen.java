package io.wcsettle.core.money;

import io.wcsettle.core.error.CoreErrorCode;
import io.wcsettle.core.error.WcsettleException;

/**
 * An amount of money in fen (0.01 yuan), immutable (R-MON-1).
 *
 * <p>Arithmetic is exact: an overflow throws {@link WcsettleException} with code
 * {@code AMOUNT_OVERFLOW}, never wraps. There is no rounding here; the few rounding points
 * a rule names are in {@link LineAmount} and in the rules themselves (R-MON-3).
 *
 * @param value the amount in fen; negative only where a rule allows it (returns, net positions)
 */
public record Fen(long value) implements Comparable<Fen> {

    /** Zero fen. */
    public static final Fen ZERO = new Fen(0);

    /** Amount strings carry at most 2 decimals (national column {@code det_item_fee_sumamt 16,2}). */
    public static final int YUAN_DECIMALS = 2;

    private static final int MAX_DIGITS = 16;

    /** The amount {@code fen}. */
    public static Fen of(long fen) {
        return fen == 0 ? ZERO : new Fen(fen);
    }

    /**
     * Parses a non-negative yuan decimal string with at most 2 decimals ({@code "24.69"}).
     *
     * @throws io.wcsettle.core.error.InvalidInputException {@code INVALID_AMOUNT} naming {@code field}
     */
    public static Fen parseYuan(String field, String yuan) {
        return of(DecimalText.parse(field, yuan, YUAN_DECIMALS, MAX_DIGITS, false));
    }

    /**
     * Parses a yuan decimal string that may be negative, for the places a rule allows it
     * (a return line's amount, R-SET-12).
     */
    public static Fen parseSignedYuan(String field, String yuan) {
        return of(DecimalText.parse(field, yuan, YUAN_DECIMALS, MAX_DIGITS, true));
    }

    /** {@code this + other}, exactly. */
    public Fen plus(Fen other) {
        try {
            return of(Math.addExact(value, other.value));
        } catch (ArithmeticException e) {
            throw overflow(e);
        }
    }

    /** {@code this - other}, exactly. */
    public Fen minus(Fen other) {
        try {
            return of(Math.subtractExact(value, other.value));
        } catch (ArithmeticException e) {
            throw overflow(e);
        }
    }

    /** {@code this × n}, exactly. */
    public Fen times(long n) {
        try {
            return of(Math.multiplyExact(value, n));
        } catch (ArithmeticException e) {
            throw overflow(e);
        }
    }

    /** {@code -this}. */
    public Fen negate() {
        try {
            return of(Math.negateExact(value));
        } catch (ArithmeticException e) {
            throw overflow(e);
        }
    }

    /** The smaller of the two amounts. */
    public Fen min(Fen other) {
        return value <= other.value ? this : other;
    }

    /** The larger of the two amounts. */
    public Fen max(Fen other) {
        return value >= other.value ? this : other;
    }

    /** {@code true} when below zero. */
    public boolean isNegative() {
        return value < 0;
    }

    /** {@code true} when zero. */
    public boolean isZero() {
        return value == 0;
    }

    /** The amount as a yuan string with two decimals, e.g. {@code "24.69"} or {@code "-0.05"}. */
    public String toYuanString() {
        return DecimalText.format(value, YUAN_DECIMALS);
    }

    @Override
    public int compareTo(Fen other) {
        return Long.compare(value, other.value);
    }

    @Override
    public String toString() {
        return toYuanString();
    }

    private static WcsettleException overflow(ArithmeticException e) {
        return new WcsettleException(CoreErrorCode.AMOUNT_OVERFLOW, null, "amount overflows a long of fen", e);
    }
}
