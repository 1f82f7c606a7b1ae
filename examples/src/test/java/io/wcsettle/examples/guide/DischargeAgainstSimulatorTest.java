package io.wcsettle.examples.guide;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.wcsettle.his.platform.Sm2Keys;
import io.wcsettle.his.platform.Sm2Signer;
import io.wcsettle.testkit.platform.PlatformSimulator;
import io.wcsettle.testkit.platform.SimulatedPerson;

/** The program docs/integration.md shows, run as written against the strict simulator, twice. */
class DischargeAgainstSimulatorTest {

    @TempDir
    Path dir;

    @Test
    @DisplayName("docs/integration.md: the discharge flow settles against the simulator; run again, it returns the same setl_id")
    void guideRunsAsWritten() throws Exception {
        SecureRandom random = new SecureRandom();
        KeyPair his = Sm2Keys.generate(random);
        KeyPair platform = Sm2Keys.generate(random);
        Files.writeString(dir.resolve("his-private.pem"), Sm2Keys.toPem(his.getPrivate()));
        Files.writeString(dir.resolve("platform-public.pem"), Sm2Keys.toPem(platform.getPublic()));
        Clock clock = Clock.system(ZoneId.of("Asia/Shanghai"));
        try (PlatformSimulator sim = PlatformSimulator.builder().hisPublicKey(his.getPublic())
                .platformSigner(new Sm2Signer(platform.getPrivate(), random)).clock(clock).start()) {
            sim.registerPerson(new SimulatedPerson("150102198001010016", "张三", "", "", "", "PSN001", "150102", "11",
                    List.of(new SimulatedPerson.Filing("F1", "LONG_TERM_RESIDENCE", "MEDICAL", "150102", "430100",
                            LocalDate.now(clock).minusMonths(1), null))));
            String first = run(sim, dir);
            assertTrue(first.contains("setl_id ST"), first);
            assertTrue(first.contains("differences from the platform: []"), first);
            String second = run(sim, dir);
            assertEquals(first.lines().findFirst(), second.lines().findFirst(), "asked again: the same settlement");
            assertEquals(1, sim.settlements().size());
        }
    }

    private static String run(PlatformSimulator sim, Path dir) throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            DischargeAgainstSimulator.main(new String[] {sim.uri().toString(), dir.toString(),
                    dir.resolve("outbox").toString()});
        } finally {
            System.setOut(original);
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
