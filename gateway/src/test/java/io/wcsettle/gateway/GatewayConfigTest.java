package io.wcsettle.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The configuration file: every problem names its setting. */
class GatewayConfigTest {

    @TempDir
    Path dir;

    private String failure(Path config) {
        GatewayException e = assertThrows(GatewayException.class,
                () -> GatewayConfig.load(config).open(World.CLOCK, new SecureRandom()).session().close());
        assertEquals(GatewayErrorCode.CONFIG_INVALID, e.gatewayCode(), e.getMessage());
        return e.field();
    }

    private Path variant(World w, String name, String drop, String... add) throws Exception {
        List<String> lines = new ArrayList<>();
        for (String l : Files.readAllLines(w.config)) {
            if (drop == null || !l.startsWith(drop + "=")) {
                lines.add(l);
            }
        }
        lines.addAll(List.of(add));
        Path p = dir.resolve(name);
        Files.write(p, lines);
        return p;
    }

    @Test
    @DisplayName("a missing setting, a missing file, a bad value, an unknown key: CONFIG_INVALID naming the setting")
    void problemsNameTheSetting() throws Exception {
        try (World w = new World(dir)) {
            assertEquals("platform.url", failure(variant(w, "a", "platform.url")));
            assertEquals("platform.url", failure(variant(w, "b", "platform.url", "platform.url=ftp://x")));
            assertEquals("keys.hisPrivateKey", failure(variant(w, "c", "keys.hisPrivateKey",
                    "keys.hisPrivateKey=keys/none.pem")));
            assertEquals("keys.platformPublicKey", failure(variant(w, "d", "keys.platformPublicKey",
                    "keys.platformPublicKey=catalogue.csv")));
            assertEquals("platform.attemptTimeout", failure(variant(w, "e", "platform.attemptTimeout",
                    "platform.attemptTimeout=10s")));
            assertEquals("gateway.port", failure(variant(w, "f", "gateway.port", "gateway.port=70000")));
            assertEquals("institution.admdvs", failure(variant(w, "g", "institution.admdvs", "institution.admdvs=99")));
            assertEquals("insured.150000.policy", failure(variant(w, "h", "insured.150000.policy",
                    "insured.150000.policy=nowhere")));
            assertEquals("insured.<province>.policy", failure(variant(w, "i", "insured.150000.policy")));
            assertEquals("platfrom.url", failure(variant(w, "j", null, "platfrom.url=http://x/")));
            assertEquals("catalogue.csv", failure(variant(w, "k", "catalogue.csv", "catalogue.csv=nope.csv")));
            assertEquals("signIn.ip", failure(variant(w, "l", "signIn.ip")));
            assertEquals("header", failure(variant(w, "m", "header.opterType", "header.opterType=7")));
            assertEquals("config", failure(dir.resolve("absent.properties")));
        }
    }

    @Test
    @DisplayName("the same settings as a JSON object with nested objects open the same gateway")
    void jsonConfig() throws Exception {
        try (World w = new World(dir)) {
            StringBuilder json = new StringBuilder("{\"platform\": {\"url\": \"" + w.sim.uri() + "\"}, \"insured\": {\"150000\":"
                    + " {\"policy\": \"150000\"}}, \"gateway\": {\"port\": 0}");
            for (String l : Files.readAllLines(w.config)) {
                if (!l.isBlank() && !l.startsWith("platform.url") && !l.startsWith("insured.") && !l.startsWith("gateway.")) {
                    String[] kv = l.split("=", 2);
                    json.append(", \"").append(kv[0]).append("\": \"").append(kv[1]).append('"');
                }
            }
            Path p = dir.resolve("gateway.json");
            Files.writeString(p, json.append('}').toString());
            try (GatewayMain.Served s = GatewayMain.Served.start(p, World.CLOCK)) {
                assertTrue(s.banner().startsWith("listening on http://127.0.0.1:"), s.banner());
                assertTrue(s.banner().contains("gateway.token"));
            }
            Files.writeString(p, "{\"platform\": [1]}");
            assertEquals("platform", failure(p));
        }
    }

    @Test
    @DisplayName("a port in use: CONFIG_INVALID naming gateway.port, and the outbox is closed again")
    void portInUse() throws Exception {
        try (World w = new World(dir); ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            Path p = variant(w, "p", "gateway.port", "gateway.port=" + taken.getLocalPort());
            GatewayException e = assertThrows(GatewayException.class, () -> GatewayMain.Served.start(p, World.CLOCK));
            assertEquals("gateway.port", e.field());
            assertTrue(e.getMessage().contains(String.valueOf(taken.getLocalPort())));
            Path q = variant(w, "q", "gateway.port", "gateway.port=0");
            GatewayMain.Served.start(q, World.CLOCK).close();
        }
    }
}
