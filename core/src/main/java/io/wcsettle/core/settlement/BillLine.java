package io.wcsettle.core.settlement;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import io.wcsettle.core.error.CoreErrorCode;
import io.wcsettle.core.error.Inputs;
import io.wcsettle.core.error.InvalidInputException;
import io.wcsettle.core.error.WcsettleException;
import io.wcsettle.core.money.Fen;
import io.wcsettle.core.money.LineAmount;
import io.wcsettle.core.money.Quantity;
import io.wcsettle.core.money.UnitPrice;

/**
 * One fee detail of a bill, as the national fee upload carries it (R-MON-1): price with up to 6
 * decimals, quantity with up to 4, amount in fen. A return line (退单, R-SET-12) has a negative
 * quantity and amount and names the earlier line it returns in {@code returnOf}.
 *
 * <p>Checked on construction, refused whole: a quantity is negative only on a return line
 * ({@code NEGATIVE_QUANTITY}) and a return line's quantity is negative ({@code INVALID_RETURN});
 * an amount is negative only on a return line ({@code INVALID_AMOUNT}); the amount is within
 * 1 fen of {@code round_half_up(price × quantity)} ({@code LINE_AMOUNT_MISMATCH}). Checks across
 * lines (ids, dates, originals) are {@link Bill}'s.
 *
 * @param id          line id, unique in the bill
 * @param code        catalogue code
 * @param category    what the line is
 * @param serviceDate the day of service, within the stay
 * @param price       unit price
 * @param quantity    quantity, negative only on a return line
 * @param amount      the amount (supplied or computed, see {@link #of})
 * @param flags       review findings (R-SET-5)
 * @param returnOf    for a return line, the id of the line it returns
 */
public record BillLine(String id, String code, LineCategory category, LocalDate serviceDate,
                       UnitPrice price, Quantity quantity, Fen amount, Set<ReviewFlag> flags,
                       Optional<String> returnOf) {

    /**
     * Validates the line on its own.
     *
     * @throws InvalidInputException {@code NEGATIVE_QUANTITY}, {@code INVALID_RETURN},
     *                               {@code INVALID_AMOUNT}, {@code LINE_AMOUNT_MISMATCH},
     *                               {@code AMOUNT_OVERFLOW} (price × quantity beyond a long of fen), or
     *                               {@code INVALID_INPUT} for a missing component or flag
     */
    public BillLine {
        Inputs.required(id, "lines[?].id");
        String at = "lines[" + id + "]";
        Inputs.required(code, at + ".code");
        Inputs.required(category, at + ".category");
        Inputs.required(serviceDate, at + ".serviceDate");
        Inputs.required(price, at + ".price");
        Inputs.required(quantity, at + ".quantity");
        Inputs.required(amount, at + ".amount");
        Inputs.required(returnOf, at + ".returnOf");
        flags = immutableFlags(flags, at + ".flags");
        if (returnOf.isEmpty()) {
            if (quantity.isNegative()) {
                throw new InvalidInputException(CoreErrorCode.NEGATIVE_QUANTITY, at + ".quantity",
                        "negative quantity on a line that returns nothing");
            }
            if (amount.isNegative()) {
                throw new InvalidInputException(CoreErrorCode.INVALID_AMOUNT, at + ".amount",
                        "negative amount on a line that returns nothing");
            }
        } else {
            if (!quantity.isNegative()) {
                throw new InvalidInputException(CoreErrorCode.INVALID_RETURN, at + ".quantity",
                        "a return line needs a negative quantity");
            }
            if (amount.value() > 0) {
                throw new InvalidInputException(CoreErrorCode.INVALID_AMOUNT, at + ".amount",
                        "a return line's amount is not positive");
            }
        }
        long computed;
        try {
            computed = LineAmount.fen(price.micros(), quantity.tenThousandths());
        } catch (WcsettleException e) {
            throw new InvalidInputException(CoreErrorCode.AMOUNT_OVERFLOW, at + ".amount",
                    "price × quantity overflows a long of fen");
        }
        // amount and computed have the same sign here, so the difference cannot overflow; it may be
        // Long.MIN_VALUE (amount MIN_VALUE, computed 0), whose Math.abs is negative: compare both ends
        long off = amount.value() - computed;
        if (off > 1 || off < -1) {
            throw new InvalidInputException(CoreErrorCode.LINE_AMOUNT_MISMATCH, at + ".amount",
                    "more than 1 fen off round_half_up(price × quantity)");
        }
    }

    /**
     * R-MON-1: a line whose amount is the one the HIS supplies (what the invoice shows), or, when
     * {@code suppliedAmount} is {@code null}, {@code round_half_up(price × quantity)}.
     *
     * @param returnOf the id of the returned line, or {@code null} for an ordinary line
     */
    public static BillLine of(String id, String code, LineCategory category, LocalDate serviceDate,
                              UnitPrice price, Quantity quantity, Fen suppliedAmount,
                              Collection<ReviewFlag> flags, String returnOf) {
        String at = "lines[" + id + "]";
        Fen amount = suppliedAmount;
        if (amount == null) {
            try {
                amount = LineAmount.of(Inputs.required(price, at + ".price"), Inputs.required(quantity, at + ".quantity"));
            } catch (InvalidInputException e) {
                throw e;
            } catch (WcsettleException e) {
                throw new InvalidInputException(CoreErrorCode.AMOUNT_OVERFLOW, at + ".amount",
                        "price × quantity overflows a long of fen");
            }
        }
        Set<ReviewFlag> flagSet = flags == null || flags.isEmpty()
                ? Set.of() : EnumSet.copyOf(Inputs.requiredElements(flags, at + ".flags"));
        return new BillLine(id, code, category, serviceDate, price, quantity, amount, flagSet,
                Optional.ofNullable(returnOf));
    }

    /** An ordinary line without review flags, amount computed. */
    public static BillLine of(String id, String code, LineCategory category, LocalDate serviceDate,
                              UnitPrice price, Quantity quantity) {
        return of(id, code, category, serviceDate, price, quantity, null, Set.of(), null);
    }

    /** Whether this line returns an earlier one (R-SET-12). */
    public boolean isReturn() {
        return returnOf.isPresent();
    }

    private static Set<ReviewFlag> immutableFlags(Set<ReviewFlag> flags, String field) {
        if (flags == null || flags.isEmpty()) {
            return Collections.unmodifiableSet(EnumSet.noneOf(ReviewFlag.class));
        }
        return Collections.unmodifiableSet(EnumSet.copyOf(Inputs.requiredElements(flags, field)));
    }
}
