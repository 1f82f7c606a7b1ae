package io.wcsettle.core.money;

import java.math.BigInteger;

import io.wcsettle.core.error.CoreErrorCode;
import io.wcsettle.core.error.WcsettleException;

/**
 * The one rounding point of a bill line: {@code round_half_up(price × quantity)} to the fen
 * (R-MON-1, R-MON-3). HALF_UP rounds halves away from zero, as {@link java.math.RoundingMode#HALF_UP}
 * does, so a return line is the exact negative of the same positive line.
 *
 * <p>Allocation-free on the common path (both factors below about 3·10<sup>9</sup>); falls back
 * to {@link BigInteger} for larger values, and refuses a result beyond a {@code long}.
 */
public final class LineAmount {

    /** price micros × quantity ten-thousandths = 10^-10 yuan = 10^-8 fen. */
    private static final long UNITS_PER_FEN = 100_000_000L;
    private static final long SAFE = 3_037_000_499L; // floor(sqrt(Long.MAX_VALUE))
    private static final BigInteger BIG_UNITS_PER_FEN = BigInteger.valueOf(UNITS_PER_FEN);

    private LineAmount() {
    }

    /**
     * R-MON-1: {@code round_half_up(price × quantity)} in fen.
     *
     * @throws WcsettleException {@code AMOUNT_OVERFLOW} when the amount does not fit in a long of fen
     */
    public static Fen of(UnitPrice price, Quantity quantity) {
        return Fen.of(fen(price.micros(), quantity.tenThousandths()));
    }

    /**
     * As {@link #of}, on raw scaled values: price in micros, quantity in ten-thousandths (any
     * {@code long}s, {@link Long#MIN_VALUE} included).
     *
     * @throws WcsettleException {@code AMOUNT_OVERFLOW} when the amount does not fit in a long of fen
     */
    public static long fen(long priceMicros, long quantity) {
        // -SAFE < x < SAFE, not Math.abs(x) < SAFE: Math.abs(Long.MIN_VALUE) is negative
        if (priceMicros > -SAFE && priceMicros < SAFE && quantity > -SAFE && quantity < SAFE) {
            return roundHalfUp(priceMicros * quantity);
        }
        BigInteger[] qr = BigInteger.valueOf(priceMicros).multiply(BigInteger.valueOf(quantity))
                .divideAndRemainder(BIG_UNITS_PER_FEN);
        BigInteger q = qr[0];
        if (qr[1].abs().shiftLeft(1).compareTo(BIG_UNITS_PER_FEN) >= 0) {
            q = q.add(BigInteger.valueOf(qr[1].signum()));
        }
        if (q.bitLength() > 63) {
            throw new WcsettleException(CoreErrorCode.AMOUNT_OVERFLOW, null, "line amount overflows");
        }
        return q.longValue();
    }

    private static long roundHalfUp(long units) {
        long q = units / UNITS_PER_FEN;
        long r = units % UNITS_PER_FEN;
        if (Math.abs(r) * 2 >= UNITS_PER_FEN) {
            q += Long.signum(r);
        }
        return q;
    }
}
