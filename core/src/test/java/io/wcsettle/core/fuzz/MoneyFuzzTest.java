package io.wcsettle.core.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import io.wcsettle.core.error.CoreErrorCode;
import io.wcsettle.core.error.WcsettleException;
import io.wcsettle.core.money.Fen;
import io.wcsettle.core.money.LineAmount;
import io.wcsettle.core.money.Quantity;
import io.wcsettle.core.money.UnitPrice;

/**
 * R-MON-1: money parsing and arithmetic against a BigDecimal / BigInteger reference. Parsing:
 * a string is accepted iff it is a plain ASCII decimal with at most the column's decimals and
 * digits (amount 16,2, price 16,6, quantity 16,4), and then equals the reference; otherwise it is
 * {@code INVALID_AMOUNT} ({@code INVALID_INPUT} when missing). Arithmetic: the exact result when it
 * fits a long, otherwise {@code AMOUNT_OVERFLOW} — never a wrapped value.
 */
class MoneyFuzzTest {

    private static final Pattern PLAIN = Pattern.compile("-?[0-9]+(\\.[0-9]+)?");
    private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);
    private static final String[] SEEDS = {
        "0", "0.00", "24.69", "-36.00", "12.3456", "0.000001", "99999999999999.99", "9999999999.999999",
        "999999999999.9999", "100000000000000", "10000000000", "1000000000000", "007.50", "-0", "1"
    };

    /** A decimal string: half well-formed with random digits and scale, half mutations of the seeds; sometimes null. */
    static String decimalText(SplittableRandom r) {
        int k = r.nextInt(100);
        if (k == 0) {
            return null;
        }
        if (k < 50) {
            StringBuilder sb = new StringBuilder();
            if (r.nextInt(4) == 0) {
                sb.append('-');
            }
            if (r.nextInt(5) == 0) {
                sb.append("0".repeat(1 + r.nextInt(5)));
            }
            sb.append(Mutate.digits(r, 1 + r.nextInt(r.nextBoolean() ? 8 : 20)));
            if (r.nextBoolean()) {
                sb.append('.').append(Mutate.digits(r, 1 + r.nextInt(8)));
            }
            return sb.toString();
        }
        return Mutate.string(r, Mutate.pick(r, SEEDS));
    }

    /** The reference: the scaled value, or {@code null} when the text must be refused. */
    static BigInteger reference(String text, int scale, int maxDigits, boolean allowNegative) {
        if (text == null || !PLAIN.matcher(text).matches()) {
            return null;
        }
        BigDecimal d = new BigDecimal(text);
        if (Math.max(d.scale(), 0) > scale) {
            return null;
        }
        BigInteger scaled = d.setScale(scale).unscaledValue();
        if (scaled.abs().compareTo(BigInteger.TEN.pow(maxDigits)) >= 0) {
            return null;
        }
        if (!allowNegative && scaled.signum() < 0) {
            return null;
        }
        return scaled;
    }

    private static <R> void parse(String entry, Fuzz.Call<String, R> call, Function<R, Long> scaled,
                                  int scale, boolean allowNegative) {
        Fuzz.run(entry, Fuzz.tries(1), MoneyFuzzTest::decimalText, call, new Fuzz.Oracle<>() {
            @Override
            public void accepted(String input, R result) {
                BigInteger expected = reference(input, scale, 16, allowNegative);
                assertEquals(expected, BigInteger.valueOf(scaled.apply(result)), "reference");
            }

            @Override
            public void rejected(String input, WcsettleException error) {
                assertNull(reference(input, scale, 16, allowNegative), "the reference accepts it");
                assertEquals(input == null ? CoreErrorCode.INVALID_INPUT : CoreErrorCode.INVALID_AMOUNT,
                        error.errorCode(), "code");
                assertEquals("f", error.field(), "field");
            }
        });
    }

    @Test
    @DisplayName("R-MON-1 fuzz: Fen.parseYuan equals the BigDecimal reference or is INVALID_AMOUNT")
    void fenParseYuan() {
        parse("Fen.parseYuan", s -> Fen.parseYuan("f", s), Fen::value, 2, false);
    }

    @Test
    @DisplayName("R-MON-1, R-SET-12 fuzz: Fen.parseSignedYuan equals the reference or is INVALID_AMOUNT")
    void fenParseSignedYuan() {
        parse("Fen.parseSignedYuan", s -> Fen.parseSignedYuan("f", s), Fen::value, 2, true);
    }

    @Test
    @DisplayName("R-MON-1 fuzz: UnitPrice.parse (16,6) equals the reference or is INVALID_AMOUNT")
    void unitPriceParse() {
        parse("UnitPrice.parse", s -> UnitPrice.parse("f", s), UnitPrice::micros, 6, false);
    }

    @Test
    @DisplayName("R-MON-1 fuzz: Quantity.parse (16,4) equals the reference or is INVALID_AMOUNT")
    void quantityParse() {
        parse("Quantity.parse", s -> Quantity.parse("f", s), Quantity::tenThousandths, 4, true);
    }

    private record Pair(long a, long b, int op) {
    }

    private static Pair pair(SplittableRandom r, int ops) {
        return new Pair(Mutate.edgyLong(r), Mutate.edgyLong(r), r.nextInt(ops));
    }

    /** The exact result, or {@code null} when it does not fit a long. */
    private static Long fit(BigInteger v) {
        return v.compareTo(LONG_MIN) < 0 || v.compareTo(LONG_MAX) > 0 ? null : v.longValue();
    }

    private static final class Exact<R> implements Fuzz.Oracle<Pair, R> {
        private final Function<Pair, BigInteger> reference;
        private final Function<R, Long> value;
        private final Function<Pair, CoreErrorCode> otherwise;

        Exact(Function<Pair, BigInteger> reference, Function<R, Long> value, Function<Pair, CoreErrorCode> otherwise) {
            this.reference = reference;
            this.value = value;
            this.otherwise = otherwise;
        }

        @Override
        public void accepted(Pair p, R result) {
            assertEquals(otherwise.apply(p), null, "must be refused");
            assertEquals(fit(reference.apply(p)), value.apply(result), "exact result");
        }

        @Override
        public void rejected(Pair p, WcsettleException e) {
            CoreErrorCode expected = otherwise.apply(p);
            if (expected == null) {
                assertNull(fit(reference.apply(p)), "the exact result fits a long");
                expected = CoreErrorCode.AMOUNT_OVERFLOW;
            }
            assertEquals(expected, e.errorCode());
        }
    }

    private static BigInteger big(long v) {
        return BigInteger.valueOf(v);
    }

    @Test
    @DisplayName("R-MON-1 fuzz: Fen plus/minus/times/negate are exact or AMOUNT_OVERFLOW")
    void fenArithmetic() {
        Fuzz.run("Fen arithmetic", Fuzz.tries(1), r -> pair(r, 4), p -> switch (p.op) {
            case 0 -> Fen.of(p.a).plus(Fen.of(p.b));
            case 1 -> Fen.of(p.a).minus(Fen.of(p.b));
            case 2 -> Fen.of(p.a).times(p.b);
            default -> Fen.of(p.a).negate();
        }, new Exact<Fen>(p -> switch (p.op) {
            case 0 -> big(p.a).add(big(p.b));
            case 1 -> big(p.a).subtract(big(p.b));
            case 2 -> big(p.a).multiply(big(p.b));
            default -> big(p.a).negate();
        }, Fen::value, p -> null));
    }

    @Test
    @DisplayName("R-MON-1 fuzz: Quantity.of/plus/negate and UnitPrice.ofFen are exact, INVALID_AMOUNT or AMOUNT_OVERFLOW")
    void quantityAndPriceArithmetic() {
        Fuzz.run("Quantity/UnitPrice arithmetic", Fuzz.tries(1), r -> pair(r, 4), p -> switch (p.op) {
            case 0 -> Quantity.of(p.a).tenThousandths();
            case 1 -> new Quantity(p.a).plus(new Quantity(p.b)).tenThousandths();
            case 2 -> new Quantity(p.a).negate().tenThousandths();
            default -> UnitPrice.ofFen(p.a).micros();
        }, new Exact<Long>(p -> switch (p.op) {
            case 0 -> big(p.a).multiply(big(10_000));
            case 1 -> big(p.a).add(big(p.b));
            case 2 -> big(p.a).negate();
            default -> big(p.a).multiply(big(10_000));
        }, v -> v, p -> p.op == 3 && p.a < 0 ? CoreErrorCode.INVALID_AMOUNT : null));
    }

    @Test
    @DisplayName("R-MON-1 fuzz: new UnitPrice(micros) refuses a negative value with INVALID_AMOUNT")
    void unitPriceConstructor() {
        Fuzz.run("new UnitPrice", Fuzz.tries(0.5), r -> pair(r, 1), p -> new UnitPrice(p.a),
                new Exact<UnitPrice>(p -> big(p.a), UnitPrice::micros,
                        p -> p.a < 0 ? CoreErrorCode.INVALID_AMOUNT : null));
    }

    /** R-MON-1: round_half_up(price micros × quantity ten-thousandths / 10^8), away from zero on halves. */
    static BigInteger lineReference(long priceMicros, long quantity) {
        return new BigDecimal(big(priceMicros).multiply(big(quantity)), 8).setScale(0, RoundingMode.HALF_UP)
                .toBigIntegerExact();
    }

    @Test
    @DisplayName("R-MON-1 fuzz: LineAmount.fen equals round_half_up(price × quantity) or is AMOUNT_OVERFLOW")
    void lineAmount() {
        Fuzz.run("LineAmount.fen", Fuzz.tries(1), r -> {
            Pair p = pair(r, 3);
            // a third of the inputs in the allocation-free range, where halves are common
            return p.op == 0 ? new Pair(r.nextLong(-3_037_000_499L, 3_037_000_499L),
                    r.nextLong(-3_037_000_499L, 3_037_000_499L), 0) : p;
        }, p -> LineAmount.fen(p.a, p.b),
                new Exact<Long>(p -> lineReference(p.a, p.b), v -> v, p -> null));
    }
}
