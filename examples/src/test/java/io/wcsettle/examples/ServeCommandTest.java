package io.wcsettle.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.wcsettle.his.platform.Sm2Keys;
import io.wcsettle.his.platform.Sm2Signer;
import io.wcsettle.testkit.platform.PlatformSimulator;

/** {@code serve}: the local gateway from a configuration file; every problem is one line naming the setting. */
class ServeCommandTest {

    @TempDir
    Path dir;

    private Path config(PlatformSimulator sim, String... extra) throws Exception {
        Files.writeString(dir.resolve("catalogue.csv"), "code,from,until,limit\nXA01,2024-01-01,,\n");
        Path c = dir.resolve("gateway.properties");
        Files.write(c, List.of(
                "platform.url=" + (sim == null ? "http://127.0.0.1:9/" : sim.uri().toString()),
                "keys.hisPrivateKey=his-private.pem", "keys.platformPublicKey=platform-public.pem",
                "institution.code=H43010200001", "institution.name=长沙某医院", "institution.admdvs=430102",
                "header.recerSysCode=SICP", "header.opter=0001", "header.opterName=收费员甲",
                "outbox.file=outbox", "catalogue.csv=catalogue.csv", "insured.150000.policy=150000"));
        Files.write(c, List.of(extra), java.nio.file.StandardOpenOption.APPEND);
        return c;
    }

    private KeyPair[] keys() throws Exception {
        SecureRandom random = new SecureRandom();
        KeyPair his = Sm2Keys.generate(random);
        KeyPair platform = Sm2Keys.generate(random);
        Files.writeString(dir.resolve("his-private.pem"), Sm2Keys.toPem(his.getPrivate()));
        Files.writeString(dir.resolve("platform-public.pem"), Sm2Keys.toPem(platform.getPublic()));
        return new KeyPair[] {his, platform};
    }

    @Test
    @DisplayName("serve: a missing config, a missing key file, a bad value, a port in use: one error line naming it, exit 2")
    void errorsNameTheSetting() throws Exception {
        CliRun r = CliRun.of("serve", "--config", dir.resolve("none.properties").toString());
        assertEquals(2, r.code());
        assertEquals(List.of("error: CONFIG_INVALID [config]: no such file: " + dir.resolve("none.properties")), r.errLines());
        Path c = config(null);
        r = CliRun.of("serve", "--config", c.toString());
        assertEquals(2, r.code());
        assertEquals(1, r.errLines().size(), r.err());
        assertTrue(r.err().startsWith("error: CONFIG_INVALID [keys.hisPrivateKey]: no such file: "), r.err());
        keys();
        c = config(null, "platform.callTimeout=soon");
        r = CliRun.of("serve", "--config", c.toString());
        assertEquals(List.of("error: CONFIG_INVALID [platform.callTimeout]: an ISO-8601 duration such as PT10S"), r.errLines());
        c = config(null);
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            r = CliRun.of("serve", "--config", c.toString(), "--port", Integer.toString(taken.getLocalPort()));
            assertEquals(2, r.code());
            assertEquals(1, r.errLines().size(), r.err());
            assertTrue(r.err().startsWith("error: CONFIG_INVALID [gateway.port]: cannot listen on 127.0.0.1:"
                    + taken.getLocalPort()), r.err());
        }
        r = CliRun.of("serve", "--config", c.toString(), "--port", "70000");
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("error: --port must be 0..65535"), r.err());
    }

    @Test
    @DisplayName("serve: starts on the configured port, answers /health, makes the token file, never prints the token")
    void serves() throws Exception {
        KeyPair[] k = keys();
        Clock clock = Clock.system(ZoneId.of("Asia/Shanghai"));
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        try (PlatformSimulator sim = PlatformSimulator.builder().hisPublicKey(k[0].getPublic())
                .platformSigner(new Sm2Signer(k[1].getPrivate(), new SecureRandom())).clock(clock).start()) {
            Path c = config(sim, "gateway.port=" + port);
            AtomicInteger code = new AtomicInteger(-1);
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            java.io.PrintStream saved = System.out;
            System.setOut(new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8));
            Thread serving = new Thread(() -> code.set(WcsettleCli.execute("serve", "--config", c.toString())));
            try {
                serving.start();
                HttpClient http = HttpClient.newHttpClient();
                HttpResponse<String> health = null;
                long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                while (health == null && System.nanoTime() < until) {
                    try {
                        health = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health")).build(),
                                HttpResponse.BodyHandlers.ofString());
                    } catch (java.io.IOException notYet) {
                        Thread.sleep(100);
                    }
                }
                assertTrue(health != null && health.statusCode() == 200, "the gateway answers /health");
                String token = Files.readString(dir.resolve("gateway.token")).strip();
                HttpResponse<String> visit = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/visits/V1")).header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(404, visit.statusCode(), visit.body());
                assertTrue(visit.body().contains("\"UNKNOWN_VISIT\""), visit.body());
                serving.interrupt();
                serving.join(30_000);
                assertEquals(0, code.get());
                String printed = out.toString(java.nio.charset.StandardCharsets.UTF_8);
                assertTrue(printed.contains("listening on http://127.0.0.1:" + port), printed);
                assertFalse(printed.contains(token), "the token is never printed");
            } finally {
                System.setOut(saved);
                serving.interrupt();
            }
        }
    }
}
