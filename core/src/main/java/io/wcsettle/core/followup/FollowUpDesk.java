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
import io.wcsettle.core.upload.CostRecord;
import io.wcsettle.core.upload.ManualClaimCheck;

/**
 * R-AUTO-1, R-AUTO-2 (004 "免申即享"): raises work orders from the claims a settlement gives
 * ({@link FollowUpClaims#derive}) and moves them through their states in a {@link WorkOrderStore},
 * delivering every event to the registered listeners.
 *
 * <ul>
 * <li>{@link #raise(FollowUpClaim)} is idempotent: the order id derives from the settlement, and a
 *     claim raised again returns the stored order without a second event.</li>
 * <li>{@link #approve(WorkOrder, LocalDate, Fen)} carries the amount the insured agency approves by
 *     its standard.</li>
 * <li>{@link #pay(WorkOrder, LocalDate, List)} runs the duplicate check of R-UPL-3 first: a claim
 *     that duplicates costs already paid or settled directly is refused, nothing is paid.</li>
 * </ul>
 * Thread-safe when the store is.
 */
public final class FollowUpDesk {

    private final WorkOrderStore store;
    private final List<WorkOrderListener> listeners = new CopyOnWriteArrayList<>();
    private final BiConsumer<WorkOrderEvent, RuntimeException> listenerFailed;

    /**
     * A desk over {@code store} that hands a listener's failure to {@code listenerFailed} (e.g. to
     * log it at WARN) and goes on with the other listeners; the transition stands.
     */
    public FollowUpDesk(WorkOrderStore store, BiConsumer<WorkOrderEvent, RuntimeException> listenerFailed) {
        this.store = Objects.requireNonNull(store, "store");
        this.listenerFailed = Objects.requireNonNull(listenerFailed, "listenerFailed");
    }

    /** Registers a listener for every future event. */
    public void register(WorkOrderListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /**
     * R-AUTO-1: the work order of {@code claim}, created (and announced) the first time, found the
     * next times.
     */
    public WorkOrder raise(FollowUpClaim claim) {
        Objects.requireNonNull(claim, "claim");
        Optional<WorkOrder> existing = store.find(claim.orderId());
        if (existing.isPresent()) {
            return existing.get();
        }
        WorkOrderEvent created = new WorkOrderEvent(claim.orderId(), Optional.empty(), WorkOrderState.CREATED,
                claim.raisedOn(), Optional.empty());
        WorkOrder order = new WorkOrder(claim, Optional.empty(), List.of(created));
        if (!store.insert(order)) {
            return store.find(claim.orderId()).orElseThrow(); // raised concurrently: that one stands
        }
        publish(created);
        return order;
    }

    /** Every claim of {@code claims} raised, in order (see {@link #raise(FollowUpClaim)}). */
    public List<WorkOrder> raiseAll(List<FollowUpClaim> claims) {
        return claims.stream().map(this::raise).toList();
    }

    /** CREATED → REVIEWED. */
    public Transition review(WorkOrder order, LocalDate on) {
        return move(order, WorkOrderState.REVIEWED, on, Optional.empty(), order.approvedAmount());
    }

    /**
     * REVIEWED → APPROVED with the amount the insured agency approves by its standard (R-AUTO-1),
     * e.g. the computed meal allowance, or the transport costs it accepts.
     *
     * @throws InvalidInputException {@code INVALID_AMOUNT} for an amount that is not positive
     *                               (reject the order instead)
     */
    public Transition approve(WorkOrder order, LocalDate on, Fen approvedAmount) {
        Objects.requireNonNull(approvedAmount, "approvedAmount");
        if (approvedAmount.isNegative() || approvedAmount.isZero()) {
            throw new InvalidInputException(CoreErrorCode.INVALID_AMOUNT, "approvedAmount",
                    "an approval needs a positive amount; reject the order instead");
        }
        return move(order, WorkOrderState.APPROVED, on, Optional.empty(), Optional.of(approvedAmount));
    }

    /**
     * APPROVED → PAID, after the duplicate check of R-UPL-3 (IM Art. 37): when the claim's stay
     * duplicates one of {@code paidOrSettled} (same worker, and a shared invoice or the same
     * institution with overlapping dates), the payment is refused with
     * {@link FollowUpRefusal#DUPLICATE_CLAIM} and the matching indexes.
     *
     * @param paidOrSettled what the insured place already paid or settled directly for this kind of
     *                      cost: for a manual claim, the directly settled stays; for a meal allowance
     *                      or transport claim, the earlier payments of the same benefit
     */
    public Transition pay(WorkOrder order, LocalDate on, List<CostRecord> paidOrSettled) {
        Objects.requireNonNull(paidOrSettled, "paidOrSettled");
        if (order.state() == WorkOrderState.APPROVED) {
            ManualClaimCheck.Finding f = ManualClaimCheck.check(paidOrSettled, order.claim().costRecord());
            if (f.duplicate()) {
                return refused(order, FollowUpRefusal.DUPLICATE_CLAIM, f.matches());
            }
        }
        return move(order, WorkOrderState.PAID, on, Optional.empty(), order.approvedAmount());
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
        return move(order, WorkOrderState.REJECTED, on, Optional.of(reason), order.approvedAmount());
    }

    private Transition move(WorkOrder order, WorkOrderState to, LocalDate on, Optional<String> reason,
                            Optional<Fen> approved) {
        Objects.requireNonNull(order, "order");
        Objects.requireNonNull(on, "on");
        WorkOrderState from = order.state();
        if (!from.next().contains(to)) {
            return refused(order, FollowUpRefusal.ILLEGAL_MOVE, List.of());
        }
        WorkOrderEvent event = new WorkOrderEvent(order.id(), Optional.of(from), to, on, reason);
        WorkOrder next = order.next(event, approved);
        if (!store.update(order, next)) {
            return refused(store.find(order.id()).orElse(order), FollowUpRefusal.STALE_ORDER, List.of());
        }
        publish(event);
        return new Transition(next, Optional.of(event), Optional.empty(), List.of());
    }

    private static Transition refused(WorkOrder order, FollowUpRefusal why, List<Integer> duplicates) {
        return new Transition(order, Optional.empty(), Optional.of(why), duplicates);
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
