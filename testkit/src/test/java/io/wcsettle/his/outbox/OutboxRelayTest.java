package io.wcsettle.his.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.wcsettle.his.platform.PlatformFixture;
import io.wcsettle.testkit.platform.Fault;
import io.wcsettle.testkit.platform.SimulatedAdmission;

class OutboxRelayTest {

    @TempDir
    Path dir;
    private final PlatformFixture f = new PlatformFixture();
    private Outbox outbox;

    @AfterEach
    void close() {
        if (outbox != null) {
            outbox.close();
        }
        f.close();
    }

    private OutboxRelay relay() {
        outbox = Outbox.h2File(dir.resolve("outbox"), PlatformFixture.INSTITUTION, f.clock, OutboxFixtures.DEADLINES,
                PlatformFixture.OUTBOX_WORKSTATION);
        return new OutboxRelay(outbox, f.client().build(), f.signedHeader());
    }

    private List<SimulatedAdmission> admissionsOf(String key, boolean reversed) {
        return f.simulator.admissions().stream().filter(s -> s.iptNo().equals(key) && s.reversed() == reversed).toList();
    }

    @Test
    @DisplayName("R-UPL-4: an enqueued settlement is delivered under its stored msgid and ends DONE")
    void delivers() {
        OutboxRelay relay = relay();
        OutboxEntry e = outbox.enqueue(OutboxFixtures.settlement("B1", null));
        assertEquals(0, relay.runOnce());
        OutboxEntry done = outbox.find(e.msgid()).orElseThrow();
        assertEquals(OutboxState.DONE, done.state());
        assertEquals(e.msgid(), admissionsOf("B1", false).get(0).msgid());
    }

    @Test
    @DisplayName("R-UPL-4: a SENT entry found after a crash is resent under the same msgid; committed once")
    void resendAfterCrash_sameMsgid() {
        OutboxRelay relay = relay();
        OutboxEntry e = outbox.enqueue(OutboxFixtures.settlement("B1", null));
        outbox.markSent(e.msgid());
        f.simulator.faults().next(Fault.DROP_AFTER_COMMIT);
        relay.runOnce(); // first delivery committed, answer lost, retried under the same msgid
        outbox.close();
        relay = relay();
        outbox.enqueue(OutboxFixtures.settlement("B1", null));
        relay.runOnce();
        assertEquals(OutboxState.DONE, outbox.find(e.msgid()).orElseThrow().state());
        assertEquals(1, admissionsOf("B1", false).size());
        assertEquals(1, f.simulator.admissions().size());
    }

    @Test
    @DisplayName("R-UPL-4: committed but unanswered → UNKNOWN → 2601 (infcode 0, no output) reverses it → redone once under a new msgid")
    void unknownCommitted_isReversed() {
        OutboxRelay relay = relay();
        for (int i = 0; i < 40; i++) {
            f.simulator.faults().next(Fault.DROP_AFTER_COMMIT);
        }
        OutboxEntry e = outbox.enqueue(OutboxFixtures.settlement("B1", null));
        relay.runOnce();
        assertEquals(OutboxState.UNKNOWN, outbox.find(e.msgid()).orElseThrow().state());
        f.simulator.faults().clear();
        assertEquals(0, relay.runOnce());
        OutboxEntry r = outbox.find(e.msgid()).orElseThrow();
        assertEquals(OutboxState.REVERSED, r.state());
        assertEquals("REVERSED", r.reversalResult());
        OutboxEntry redo = outbox.latest("B1").orElseThrow();
        assertEquals(OutboxState.DONE, redo.state(), "the platform holds nothing of the original: the admission is redone");
        assertEquals(1, admissionsOf("B1", false).size());
        assertEquals(redo.msgid(), admissionsOf("B1", false).get(0).msgid());
        assertEquals(1, admissionsOf("B1", true).size());
    }

    @Test
    @DisplayName("R-UPL-4: never committed → UNKNOWN → 2601 confirms (tombstone) → redo under a new msgid; the late original is refused")
    void unknownNeverCommitted_isRedone() throws Exception {
        OutboxRelay relay = relay();
        f.simulator.faults().delay(Duration.ofMillis(2500));
        for (int i = 0; i < 14; i++) {
            f.simulator.faults().next(Fault.DELAY);
        }
        OutboxEntry e = outbox.enqueue(OutboxFixtures.settlement("B1", null));
        relay.runOnce();
        assertEquals(OutboxState.UNKNOWN, outbox.find(e.msgid()).orElseThrow().state());
        f.simulator.faults().clear();
        relay.runOnce(); // 2601 finds nothing: tombstone, redo generation 2
        relay.runOnce();
        OutboxEntry redo = outbox.latest("B1").orElseThrow();
        assertNotEquals(e.msgid(), redo.msgid());
        assertEquals(OutboxState.DONE, redo.state());
        Thread.sleep(2600); // the delayed originals now reach the platform
        List<SimulatedAdmission> active = admissionsOf("B1", false);
        assertEquals(1, active.size());
        assertEquals(redo.msgid(), active.get(0).msgid());
        assertEquals(1, f.simulator.admissions().size());
    }
}
