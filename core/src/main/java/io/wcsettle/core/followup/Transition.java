package io.wcsettle.core.followup;

import java.util.Optional;

/**
 * The result of asking a work order to move: accepted with the new order and its event, or
 * refused because the move is not allowed from the current state (R-AUTO-2). A refusal changes
 * nothing and notifies no one.
 *
 * @param order    the order after the request (unchanged when refused)
 * @param event    the event when accepted
 * @param accepted whether the move happened
 */
public record Transition(WorkOrder order, Optional<WorkOrderEvent> event, boolean accepted) {
}
