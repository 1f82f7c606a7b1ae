package io.wcsettle.spring.boot.metrics;

import java.time.Duration;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.wcsettle.his.session.StepListener;
import io.wcsettle.his.session.StepOutcome;

/**
 * Records every session step: the timer {@code wcsettle.step} and the counter
 * {@code wcsettle.step.outcomes}, both tagged {@code step} ({@code person}, {@code admission} …),
 * {@code infno} ({@code 1101} …) and {@code outcome} ({@code answered}, {@code refused},
 * {@code not_delivered}, {@code unknown}). Tags are bounded: no visit id, msgid or person.
 */
public class MicrometerStepListener implements StepListener {

    /** Timer name: step latency. */
    public static final String STEP_TIMER = "wcsettle.step";
    /** Counter name: step outcomes. */
    public static final String OUTCOME_COUNTER = "wcsettle.step.outcomes";

    private final MeterRegistry registry;

    /** @param registry where the meters go */
    public MicrometerStepListener(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void stepEnded(String step, String infno, StepOutcome<?> outcome, Duration elapsed) {
        String o = outcomeTag(outcome);
        Timer.builder(STEP_TIMER).description("Duration of a HIS session step, every attempt and resolution included")
                .tag("step", step).tag("infno", infno).tag("outcome", o)
                .register(registry).record(elapsed);
        Counter.builder(OUTCOME_COUNTER).description("HIS session steps by outcome")
                .tag("step", step).tag("infno", infno).tag("outcome", o)
                .register(registry).increment();
    }

    /** The {@code outcome} tag of {@code outcome}. */
    static String outcomeTag(StepOutcome<?> outcome) {
        if (outcome instanceof StepOutcome.Answered<?>) {
            return "answered";
        }
        if (outcome instanceof StepOutcome.Refused<?>) {
            return "refused";
        }
        if (outcome instanceof StepOutcome.NotDelivered<?>) {
            return "not_delivered";
        }
        return "unknown";
    }
}
