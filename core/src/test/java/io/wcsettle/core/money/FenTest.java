package io.wcsettle.core.money;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.math.RoundingMode;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.wcsettle.core.error.CoreErrorCode;
import io.wcsettle.core.error.InvalidInputException;
import io.wcsettle.core.error.WcsettleException;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

class FenTest {

    @Test
    @DisplayName("R-MON-1: yuan strings parse to exact fen")
    void parseYuan_exactFen() {
        assertEquals(2469, Fen.parseYuan("amount", "24.69").value());
        assertEquals(2460, Fen.parseYuan("amount", "24.6").value());
        assertEquals(2400, Fen.parseYuan("amount", "24").value());
        assertEquals(0, Fen.parseYuan("amount", "0.00").value());
        assertEquals(-3600, Fen.parseSignedYuan("amount", "-36.00").value());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-", ".5", "5.", "1.234", "1e3", "+1", " 1", "1,00", "１", "--1", "1.2.3",
        "99999999999999999.00"})
    @DisplayName("R-MON-1: malformed amounts are INVALID_AMOUNT naming the field")
    void parseYuan_malformed_isInvalidAmount(String text) {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> Fen.parseYuan("lines[0].amount", text));
        assertEquals(CoreErrorCode.INVALID_AMOUNT, e.errorCode());
        assertEquals("lines[0].amount", e.field());
    }

    @Test
    @DisplayName("R-MON-1: a negative amount is refused where no rule allows it")
    void parseYuan_negative_isRefused() {
        assertThrows(InvalidInputException.class, () -> Fen.parseYuan("amount", "-1.00"));
    }

    @Test
    @DisplayName("R-MON-1: overflow is refused, never wrapped")
    void arithmetic_overflow_isRefused() {
        WcsettleException e = assertThrows(WcsettleException.class, () -> Fen.of(Long.MAX_VALUE).plus(Fen.of(1)));
        assertEquals(CoreErrorCode.AMOUNT_OVERFLOW, e.errorCode());
        assertThrows(WcsettleException.class, () -> Fen.of(Long.MAX_VALUE / 2 + 1).times(2));
    }

    @Test
    @DisplayName("R-MON-1: price has up to 6 decimals, quantity up to 4")
    void priceAndQuantity_scales() {
        assertEquals(12_345_600, UnitPrice.parse("price", "12.3456").micros());
        assertEquals(1, UnitPrice.parse("price", "0.000001").micros());
        assertThrows(InvalidInputException.class, () -> UnitPrice.parse("price", "12.3456789"));
        assertThrows(InvalidInputException.class, () -> UnitPrice.parse("price", "-1"));
        assertEquals(-20_000, Quantity.parse("quantity", "-2").tenThousandths());
        assertThrows(InvalidInputException.class, () -> Quantity.parse("quantity", "1.00001"));
    }

    @Test
    @DisplayName("R-MON-1: line amount is round_half_up(price × quantity)")
    void lineAmount_roundsHalfUp() {
        assertEquals(2469, LineAmount.of(UnitPrice.parse("p", "12.3456"), Quantity.parse("q", "2")).value());
        assertEquals(1, LineAmount.of(UnitPrice.parse("p", "0.005"), Quantity.parse("q", "1")).value());
        assertEquals(0, LineAmount.of(UnitPrice.parse("p", "0.004999"), Quantity.parse("q", "1")).value());
        assertEquals(-1, LineAmount.of(UnitPrice.parse("p", "0.005"), Quantity.parse("q", "-1")).value());
    }

    @Property
    @Label("R-MON-1: parse and format round-trip")
    void parseFormat_roundTrip(@ForAll @LongRange(min = -9_999_999_999_999_999L, max = 9_999_999_999_999_999L) long fen) {
        Fen f = Fen.of(fen);
        assertEquals(f, Fen.parseSignedYuan("amount", f.toYuanString()));
    }

    @Property
    @Label("R-MON-1, R-MON-3: line amount equals BigDecimal HALF_UP for any price and quantity")
    void lineAmount_matchesBigDecimal(
            @ForAll @LongRange(min = 0, max = 9_999_999_999_999_999L) long micros,
            @ForAll @LongRange(min = -9_999_999_999_999_999L, max = 9_999_999_999_999_999L) long qty) {
        BigDecimal exact = BigDecimal.valueOf(micros, 6).multiply(BigDecimal.valueOf(qty, 4))
                .movePointRight(2).setScale(0, RoundingMode.HALF_UP);
        if (exact.toBigIntegerExact().bitLength() > 63) {
            assertThrows(WcsettleException.class, () -> LineAmount.fen(micros, qty));
        } else {
            assertEquals(exact.longValueExact(), LineAmount.fen(micros, qty));
        }
    }

    @Property
    @Label("R-MON-1: a return line is the exact negative of the same positive line")
    void lineAmount_isOddInQuantity(@ForAll @LongRange(min = 0, max = 100_000_000_000L) long micros,
                                    @ForAll @LongRange(min = 0, max = 100_000_000L) long qty) {
        assertEquals(-LineAmount.fen(micros, qty), LineAmount.fen(micros, -qty));
    }

    @Property
    @Label("R-MON-2: addition is exact and commutative")
    void plus_isExactAndCommutative(@ForAll @LongRange(min = -1_000_000_000_000L, max = 1_000_000_000_000L) long a,
                                    @ForAll @LongRange(min = -1_000_000_000_000L, max = 1_000_000_000_000L) long b) {
        assertEquals(Fen.of(a).plus(Fen.of(b)), Fen.of(b).plus(Fen.of(a)));
        assertEquals(a + b, Fen.of(a).plus(Fen.of(b)).value());
        assertEquals(Fen.of(a), Fen.of(a).plus(Fen.of(b)).minus(Fen.of(b)));
    }

    @Test
    @DisplayName("R-MON-1: a decimal beyond its column is INVALID_AMOUNT, never a wrapped value (issue 17)")
    void parse_beyondTheColumn_isRefusedNotWrapped() {
        for (String[] c : new String[][] {{"q", "999999999999999"}, {"p", "18446744073710"}, {"p", "9223372036855"},
            {"p", "10000000000"}, {"q", "1000000000000"}, {"a", "100000000000000"}}) {
            InvalidInputException e = assertThrows(InvalidInputException.class, () -> {
                switch (c[0]) {
                    case "q" -> Quantity.parse("f", c[1]);
                    case "p" -> UnitPrice.parse("f", c[1]);
                    default -> Fen.parseYuan("f", c[1]);
                }
            }, c[1]);
            assertEquals(CoreErrorCode.INVALID_AMOUNT, e.errorCode(), c[1]);
            assertEquals("f", e.field());
        }
        // the largest values of each column still parse exactly
        assertEquals(9_999_999_999_999_999L, UnitPrice.parse("p", "9999999999.999999").micros());
        assertEquals(9_999_999_999_999_999L, Quantity.parse("q", "999999999999.9999").tenThousandths());
        assertEquals(-9_999_999_999_999_999L, Quantity.parse("q", "-999999999999.9999").tenThousandths());
        assertEquals(9_999_999_999_999_999L, Fen.parseYuan("a", "99999999999999.99").value());
        assertEquals(750, Fen.parseYuan("a", "007.50").value());
    }

    @Test
    @DisplayName("R-MON-1: Quantity and UnitPrice arithmetic is exact or AMOUNT_OVERFLOW; a negative price is INVALID_AMOUNT")
    void quantityAndPrice_overflowIsTyped() {
        assertCode(CoreErrorCode.AMOUNT_OVERFLOW, () -> Quantity.of(Long.MAX_VALUE / 1000));
        assertCode(CoreErrorCode.AMOUNT_OVERFLOW, () -> new Quantity(Long.MAX_VALUE).plus(new Quantity(1)));
        assertCode(CoreErrorCode.AMOUNT_OVERFLOW, () -> new Quantity(Long.MIN_VALUE).negate());
        assertCode(CoreErrorCode.AMOUNT_OVERFLOW, () -> UnitPrice.ofFen(Long.MAX_VALUE));
        assertCode(CoreErrorCode.INVALID_AMOUNT, () -> UnitPrice.ofFen(-1));
        assertCode(CoreErrorCode.INVALID_AMOUNT, () -> new UnitPrice(-1));
        assertEquals(-20_000, Quantity.of(-2).tenThousandths());
    }

    @Test
    @DisplayName("R-MON-1: LineAmount at Long.MIN_VALUE is exact, not the wrapped 0 (issue 17)")
    void lineAmount_minValue_isExact() {
        // 2 × -9223372036854775808 / 10^8 = -184467440737.09551616 fen
        assertEquals(-184_467_440_737L, LineAmount.fen(2, Long.MIN_VALUE));
        assertEquals(-184_467_440_737L, LineAmount.fen(Long.MIN_VALUE, 2));
        // -92233720368.54775808, half up away from zero
        assertEquals(-92_233_720_369L, LineAmount.fen(1, Long.MIN_VALUE));
        assertCode(CoreErrorCode.AMOUNT_OVERFLOW, () -> LineAmount.fen(Long.MIN_VALUE, Long.MIN_VALUE));
    }

    private static void assertCode(CoreErrorCode code, org.junit.jupiter.api.function.Executable call) {
        WcsettleException e = assertThrows(WcsettleException.class, call);
        assertEquals(code, e.errorCode());
    }
}
