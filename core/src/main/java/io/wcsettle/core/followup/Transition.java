package io.wcsettle.core.followup;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The result of asking a work order to move: accepted with the new order and its event, or refused
 * with the reason (R-AUTO-2; R-UPL-3 for a duplicate). A refusal changes nothing and notifies no one.
 *
 * @param order      the order after the request (unchanged when refused)
 * @param event      the event when accepted
 * @param refusal    the reason when refused
 * @param duplicates for {@link FollowUpRefusal#DUPLICATE_CLAIM}, the indexes of the records the claim
 *                   duplicates (R-UPL-3); empty otherwise
 */
public record Transition(WorkOrder order, Optional<WorkOrderEvent> event, Optional<FollowUpRefusal> refusal,
                         List<Integer> duplicates) {

    /** Rejects nulls; copies the list. */
    public Transition {
        Objects.requireNonNull(order, "order");
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(refusal, "refusal");
        duplicates = List.copyOf(duplicates);
        if (event.isPresent() == refusal.isPresent()) {
            throw new IllegalArgumentException("a transition is either accepted with an event or refused with a reason");
        }
    }

    /** Whether the move happened. */
    public boolean accepted() {
        return event.isPresent();
    }
}
