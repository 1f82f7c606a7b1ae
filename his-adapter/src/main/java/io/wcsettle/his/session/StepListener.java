package io.wcsettle.his.session;

import java.time.Duration;

/**
 * Observes the platform steps a {@link HisSession} runs, for metrics: called once per step, after
 * its outcome is known, on the thread that ran the step. It learns the kind of step and the
 * transaction, never the visit id, the payload or the answer. A listener must be quick and must
 * not throw; one that throws is logged at WARN (its exception class only) and the step's outcome is
 * returned all the same.
 */
@FunctionalInterface
public interface StepListener {

    /**
     * One step ended.
     *
     * @param step    the kind of step: the business key's first part ({@code person}, {@code admission},
     *                {@code fees}, {@code feecancel}, {@code discharge}, {@code presettle},
     *                {@code settlement}, {@code cancel}), or {@code signin} / {@code signout}
     * @param infno   the transaction ({@code 1101}, {@code 2401} …)
     * @param outcome what the step came to ({@link StepOutcome.Answered}, {@link StepOutcome.Refused},
     *                {@link StepOutcome.NotDelivered}, {@link StepOutcome.Unknown})
     * @param elapsed wall time of the step: every attempt, backoff and resolution round; near zero
     *                when a stored answer was returned without sending
     */
    void stepEnded(String step, String infno, StepOutcome<?> outcome, Duration elapsed);

    /** A listener that does nothing (the default). */
    static StepListener none() {
        return (step, infno, outcome, elapsed) -> { };
    }
}
