package io.wcsettle.testkit.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import io.wcsettle.his.platform.CanonicalJson;
import io.wcsettle.his.platform.PlatformClient;
import io.wcsettle.his.platform.PlatformFixture;
import io.wcsettle.his.platform.PlatformRequest;
import io.wcsettle.his.platform.PlatformResponse;

class PlatformSimulatorTest {

    private final PlatformFixture f = new PlatformFixture();
    private final PlatformClient client = f.client().build();

    @AfterEach
    void close() {
        f.close();
    }

    private PlatformResponse send(String infno, ObjectNode input) {
        return client.send(new PlatformRequest(infno, f.msgids.next(), PlatformFixture.header(), input));
    }

    private static ObjectNode json() {
        return CanonicalJson.mapper().createObjectNode();
    }

    @Test
    @DisplayName("Simulator: listens on a free loopback port only")
    void loopbackOnly() throws Exception {
        assertTrue(InetAddress.getByName(f.simulator.uri().getHost()).isLoopbackAddress());
        assertTrue(f.simulator.uri().getPort() > 0);
    }

    @Test
    @DisplayName("Simulator: idempotent by msgid: the same request twice commits once and answers the same")
    void idempotentByMsgid() {
        PlatformRequest r = f.settlement("M1", "5.00", "4.00");
        PlatformResponse a = client.send(r);
        PlatformResponse b = client.send(r);
        assertEquals(a.output(), b.output());
        assertEquals(1, f.simulator.settlements().size());
        assertEquals(2, f.simulator.deliveries(r.msgid()));
    }

    @Test
    @DisplayName("Simulator: sign-in, person query, admission, pre-settlement, settlement, cancellation, 2601, clearing")
    void transactions() {
        assertEquals(20, send("9001", json()).output().path("signinoutb").path("sign_no").asText().length());
        f.simulator.registerPerson("110101199003071234", "P001", "150102");
        assertEquals("P001", send("1101", json().put("mdtrt_cert_type", "02").put("mdtrt_cert_no", "110101199003071234"))
                .output().path("baseinfo").path("psn_no").asText());
        assertEquals(-1, send("1101", json().put("mdtrt_cert_no", "unknown")).infcode());
        String mdtrtId = send("2401", json().put("psn_no", "P001")).output().path("result").path("mdtrt_id").asText();
        assertEquals(2, send("2301", json().set("feedetail", CanonicalJson.mapper().createArrayNode().add(1).add(2)))
                .output().path("result").path("count").asInt());
        ObjectNode bill = json().put("psn_no", "P001").put("mdtrt_id", mdtrtId).put("medfee_sumamt", "12.30")
                .put("fund_pay_sumamt", "10.00");
        assertTrue(send("2303", bill).output().path("setlinfo").path("setl_id").isMissingNode(), "no commitment");
        assertEquals(0, f.simulator.settlements().size());
        String setlId = send("2304", bill).output().path("setlinfo").path("setl_id").asText();
        assertEquals(SimulatedSettlement.Status.ACTIVE, f.simulator.settlements().get(0).status());
        assertEquals(0, send("2305", json().put("psn_no", "P001").put("setl_id", setlId)).infcode());
        assertEquals(SimulatedSettlement.Status.CANCELLED, f.simulator.settlements().get(0).status());
        assertEquals(-1, send("2305", json().put("psn_no", "P001").put("setl_id", setlId)).infcode());
        assertEquals("NOT_FOUND", send("2601", json().put("psn_no", "P001").put("omsgid", f.msgids.next())
                .put("oinfno", "2304")).output().path("rvs_rslt").asText());
        assertTrue(send("3203", json()).succeeded());
        assertTrue(send("3204", json()).succeeded());
        assertEquals(-1, send("2304", json().put("psn_no", "P001")).infcode(), "missing fields are refused");
    }
}
