package io.wcsettle.spring.boot;

import java.time.Duration;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.wcsettle.his.session.StepListener;
import io.wcsettle.his.session.StepOutcome;

/** Tells every {@link StepListener} bean of the application, each on its own: one that throws does not silence the others. */
final class StepListeners implements StepListener {

    private static final Logger LOG = LoggerFactory.getLogger(StepListeners.class);

    private final List<StepListener> listeners;

    StepListeners(List<StepListener> listeners) {
        this.listeners = List.copyOf(listeners);
    }

    @Override
    public void stepEnded(String step, String infno, StepOutcome<?> outcome, Duration elapsed) {
        for (StepListener l : listeners) {
            try {
                l.stepEnded(step, infno, outcome, elapsed);
            } catch (RuntimeException e) {
                LOG.warn("step listener failed [listener={}, step={}, cause={}]", l.getClass().getSimpleName(), step,
                        e.getClass().getSimpleName());
            }
        }
    }
}
