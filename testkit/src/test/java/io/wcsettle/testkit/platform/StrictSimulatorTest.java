package io.wcsettle.testkit.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import io.wcsettle.his.platform.ApiGateway;
import io.wcsettle.his.platform.CanonicalJson;
import io.wcsettle.his.platform.PlatformClient;
import io.wcsettle.his.platform.PlatformException;
import io.wcsettle.his.platform.PlatformFixture;
import io.wcsettle.his.platform.PlatformRequest;
import io.wcsettle.his.platform.PlatformResponse;
import io.wcsettle.his.platform.profile.Payload;
import io.wcsettle.his.platform.profile.Transaction;
import io.wcsettle.his.platform.profile.TransactionProfile;

/** The simulator refuses each kind of spec violation, with the platform's kind of text (infcode -1). */
class StrictSimulatorTest {

    private final PlatformFixture f = new PlatformFixture();
    private final PlatformClient client = f.client().build();

    @AfterEach
    void close() {
        f.close();
    }

    private PlatformResponse send(String infno, ObjectNode input) {
        return client.send(new PlatformRequest(infno, f.msgids.next(), f.signedHeader(), input));
    }

    private static ObjectNode json(String s) {
        try {
            return (ObjectNode) CanonicalJson.mapper().readTree(s);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    @DisplayName("Interface: a flat 2401 input (fields outside mdtrtinfo / diseinfo) is refused, naming the missing node")
    void flatInputRefused() {
        ObjectNode flat = CanonicalJson.mapper().createObjectNode();
        PlatformFixture.admissionInput("X1").get("mdtrtinfo").fields().forEachRemaining(e -> flat.set(e.getKey(), e.getValue()));
        PlatformResponse r = send("2401", flat);
        assertFalse(r.succeeded());
        assertTrue(r.errMsg().contains("mdtrtinfo: node missing"), r.errMsg());
    }

    @Test
    @DisplayName("Interface: a 数值型 value sent as a JSON string, a missing required field, an unknown field are refused")
    void typesAndFields() {
        ObjectNode in = PlatformFixture.admissionInput("X2");
        ((ObjectNode) in.get("mdtrtinfo")).put("geso_val", "0");
        assertTrue(send("2401", in).errMsg().contains("geso_val"));
        ObjectNode missing = PlatformFixture.admissionInput("X3");
        ((ObjectNode) missing.get("mdtrtinfo")).remove("card_sn");
        assertTrue(send("2401", missing).errMsg().contains("card_sn: missing"), "every field of the table is sent");
        ObjectNode unknown = PlatformFixture.admissionInput("X4");
        ((ObjectNode) unknown.get("mdtrtinfo")).put("fixmedins_code", "H11010500001");
        assertTrue(send("2401", unknown).errMsg().contains("fixmedins_code"));
        assertEquals(0, f.simulator.admissions().size());
    }

    @Test
    @DisplayName("9001: without a valid sign_no every transaction is refused")
    void signInRequired() {
        PlatformResponse r = client.send(new PlatformRequest("2401", f.msgids.next(), PlatformFixture.header(),
                PlatformFixture.admissionInput("X5")));
        assertEquals("签到编号无效或已失效，请重新签到", r.errMsg());
    }

    @Test
    @DisplayName("2601: a query (1101) cannot be reversed; a reversal of 2401 answers infcode 0 with no output")
    void reversalOnlyForListed() {
        ObjectNode rq = Payload.input(TransactionProfile.workInjury(), Transaction.REVERSAL).row("data",
                Map.of("psn_no", "P1", "omsgid", f.msgids.next(), "oinfno", "1101")).build();
        assertTrue(send("2601", rq).errMsg().contains("不允许冲正"));
        PlatformRequest adm = f.admission("X6");
        assertTrue(client.send(adm).succeeded());
        PlatformResponse r = send("2601", Payload.input(TransactionProfile.workInjury(), Transaction.REVERSAL)
                .row("data", Map.of("psn_no", "P1", "omsgid", adm.msgid(), "oinfno", "2401")).build());
        assertTrue(r.succeeded());
        assertTrue(r.output() == null || r.output().isNull(), "output 无");
        assertTrue(f.simulator.admissions().get(0).reversed());
    }

    @Test
    @DisplayName("HOLD_AFTER_COMMIT: the request is committed while its answer is still held; the answer then comes")
    void holdAfterCommit() throws Exception {
        f.simulator.faults().delay(java.time.Duration.ofMillis(1500)).forInfno("2401", Fault.HOLD_AFTER_COMMIT);
        PlatformClient patient = f.client().attemptTimeout(java.time.Duration.ofSeconds(10))
                .callTimeout(java.time.Duration.ofSeconds(20)).build();
        PlatformRequest adm = f.admission("X9");
        java.util.concurrent.CompletableFuture<PlatformResponse> answer =
                java.util.concurrent.CompletableFuture.supplyAsync(() -> patient.send(adm));
        long until = System.nanoTime() + java.time.Duration.ofSeconds(10).toNanos();
        while (f.simulator.admissions().isEmpty() && System.nanoTime() < until) {
            Thread.sleep(10);
        }
        assertEquals(1, f.simulator.admissions().size(), "committed");
        assertFalse(answer.isDone(), "the answer is held");
        assertTrue(answer.get(20, java.util.concurrent.TimeUnit.SECONDS).succeeded());
        assertEquals(1, f.simulator.deliveries(adm.msgid()));
    }

    @Test
    @DisplayName("msgid: the same msgid with other content is refused (报文ID重复), the same content gets the stored answer")
    void msgidReuse() {
        PlatformRequest a = f.admission("X7");
        assertTrue(client.send(a).succeeded());
        assertTrue(client.send(a).succeeded());
        PlatformResponse other = client.send(new PlatformRequest("2401", a.msgid(), f.signedHeader(),
                PlatformFixture.admissionInput("X8")));
        assertTrue(other.errMsg().contains("报文ID重复"), other.errMsg());
        assertEquals(1, f.simulator.admissions().size());
    }

    @Test
    @DisplayName("表 5: with a gateway configured, a call without _api_* headers is 401; a signed one goes through")
    void gateway() throws Exception {
        ApiGateway g = new ApiGateway("AK-1", "SK-secret", "1.0.0");
        try (PlatformSimulator sim = PlatformSimulator.builder().hisPublicKey(PlatformFixture.HIS_KEYS.getPublic())
                .platformSigner(new io.wcsettle.his.platform.Sm2Signer(PlatformFixture.PLATFORM_KEYS.getPrivate(),
                        new java.security.SecureRandom())).gateway(g).clock(f.clock).start()) {
            HttpResponse<String> bare = HttpClient.newHttpClient().send(HttpRequest.newBuilder(sim.uri())
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(401, bare.statusCode());
            assertTrue(bare.body().contains("缺少服务网关的请求头"));
            PlatformClient wrong = f.client().endpoint(sim.uri()).gateway(new ApiGateway("AK-1", "other", "1.0.0")).build();
            assertEquals("GATEWAY_REFUSED", assertThrows(PlatformException.class,
                    () -> PlatformFixture.signIn(wrong, f.msgids.next())).code());
            PlatformClient right = f.client().endpoint(sim.uri()).gateway(g).build();
            assertFalse(PlatformFixture.signIn(right, f.msgids.next()).isEmpty());
        }
        assertTrue(URI.create("http://x").getHost() != null);
    }
}
