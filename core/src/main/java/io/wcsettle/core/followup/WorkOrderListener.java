package io.wcsettle.core.followup;

/**
 * Receives every work-order event (R-AUTO-1, R-AUTO-2), e.g. an SMS notifier or a
 * medical-assistance programme (004). Called synchronously, in registration order; a listener
 * that throws does not undo the transition and does not stop the other listeners.
 */
@FunctionalInterface
public interface WorkOrderListener {

    /** One state change. */
    void onEvent(WorkOrderEvent event);
}
