package io.wcsettle.his.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.wcsettle.his.platform.Workstation;

/**
 * The library's one INFO line: {@link HisSession#resume()} says once, with counts, that it finished
 * what a crashed run left in flight, and names no person, visit or message.
 */
class ResumeLogTest {

    @TempDir
    Path dir;

    private final World world = new World();

    @AfterEach
    void stop() {
        world.close();
    }

    @Test
    @DisplayName("R-UPL-4: resume() at start-up logs one INFO line with the recovery's counts, no personal data; nothing when there is nothing to recover")
    void oneInfoLinePerRecovery() {
        try (HisSession s = world.session(dir.resolve("o"), PlatformClientFactory.down(world), Workstation.single()).build()) {
            assertInstanceOf(StepOutcome.NotDelivered.class, s.open("V30-0001", World.credential()));
            assertInstanceOf(StepOutcome.NotDelivered.class, s.open("V31-0002", World.credential()));
        }
        String log;
        try (HisSession s = world.session(dir.resolve("o")).build()) {
            log = captured(() -> s.resume());
            String again = captured(() -> s.resume());
            assertEquals(List.of(), infoLines(again), "nothing to recover: no INFO line");
        }
        List<String> info = infoLines(log);
        assertEquals(1, info.size(), log);
        assertEquals("outbox recovery finished [entries=2, done=2, refused=0, resolved=0, still_unknown=0, still_pending=0]",
                info.get(0).substring(info.get(0).indexOf("outbox recovery")));
        for (String personal : List.of(World.NAME, World.ID_NUMBER, World.PSN_NO, "V30-0001", "msgid=")) {
            assertFalse(info.get(0).contains(personal), "the INFO line names " + personal);
        }
    }

    private static List<String> infoLines(String log) {
        return log.lines().filter(l -> l.contains(" INFO ")).toList();
    }

    private static String captured(Supplier<Integer> run) {
        PrintStream original = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setErr(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            assertEquals(0, run.get(), "everything finished");
        } finally {
            System.setErr(original);
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
