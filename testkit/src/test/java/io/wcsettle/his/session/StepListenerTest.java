package io.wcsettle.his.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.wcsettle.core.settlement.BillLine;

/** The session's step listener: told of every step's kind, infno and outcome; never of visit ids; never in the way. */
class StepListenerTest {

    @TempDir
    Path dir;

    final World world = new World();

    @AfterEach
    void stop() {
        world.close();
    }

    record Seen(String step, String infno, String outcome) {
    }

    @Test
    @DisplayName("a full discharge tells the listener signin 9001, person 1101, admission 2401, fees 2301, presettle 2303, settlement 2304 — answered, no visit id")
    void everyStepIsObserved() {
        List<Seen> seen = new ArrayList<>();
        try (HisSession s = world.session(dir.resolve("o")).stepListener((step, infno, outcome, elapsed) -> {
            assertFalse(elapsed.isNegative());
            seen.add(new Seen(step, infno, outcome.getClass().getSimpleName()));
        }).build()) {
            Visit v = s.open("V1", World.credential()).orElseThrow();
            v.admit(world.admission()).orElseThrow();
            List<BillLine> lines = world.lines();
            v.uploadFees(World.fees(lines)).orElseThrow();
            v.settle(world.bill(v, lines)).orElseThrow();
            assertEquals(List.of(new Seen("signin", "9001", "Answered"), new Seen("person", "1101", "Answered"),
                    new Seen("admission", "2401", "Answered")), seen.subList(0, 3));
            assertTrue(seen.contains(new Seen("fees", "2301", "Answered")), seen.toString());
            assertTrue(seen.contains(new Seen("presettle", "2303", "Answered")), seen.toString());
            assertEquals(new Seen("settlement", "2304", "Answered"), seen.get(seen.size() - 1));
            assertTrue(seen.stream().noneMatch(x -> x.step().contains("V1")), "kinds only, never the visit id");
        }
    }

    @Test
    @DisplayName("a listener that throws changes nothing: the step's outcome is returned; an undelivered step is reported NotDelivered")
    void throwingListenerIsHarmless() {
        List<StepOutcome<?>> outcomes = new ArrayList<>();
        try (HisSession s = world.session(dir.resolve("o")).stepListener((step, infno, outcome, elapsed) -> {
            outcomes.add(outcome);
            throw new IllegalStateException("metrics backend down");
        }).build()) {
            assertTrue(s.open("V1", World.credential()).answered());
            world.simulator.close();
            StepOutcome<Visit> o = s.open("V2", World.credential());
            assertInstanceOf(StepOutcome.NotDelivered.class, o);
            assertInstanceOf(StepOutcome.NotDelivered.class, outcomes.get(outcomes.size() - 1));
        }
    }
}
