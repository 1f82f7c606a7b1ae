package io.wcsettle.core.payment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.Optional;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import io.wcsettle.core.calendar.WorkingDayCalendar;
import io.wcsettle.core.error.InvalidInputException;
import io.wcsettle.core.ledger.Account;
import io.wcsettle.core.ledger.AccountKind;
import io.wcsettle.core.money.Fen;
import io.wcsettle.core.prepayment.PaymentChain;
import io.wcsettle.core.region.Admdvs;

class PaymentTest {

    static final Admdvs BJ = new Admdvs("110105");
    static final LocalDate NOTICE = LocalDate.of(2025, 9, 26);
    static final PaymentChain CHAIN = new PaymentChain(WorkingDayCalendar.chinaOfficial());

    static Payment payment(BusinessType t, Direction d, boolean refund) {
        return new Payment("P1", t, d, BJ, Fen.of(100), refund, NOTICE, null, "2025Q3");
    }

    @Test
    @DisplayName("R-PRE-8, R-PRE-9: each business type and direction books the accounts IM Art. 29 names")
    void accounts() {
        Account bank = Account.of(AccountKind.BANK);
        Account sub = Account.prepaymentAdvanced(BJ);
        Account received = Account.of(AccountKind.FUNDS_RECEIVED);
        Account clearing = Account.of(AccountKind.CLEARING_COLLECTED);
        Payment p = payment(BusinessType.PREPAYMENT, Direction.OUTGOING, false);
        assertEquals(sub, p.debit());
        assertEquals(bank, p.credit());
        p = payment(BusinessType.PREPAYMENT, Direction.INCOMING, true);
        assertEquals(bank, p.debit());
        assertEquals(sub, p.credit(), "a refund comes back from the counterpart's sub-account");
        p = payment(BusinessType.PREPAYMENT, Direction.INCOMING, false);
        assertEquals(received, p.credit());
        p = payment(BusinessType.PREPAYMENT, Direction.OUTGOING, true);
        assertEquals(received, p.debit(), "the treatment side refunds from the funds received");
        p = payment(BusinessType.CLEARING_FUNDS, Direction.OUTGOING, false);
        assertEquals(clearing, p.debit());
        p = payment(BusinessType.CLEARING_FUNDS, Direction.INCOMING, false);
        assertEquals(received, p.credit());
        assertEquals("refund", assertThrows(InvalidInputException.class,
                () -> payment(BusinessType.CLEARING_FUNDS, Direction.OUTGOING, true)).field());
        assertEquals("预付金", BusinessType.PREPAYMENT.title());
    }

    @Test
    @DisplayName("R-PRE-7: 5 working days to finance, 10 to transfer, 5 to feedback; the rule's own due date caps them")
    void chain() {
        Payment p = payment(BusinessType.CLEARING_FUNDS, Direction.OUTGOING, false);
        PaymentProgress notified = new PaymentProgress(p, null, null, null);
        // 2025-09-26 (Fri) + 5 working days: Sep 28 (Sun) is a make-up working day, Oct 1-8 holidays
        assertEquals(Optional.of(CHAIN.toFinanceBy(NOTICE)), notified.nextDeadline(CHAIN));
        assertEquals(PaymentStep.NOTIFIED, notified.step());
        PaymentProgress submitted = new PaymentProgress(p, LocalDate.of(2025, 10, 9), null, null);
        assertEquals(Optional.of(CHAIN.transferBy(LocalDate.of(2025, 10, 9))), submitted.nextDeadline(CHAIN));
        PaymentProgress transferred = new PaymentProgress(p, LocalDate.of(2025, 10, 9), LocalDate.of(2025, 10, 20), null);
        LocalDate feedback = CHAIN.feedbackBy(LocalDate.of(2025, 10, 20));
        assertEquals(Optional.of(feedback), transferred.nextDeadline(CHAIN));
        assertEquals(false, transferred.overdue(CHAIN, feedback));
        assertEquals(true, transferred.overdue(CHAIN, feedback.plusDays(1)));
        assertEquals(Optional.empty(), new PaymentProgress(p, null, null, LocalDate.of(2025, 10, 21)).nextDeadline(CHAIN));
        Payment capped = new Payment("P2", BusinessType.CLEARING_FUNDS, Direction.OUTGOING, BJ, Fen.of(1), false, NOTICE,
                LocalDate.of(2025, 9, 30), "");
        assertEquals(Optional.of(LocalDate.of(2025, 9, 30)), new PaymentProgress(capped, null, null, null).nextDeadline(CHAIN));
        Payment incoming = new Payment("P3", BusinessType.CLEARING_FUNDS, Direction.INCOMING, BJ, Fen.of(1), false, NOTICE,
                LocalDate.of(2025, 11, 30), "");
        assertEquals(true, new PaymentProgress(incoming, null, null, null).overdue(CHAIN, LocalDate.of(2025, 12, 1)));
    }
}
