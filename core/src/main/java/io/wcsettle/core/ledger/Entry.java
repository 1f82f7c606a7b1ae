package io.wcsettle.core.ledger;

import java.util.Objects;

import io.wcsettle.core.error.CoreErrorCode;
import io.wcsettle.core.error.InvalidInputException;
import io.wcsettle.core.money.Fen;

/**
 * One line of a posting.
 *
 * @param account the account
 * @param side    debit or credit
 * @param amount  positive amount
 */
public record Entry(Account account, Side side, Fen amount) {

    /** @throws InvalidInputException {@code INVALID_AMOUNT} unless the amount is positive */
    public Entry {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(side, "side");
        if (amount == null || amount.isNegative() || amount.isZero()) {
            throw new InvalidInputException(CoreErrorCode.INVALID_AMOUNT, "amount", "must be positive");
        }
    }

    /** A debit of {@code amount} to {@code account}. */
    public static Entry debit(Account account, Fen amount) {
        return new Entry(account, Side.DEBIT, amount);
    }

    /** A credit of {@code amount} to {@code account}. */
    public static Entry credit(Account account, Fen amount) {
        return new Entry(account, Side.CREDIT, amount);
    }

    /** The signed effect on the account's balance (debit positive). */
    Fen signed() {
        return side == Side.DEBIT ? amount : amount.negate();
    }
}
