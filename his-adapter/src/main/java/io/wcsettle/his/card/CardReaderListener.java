package io.wcsettle.his.card;

/** Receives {@link CardReaderEvent}s from a {@link CardReaderMonitor}, on the monitor's executor thread. */
@FunctionalInterface
public interface CardReaderListener {

    /**
     * One event. Should return quickly; an exception is logged and does not stop the monitor.
     *
     * @param event what happened
     */
    void onEvent(CardReaderEvent event);
}
