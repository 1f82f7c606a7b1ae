package io.wcsettle.core.payment;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

import io.wcsettle.core.prepayment.PaymentChain;

/**
 * Where a payment stands on the R-PRE-7 chain and what is due next: an outgoing payment goes
 * notified → submitted to finance → transferred → confirmed; an incoming one is confirmed on
 * receipt. Immutable.
 *
 * @param payment       the payment
 * @param submittedOn   when submitted to the finance department, or {@code null}
 * @param transferredOn when the finance department transferred it, or {@code null}
 * @param confirmedOn   when confirmed (the transaction date), or {@code null}
 */
public record PaymentProgress(Payment payment, LocalDate submittedOn, LocalDate transferredOn, LocalDate confirmedOn) {

    /** Rejects a null payment. */
    public PaymentProgress {
        Objects.requireNonNull(payment, "payment");
    }

    /** The last step reached. */
    public PaymentStep step() {
        return confirmedOn != null ? PaymentStep.CONFIRMED : transferredOn != null ? PaymentStep.TRANSFERRED
                : submittedOn != null ? PaymentStep.SUBMITTED : PaymentStep.NOTIFIED;
    }

    /**
     * R-PRE-7: the last day of the next step, or empty when confirmed. Outgoing: to finance 5
     * working days after the notice, transfer 10 after submission, feedback 5 after the transfer.
     * Incoming: the receipt is confirmed by the payment's own due date (R-CLR-4, R-PRE-4), else
     * without a chain deadline of its own (empty).
     *
     * @throws io.wcsettle.core.error.WcsettleException {@code CALENDAR_YEAR_UNKNOWN}
     */
    public Optional<LocalDate> nextDeadline(PaymentChain chain) {
        if (confirmedOn != null) {
            return Optional.empty();
        }
        if (payment.direction() == Direction.INCOMING) {
            return Optional.ofNullable(payment.dueBy());
        }
        LocalDate chainDay = switch (step()) {
            case NOTIFIED -> chain.toFinanceBy(payment.noticeOn());
            case SUBMITTED -> chain.transferBy(submittedOn);
            default -> chain.feedbackBy(transferredOn);
        };
        return Optional.of(payment.dueBy() == null || chainDay.isBefore(payment.dueBy()) ? chainDay : payment.dueBy());
    }

    /** Whether the next step is overdue on {@code today} (not yet on its last day). */
    public boolean overdue(PaymentChain chain, LocalDate today) {
        return nextDeadline(chain).map(today::isAfter).orElse(false);
    }
}
