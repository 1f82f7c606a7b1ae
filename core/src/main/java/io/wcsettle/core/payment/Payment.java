package io.wcsettle.core.payment;

import java.time.LocalDate;
import java.util.Objects;

import io.wcsettle.core.error.CoreErrorCode;
import io.wcsettle.core.error.InvalidInputException;
import io.wcsettle.core.ledger.Account;
import io.wcsettle.core.ledger.AccountKind;
import io.wcsettle.core.money.Fen;
import io.wcsettle.core.region.Admdvs;

/**
 * A payment or receipt notice this agency acts on (R-PRE-9, IM Art. 23–24, 41): a transfer of a
 * named business type to or from a counterpart province.
 *
 * @param paymentId    the notice's id (1..64 characters)
 * @param type         预付金 or 清算资金
 * @param direction    paid or received by this agency
 * @param counterpart  the other province
 * @param amount       positive
 * @param refund       R-PRE-4: a prepayment refund after a lowered quota (marked {@code *} on the notices)
 * @param noticeOn     the day the notice reached this agency; the R-PRE-7 chain runs from it
 * @param dueBy        the rule's own last day (R-CLR-4 for clearing funds, R-PRE-4 end of February, R-PRE-7
 *                     before the next clearing for a top-up), or {@code null}
 * @param purpose      what it pays, e.g. {@code 2025Q4} (no personal data)
 */
public record Payment(String paymentId, BusinessType type, Direction direction, Admdvs counterpart, Fen amount,
        boolean refund, LocalDate noticeOn, LocalDate dueBy, String purpose) {

    /** @throws InvalidInputException {@code INVALID_INPUT}, {@code INVALID_AMOUNT} */
    public Payment {
        if (paymentId == null || paymentId.isBlank() || paymentId.length() > 64) {
            throw new InvalidInputException(CoreErrorCode.INVALID_INPUT, "paymentId", "1..64 characters required");
        }
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(noticeOn, "noticeOn");
        counterpart = Objects.requireNonNull(counterpart, "counterpart").province();
        if (amount == null || amount.isNegative() || amount.isZero()) {
            throw new InvalidInputException(CoreErrorCode.INVALID_AMOUNT, "amount", "must be positive");
        }
        if (refund && type != BusinessType.PREPAYMENT) {
            throw new InvalidInputException(CoreErrorCode.INVALID_INPUT, "refund", "only prepayments are refunded (R-PRE-4)");
        }
        purpose = purpose == null ? "" : purpose;
    }

    /**
     * R-PRE-8 (IM Art. 29): the account debited when the transfer is booked. Insured side: a
     * prepayment paid is advanced to the counterpart's sub-account, its refund comes back from it;
     * clearing funds paid leave the clearing funds collected. Treatment side: prepayments and
     * clearing funds received go to 暂收款—异地就医资金, a refund paid leaves it.
     */
    public Account debit() {
        return direction == Direction.OUTGOING ? fundAccount() : Account.of(AccountKind.BANK);
    }

    /** R-PRE-8: the account credited when the transfer is booked (see {@link #debit()}). */
    public Account credit() {
        return direction == Direction.OUTGOING ? Account.of(AccountKind.BANK) : fundAccount();
    }

    private Account fundAccount() {
        if (type == BusinessType.CLEARING_FUNDS) {
            return Account.of(direction == Direction.OUTGOING ? AccountKind.CLEARING_COLLECTED : AccountKind.FUNDS_RECEIVED);
        }
        boolean insuredSide = (direction == Direction.OUTGOING) != refund;
        return insuredSide ? Account.prepaymentAdvanced(counterpart) : Account.of(AccountKind.FUNDS_RECEIVED);
    }
}
