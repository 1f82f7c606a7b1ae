package io.wcsettle.core.followup;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;

import io.wcsettle.core.error.CoreErrorCode;
import io.wcsettle.core.error.InvalidInputException;
import io.wcsettle.core.money.Fen;
import io.wcsettle.core.region.Admdvs;

/**
 * R-AUTO-1, R-AUTO-2 (004 "免申即享"): raises a work order from a settlement's outside-direct-settlement
 * amount and moves it through its states, delivering every event to the registered listeners.
 * Stateless apart from the listeners; thread-safe.
 */
public final class FollowUpDesk {

    private final List<WorkOrderListener> listeners = new CopyOnWriteArrayList<>();
    private final BiConsumer<WorkOrderEvent, RuntimeException> listenerFailed;

    /**
     * A desk that hands a listener's failure to {@code listenerFailed} (e.g. to log it at WARN)
     * and goes on with the other listeners; the transition stands.
     */
    public FollowUpDesk(BiConsumer<WorkOrderEvent, RuntimeException> listenerFailed) {
        this.listenerFailed = Objects.requireNonNull(listenerFailed, "listenerFailed");
    }

    /** Registers a listener for every future event. */
    public void register(WorkOrderListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /**
     * R-AUTO-1: raises the claim for the insured place when a settled bill has costs outside
     * direct settlement; empty when the outside amount is zero. The order id is derived from the
     * settlement id, so raising twice for one settlement yields the same order.
     *
     * @throws InvalidInputException {@code INVALID_AMOUNT} for a negative amount, {@code INVALID_INPUT} for a blank id
     */
    public Optional<WorkOrder> raise(String settlementId, String workerId, Admdvs insuredAdmdvs,
                                     Fen outsideDirectSettlement, LocalDate settledOn) {
        if (settlementId == null || settlementId.isBlank()) {
            throw new InvalidInputException(CoreErrorCode.INVALID_INPUT, "settlementId", "missing");
        }
        if (workerId == null || workerId.isBlank()) {
            throw new InvalidInputException(CoreErrorCode.INVALID_INPUT, "workerId", "missing");
        }
        if (outsideDirectSettlement.isNegative()) {
            throw new InvalidInputException(CoreErrorCode.INVALID_AMOUNT, "outsideDirectSettlement", "negative");
        }
        if (outsideDirectSettlement.isZero()) {
            return Optional.empty();
        }
        WorkOrderEvent created = new WorkOrderEvent("WO-" + settlementId, Optional.empty(), WorkOrderState.CREATED,
                settledOn, Optional.empty());
        WorkOrder order = new WorkOrder(created.orderId(), settlementId, workerId, insuredAdmdvs,
                outsideDirectSettlement, List.of(created));
        publish(created);
        return Optional.of(order);
    }

    /** CREATED → REVIEWED. */
    public Transition review(WorkOrder order, LocalDate on) {
        return move(order, WorkOrderState.REVIEWED, on, Optional.empty());
    }

    /** REVIEWED → APPROVED. */
    public Transition approve(WorkOrder order, LocalDate on) {
        return move(order, WorkOrderState.APPROVED, on, Optional.empty());
    }

    /** APPROVED → PAID. */
    public Transition pay(WorkOrder order, LocalDate on) {
        return move(order, WorkOrderState.PAID, on, Optional.empty());
    }

    /**
     * Any non-final state → REJECTED, with a reason.
     *
     * @throws InvalidInputException {@code INVALID_INPUT} for a blank reason
     */
    public Transition reject(WorkOrder order, LocalDate on, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException(CoreErrorCode.INVALID_INPUT, "reason", "a rejection needs a reason");
        }
        return move(order, WorkOrderState.REJECTED, on, Optional.of(reason));
    }

    private Transition move(WorkOrder order, WorkOrderState to, LocalDate on, Optional<String> reason) {
        Objects.requireNonNull(on, "on");
        WorkOrderState from = order.state();
        if (!from.next().contains(to)) {
            return new Transition(order, Optional.empty(), false);
        }
        WorkOrderEvent event = new WorkOrderEvent(order.id(), Optional.of(from), to, on, reason);
        List<WorkOrderEvent> history = new java.util.ArrayList<>(order.history());
        history.add(event);
        WorkOrder next = new WorkOrder(order.id(), order.settlementId(), order.workerId(), order.insuredAdmdvs(),
                order.amount(), history);
        publish(event);
        return new Transition(next, Optional.of(event), true);
    }

    private void publish(WorkOrderEvent event) {
        for (WorkOrderListener l : listeners) {
            try {
                l.onEvent(event);
            } catch (RuntimeException e) {
                // a failing listener (e.g. an SMS gateway) must not undo the transition or starve the others
                listenerFailed.accept(event, e);
            }
        }
    }
}
