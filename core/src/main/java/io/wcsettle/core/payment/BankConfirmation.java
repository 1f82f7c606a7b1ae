package io.wcsettle.core.payment;

import java.time.LocalDate;
import java.util.Objects;

import io.wcsettle.core.error.CoreErrorCode;
import io.wcsettle.core.error.InvalidInputException;
import io.wcsettle.core.money.Fen;

/**
 * R-PRE-9 (IM Art. 24): the confirmation of a transfer with the paying bank's type, the
 * transaction serial number and the transaction date, as fed back into the national system. The
 * ledger posts from it, once.
 *
 * @param paymentId       the payment confirmed
 * @param bankType        付款银行类别 (1..40 characters)
 * @param serialNumber    交易流水号 (1..64 characters); one serial confirms one payment
 * @param transactionDate 交易日期, the booking date
 * @param amount          the amount transferred, positive, at most the payment's
 */
public record BankConfirmation(String paymentId, String bankType, String serialNumber, LocalDate transactionDate,
        Fen amount) {

    /** @throws InvalidInputException {@code INVALID_INPUT}, {@code INVALID_AMOUNT} */
    public BankConfirmation {
        Objects.requireNonNull(paymentId, "paymentId");
        if (bankType == null || bankType.isBlank() || bankType.length() > 40) {
            throw new InvalidInputException(CoreErrorCode.INVALID_INPUT, "bankType", "1..40 characters required");
        }
        if (serialNumber == null || serialNumber.isBlank() || serialNumber.length() > 64) {
            throw new InvalidInputException(CoreErrorCode.INVALID_INPUT, "serialNumber", "1..64 characters required");
        }
        Objects.requireNonNull(transactionDate, "transactionDate");
        if (amount == null || amount.isNegative() || amount.isZero()) {
            throw new InvalidInputException(CoreErrorCode.INVALID_AMOUNT, "amount", "must be positive");
        }
    }
}
