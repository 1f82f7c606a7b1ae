package io.wcsettle.core.followup;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * One state change of a work order, delivered to every registered {@link WorkOrderListener}
 * (R-AUTO-2: each change notifiable to the worker).
 *
 * @param orderId the work order
 * @param from    the state before; empty for the creation event
 * @param to      the state after
 * @param on      the business date of the change (injected, never read from a clock here)
 * @param reason  the rejection reason, empty otherwise
 */
public record WorkOrderEvent(String orderId, Optional<WorkOrderState> from, WorkOrderState to, LocalDate on,
                             Optional<String> reason) {

    /** Rejects nulls. */
    public WorkOrderEvent {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(on, "on");
        Objects.requireNonNull(reason, "reason");
    }
}
