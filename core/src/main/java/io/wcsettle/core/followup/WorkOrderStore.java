package io.wcsettle.core.followup;

import java.util.Optional;

/**
 * Where work orders live (a port): the HIS or agency keeps them in its own durable store, so raising
 * an order for a settlement twice — a retry, a restart — finds the first and notifies no one again
 * (R-AUTO-1 idempotent). {@link InMemoryWorkOrderStore} is the in-process implementation for tests
 * and single-process tools. Implementations are thread-safe.
 */
public interface WorkOrderStore {

    /** The order with this id. */
    Optional<WorkOrder> find(String orderId);

    /** Stores a new order; {@code false} (and nothing changed) when one with its id exists. */
    boolean insert(WorkOrder order);

    /**
     * Replaces {@code previous} by {@code next} (same id, one more event) only if the stored order is
     * still {@code previous}; {@code false} when it changed meanwhile.
     */
    boolean update(WorkOrder previous, WorkOrder next);
}
