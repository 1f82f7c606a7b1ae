package io.wcsettle.core.prepayment;

import java.time.LocalDate;
import java.util.Objects;

import io.wcsettle.core.calendar.WorkingDayCalendar;

/**
 * R-PRE-7 (IM Art. 23, 27, 28, 41): deadlines of the payment chain of prepayments, top-ups and
 * clearing funds. "Within n working days of D" is the n-th working day after D (R-CAL-2).
 * Immutable.
 */
public final class PaymentChain {

    /** Agency → finance department: 5 working days. */
    static final int TO_FINANCE = 5;
    /** Finance transfers: 10 working days. */
    static final int TRANSFER = 10;
    /** Feedback of the transfer: 5 working days. */
    static final int FEEDBACK = 5;

    private final WorkingDayCalendar calendar;

    /** Deadlines under {@code calendar}. */
    public PaymentChain(WorkingDayCalendar calendar) {
        this.calendar = Objects.requireNonNull(calendar, "calendar");
    }

    /** The agency submits the payment to the finance department by this date. */
    public LocalDate toFinanceBy(LocalDate agencyDecidedOn) {
        return calendar.addWorkingDays(agencyDecidedOn, TO_FINANCE);
    }

    /** The finance department transfers the funds by this date. */
    public LocalDate transferBy(LocalDate financeReceivedOn) {
        return calendar.addWorkingDays(financeReceivedOn, TRANSFER);
    }

    /** The receiving side gives feedback (receipt) by this date. */
    public LocalDate feedbackBy(LocalDate transferredOn) {
        return calendar.addWorkingDays(transferredOn, FEEDBACK);
    }

    /**
     * R-PRE-7 (IM Art. 27): a top-up is paid before the next clearing, i.e. no later than the day
     * before {@code nextClearingGeneratedOn}.
     */
    public static LocalDate topUpPaidBy(LocalDate nextClearingGeneratedOn) {
        return nextClearingGeneratedOn.minusDays(1);
    }
}
