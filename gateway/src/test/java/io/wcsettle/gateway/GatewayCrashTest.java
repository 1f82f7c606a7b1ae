package io.wcsettle.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.wcsettle.testkit.platform.Fault;
import io.wcsettle.testkit.platform.SimulatedSettlement;

/**
 * The gateway, a separate JVM, is killed while the platform holds the answer of a 2304 it already
 * committed; restarted on the same outbox file, it finishes the settlement under the same msgid, and
 * the Python client's retry for the same visit gets that settlement: one settlement, none lost.
 */
class GatewayCrashTest {

    @TempDir
    Path dir;

    @BeforeAll
    static void python() {
        Python.assumePresent();
    }

    @Test
    @DisplayName("R-UPL-4: gateway killed between 2304 commit and answer; the retried settle returns the same setl_id, one live settlement")
    void crashBetweenSettleAndAnswer() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        try (World w = new World(dir, port)) {
            w.sim.faults().delay(Duration.ofSeconds(60)).forInfno("2304", Fault.HOLD_AFTER_COMMIT);
            Path logA = dir.resolve("gateway-a.log");
            Process a = gateway(w, logA);
            Process client = null;
            Process b = null;
            try {
                Path clientLog = dir.resolve("python.log");
                client = Python.start(clientLog, "--base", "http://127.0.0.1:" + port, "--token-file",
                        w.tokenFile().toString(), "--visit", "ZY2026002", "--id-number", World.ID_NUMBER,
                        "--name", World.NAME, "--scenario", "crash");
                Process c = client;
                CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> {
                    try {
                        return Python.finish(c, clientLog, 240);
                    } catch (IOException | InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                });
                long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
                while (w.sim.settlements().isEmpty()) {
                    assertTrue(System.nanoTime() < until, "no 2304 reached the platform:\n" + Files.readString(clientLog)
                            + Files.readString(logA));
                    assertFalse(out.isDone(), "the client finished before the settlement: " + Files.readString(clientLog));
                    Thread.sleep(20);
                }
                a.destroyForcibly();
                assertTrue(a.waitFor(30, TimeUnit.SECONDS));
                String msgid = w.sim.settlements().get(0).msgid();
                assertEquals(1, w.sim.deliveries(msgid), "committed, answer held, gateway dead");
                assertFalse(out.isDone(), "the client has no answer yet");

                Path logB = dir.resolve("gateway-b.log");
                b = gateway(w, logB);
                JsonNode result = new ObjectMapper().readTree(out.get(240, TimeUnit.SECONDS));

                List<SimulatedSettlement> held = w.sim.settlements();
                assertEquals(1, held.size(), "exactly one settlement for the visit: " + held);
                assertEquals(SimulatedSettlement.Status.ACTIVE, held.get(0).status());
                assertEquals(held.get(0).setlId(), result.path("setl_id").asText(), "the retry answers the committed one");
                assertEquals(held.get(0).medfee().toYuanString(), result.path("settlement").path("medfee_sumamt").asText());
                assertEquals(2, w.sim.deliveries(msgid), "resumed under the same msgid, once; the retry sent nothing");
                assertTrue(result.path("attempts").asInt() >= 2, "the first attempt was cut off: " + result);
                assertTrue(Files.readString(clientLog).contains("settle attempt 1 failed (transport"),
                        Files.readString(clientLog));

                String logs = Files.readString(logA) + Files.readString(logB);
                assertFalse(logs.contains(w.token()), "the token is never logged");
                assertFalse(logs.contains(World.ID_NUMBER), "no ID number in the logs");
                assertFalse(logs.contains(World.NAME), "no name in the logs");
            } finally {
                a.destroyForcibly();
                if (b != null) {
                    b.destroy();
                    b.waitFor(20, TimeUnit.SECONDS);
                    b.destroyForcibly();
                }
                if (client != null) {
                    client.destroyForcibly();
                }
            }
        }
    }

    /** Starts the gateway JVM on the world's configuration and waits for its "listening on" line. */
    private static Process gateway(World w, Path log) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(Python.javaExecutable(), "-XX:TieredStopAtLevel=1", "-Xshare:auto",
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=debug", "-cp", Python.classPath(),
                GatewayMain.class.getName(), w.config.toString())
                .redirectError(log.toFile()).start();
        BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        CompletableFuture<String> line = CompletableFuture.supplyAsync(() -> {
            try {
                return r.readLine();
            } catch (IOException e) {
                return null;
            }
        });
        String first;
        try {
            first = line.get(60, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            p.destroyForcibly();
            throw new AssertionError("the gateway did not start:\n" + Files.readString(log), e);
        }
        if (first == null || !first.startsWith("listening on ")) {
            p.destroyForcibly();
            throw new AssertionError("the gateway did not start: " + first + "\n" + Files.readString(log));
        }
        return p;
    }
}
