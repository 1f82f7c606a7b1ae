package io.wcsettle.his.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.wcsettle.his.platform.PlatformFixture;
import io.wcsettle.his.platform.Sm2Keys;
import io.wcsettle.testkit.platform.Fault;
import io.wcsettle.testkit.platform.SimulatedAdmission;

/**
 * R-UPL-4 end to end: a child JVM settles 200 bills against the simulator while this test kills
 * it ({@code destroyForcibly}) at seeded random moments and restarts it, with faults injected.
 * At the end every bill is committed exactly once on the platform or cleanly reversed, and
 * nothing is stuck in the outbox.
 */
class ReliabilityTest {

    private static final int BILLS = 200;
    private static final int KILLS = 8;
    private static final long SEED = 20_251_009L;

    @TempDir
    Path dir;

    @Test
    @DisplayName("R-UPL-4: 200 admissions through kills, restarts and faults against the strict simulator: lost = 0, duplicated = 0")
    void killAndRestart_neitherLosesNorDuplicates() throws Exception {
        Files.writeString(dir.resolve("his.pem"), Sm2Keys.toPem(PlatformFixture.HIS_KEYS.getPrivate()));
        Files.writeString(dir.resolve("platform.pem"), Sm2Keys.toPem(PlatformFixture.PLATFORM_KEYS.getPublic()));
        Path db = dir.resolve("outbox");
        Random random = new Random(SEED);
        int kills = 0;
        boolean finished = false;
        try (PlatformFixture f = new PlatformFixture()) {
            f.simulator.faults().delay(Duration.ofMillis(400)).random(SEED, 0.3, Fault.values());
            for (int run = 0; run < KILLS + 10 && !finished; run++) {
                if (random.nextBoolean()) {
                    // a burst long enough to exhaust the call timeout: the outcome becomes UNKNOWN
                    Fault burst = random.nextBoolean() ? Fault.DELAY : Fault.DROP_AFTER_COMMIT;
                    f.simulator.faults().next(burst, burst, burst, burst, burst);
                }
                Process child = start(db, f, run);
                if (run < KILLS) {
                    long after = 300 + random.nextInt(2500);
                    if (child.waitFor(after, TimeUnit.MILLISECONDS)) {
                        finished = child.exitValue() == 0;
                    } else {
                        child.destroyForcibly().waitFor();
                        kills++;
                    }
                } else {
                    assertTrue(child.waitFor(60, TimeUnit.SECONDS), "child finishes");
                    finished = child.exitValue() == 0;
                }
            }
            assertTrue(finished, "the last child ran to completion");

            Map<String, List<SimulatedAdmission>> onPlatform = new HashMap<>();
            for (SimulatedAdmission a : f.simulator.admissions()) {
                onPlatform.computeIfAbsent(a.iptNo(), k -> new ArrayList<>()).add(a);
            }
            int lost = 0;
            int duplicated = 0;
            int committed = 0;
            int reversed = 0;
            int stuck;
            int redone = 0;
            try (Outbox outbox = Outbox.h2File(db, PlatformFixture.INSTITUTION, f.clock, OutboxFixtures.DEADLINES, PlatformFixture.OUTBOX_WORKSTATION)) {
                stuck = outbox.unfinished().size();
                for (int i = 0; i < BILLS; i++) {
                    String key = String.format("BILL-%04d", i);
                    List<SimulatedAdmission> all = onPlatform.getOrDefault(key, List.of());
                    List<SimulatedAdmission> live = all.stream().filter(a -> !a.reversed()).toList();
                    reversed += all.size() - live.size();
                    OutboxEntry latest = outbox.latest(key).orElse(null);
                    if (latest != null && latest.generation() > 1) {
                        redone++;
                    }
                    if (live.size() > 1) {
                        duplicated++;
                    } else if (latest != null && latest.state() == OutboxState.DONE && live.size() == 1
                            && live.get(0).msgid().equals(latest.msgid())) {
                        committed++;
                    } else {
                        lost++;
                    }
                }
            }
            System.out.printf("reliability: settlements = %d, kills = %d, committed = %d, reversed = %d, "
                            + "redone after 2601 = %d, stuck = %d, requests served = %d, lost = %d, duplicated = %d%n",
                    BILLS, kills, committed, reversed, redone, stuck, f.simulator.served(), lost, duplicated);
            assertTrue(kills >= KILLS / 2, "the child was really killed mid-way: " + kills);
            assertEquals(0, stuck, "nothing stuck in the outbox");
            assertEquals(0, lost, "lost");
            assertEquals(0, duplicated, "duplicated");
            assertEquals(BILLS, committed, "every admission stands exactly once");
        }
    }

    private Process start(Path db, PlatformFixture f, int run) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-XX:TieredStopAtLevel=1", "-Xshare:auto",
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "-Dorg.slf4j.simpleLogger.log.io.wcsettle=warn",
                "-cp", System.getProperty("java.class.path"), ReliabilityChild.class.getName(),
                db.toString(), f.simulator.uri().toString(), dir.toString(), Integer.toString(BILLS));
        File log = dir.resolve("child-" + run + ".log").toFile();
        pb.redirectErrorStream(true).redirectOutput(log);
        return pb.start();
    }
}
