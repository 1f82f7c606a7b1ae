package io.wcsettle.core.ledger;

import java.time.LocalDate;
import java.util.Objects;

import io.wcsettle.core.error.CoreErrorCode;
import io.wcsettle.core.error.InvalidInputException;
import io.wcsettle.core.money.Fen;

/**
 * A two-phase transfer (R-PRE-8, after TigerBeetle's pending transfers): the amount is reserved
 * when a payment is initiated and becomes a posting only when the payment is confirmed
 * ({@link BookOfRecord#postPending}), or is released ({@link BookOfRecord#voidPending}). While
 * pending it moves no posted balance, only the pending balances of its two accounts.
 *
 * @param idempotencyKey the caller's key for the reservation
 * @param bookedOn       reservation date
 * @param memo           free text, no personal data; the posting made from it carries it too
 * @param debit          the account to debit when posted
 * @param credit         the account to credit when posted
 * @param amount         the reserved amount, positive
 */
public record PendingTransfer(String idempotencyKey, LocalDate bookedOn, String memo, Account debit,
        Account credit, Fen amount) {

    /** @throws InvalidInputException {@code INVALID_INPUT} for a blank key or equal accounts, {@code INVALID_AMOUNT} */
    public PendingTransfer {
        if (idempotencyKey == null || idempotencyKey.isBlank()) {
            throw new InvalidInputException(CoreErrorCode.INVALID_INPUT, "idempotencyKey", "required");
        }
        Objects.requireNonNull(bookedOn, "bookedOn");
        Objects.requireNonNull(debit, "debit");
        Objects.requireNonNull(credit, "credit");
        memo = memo == null ? "" : memo;
        if (debit.equals(credit)) {
            throw new InvalidInputException(CoreErrorCode.INVALID_INPUT, "credit", "same account as debit");
        }
        if (amount == null || amount.isNegative() || amount.isZero()) {
            throw new InvalidInputException(CoreErrorCode.INVALID_AMOUNT, "amount", "must be positive");
        }
    }

    /** The posting this reservation becomes when posted for {@code posted} under {@code key}. */
    public Posting posting(String key, LocalDate postedOn, Fen posted) {
        return Posting.transfer(key, postedOn, memo, debit, credit, posted);
    }
}
