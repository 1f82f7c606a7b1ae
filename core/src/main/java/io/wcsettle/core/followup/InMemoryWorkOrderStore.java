package io.wcsettle.core.followup;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * {@link WorkOrderStore} in a map: for tests, demos and single-process tools. It forgets everything
 * on restart; production keeps orders in its own durable store. Thread-safe.
 */
public final class InMemoryWorkOrderStore implements WorkOrderStore {

    private final ConcurrentMap<String, WorkOrder> orders = new ConcurrentHashMap<>();

    /** An empty store. */
    public InMemoryWorkOrderStore() {
    }

    @Override
    public Optional<WorkOrder> find(String orderId) {
        return Optional.ofNullable(orders.get(orderId));
    }

    @Override
    public boolean insert(WorkOrder order) {
        return orders.putIfAbsent(order.id(), order) == null;
    }

    @Override
    public boolean update(WorkOrder previous, WorkOrder next) {
        if (!previous.id().equals(next.id())) {
            throw new IllegalArgumentException("update changes the order id");
        }
        return orders.replace(previous.id(), previous, next);
    }

    /** Every stored order, in no particular order. */
    public List<WorkOrder> all() {
        return List.copyOf(orders.values());
    }
}
