package io.wcsettle.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.wcsettle.testkit.platform.SimulatedSettlement;

/** A HIS that is not Java: the Python client drives the whole discharge through the gateway. */
class PythonClientTest {

    @TempDir
    Path dir;

    @BeforeAll
    static void python() {
        Python.assumePresent();
    }

    @Test
    @DisplayName("R-SET-1, R-SET-10: a Python script settles a discharge through the gateway, cancels it and settles anew")
    void fullDischargeFromPython() throws Exception {
        try (World w = new World(dir); GatewayMain.Served s = GatewayMain.Served.start(w.config, World.CLOCK)) {
            Path log = dir.resolve("python.log");
            Process p = Python.start(log, "--base", s.gateway().uri().toString(), "--token-file", w.tokenFile().toString(),
                    "--visit", "ZY2026001", "--id-number", World.ID_NUMBER, "--name", World.NAME, "--scenario", "full");
            JsonNode out = new ObjectMapper().readTree(Python.finish(p, log, 180));
            List<SimulatedSettlement> held = w.sim.settlements();
            assertEquals(2, held.size(), "one cancelled, one live: " + held);
            assertEquals(out.path("setl_id").asText(), held.get(0).setlId());
            assertEquals(SimulatedSettlement.Status.CANCELLED, held.get(0).status());
            assertEquals(out.path("setl_id_after_cancel").asText(), held.get(1).setlId());
            assertEquals(SimulatedSettlement.Status.ACTIVE, held.get(1).status());
            assertNotEquals(held.get(0).setlId(), held.get(1).setlId());
            assertEquals(held.get(0).medfee().toYuanString(), out.path("settlement").path("medfee_sumamt").asText());
            assertEquals(held.get(0).fundPaid().toYuanString(), out.path("totals").path("fund_paid").asText(),
                    "the platform's fund payment is core's");
        }
    }
}
