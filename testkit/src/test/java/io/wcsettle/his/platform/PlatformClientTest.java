package io.wcsettle.his.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.wcsettle.testkit.platform.Fault;
import io.wcsettle.testkit.platform.SimulatedSettlement;

class PlatformClientTest {

    private final PlatformFixture f = new PlatformFixture();

    @AfterEach
    void close() {
        f.close();
    }

    private long standing(String iptNo) {
        return f.standing(iptNo);
    }

    @Test
    @DisplayName("R-UPL-4: a signed admission is committed once and its verified answer returned")
    void settles() {
        PlatformRequest r = f.admission("M1");
        PlatformResponse resp = f.client().build().send(r);
        assertTrue(resp.succeeded());
        assertEquals(30, resp.output().get("result").get("mdtrt_id").asText().length());
        assertEquals(1, standing("M1"));
        assertEquals(1, f.simulator.deliveries(r.msgid()));
    }

    @ParameterizedTest
    @EnumSource(Fault.class)
    @DisplayName("R-UPL-4: after any single fault the retry reuses the same msgid and the admission is committed exactly once")
    void singleFault_sameMsgid_exactlyOnce(Fault fault) {
        f.simulator.faults().next(fault);
        PlatformRequest r = f.admission("M-" + fault);
        PlatformResponse resp = f.client().build().send(r);
        assertTrue(resp.succeeded());
        assertEquals(1, standing("M-" + fault));
        assertEquals(1, f.simulator.admissions().size(), "no commit under another msgid");
        assertTrue(f.simulator.deliveries(r.msgid()) >= 1);
        if (fault != Fault.DUPLICATE_DELIVERY) {
            assertFalse(f.sleeps.isEmpty(), "a retry happened after " + fault);
        }
    }

    @Test
    @DisplayName("R-UPL-4: a timeout on every attempt makes the outcome UNKNOWN, never a resend under a new msgid")
    void timeouts_makeOutcomeUnknown() {
        f.simulator.faults().next(Fault.DELAY, Fault.DELAY, Fault.DELAY, Fault.DELAY, Fault.DELAY, Fault.DELAY,
                Fault.DELAY, Fault.DELAY, Fault.DELAY, Fault.DELAY);
        PlatformRequest r = f.admission("M-T");
        PlatformClient client = f.client().callTimeout(Duration.ofMillis(500)).build();
        OutcomeUnknownException e = assertThrows(OutcomeUnknownException.class, () -> client.send(r));
        assertEquals("OUTCOME_UNKNOWN", e.code());
        assertEquals(r.msgid(), e.msgid());
        // every settlement the platform holds came from this one msgid
        f.simulator.faults().clear();
        sleep(900);
        assertTrue(f.simulator.admissions().stream().allMatch(s -> s.msgid().equals(r.msgid())));
    }

    @Test
    @DisplayName("Retries: jittered exponential backoff, drawn from the injected randomness, within [0.75, 1] of min·2^(n-1)")
    void backoff_isJitteredExponential() {
        Backoff b = new Backoff(Duration.ofMillis(100), Duration.ofMillis(1000));
        Random random = new Random(1);
        for (int retry = 1; retry <= 8; retry++) {
            long nominal = Math.min(100L << (retry - 1), 1000);
            long d = b.delayBeforeRetry(retry, random).toMillis();
            assertTrue(d >= Math.max(100, nominal * 3 / 4) && d <= nominal, retry + ": " + d);
        }
        assertEquals(b.delayBeforeRetry(3, new Random(5)), b.delayBeforeRetry(3, new Random(5)));
    }

    @Test
    @DisplayName("Retries: HTTP 500 twice, then success; the sleeper saw growing jittered pauses")
    void http500_isRetried() {
        f.simulator.faults().next(Fault.HTTP_500, Fault.HTTP_500);
        PlatformRequest r = f.admission("M-500");
        assertTrue(f.client().build().send(r).succeeded());
        assertEquals(2, f.sleeps.size());
        assertTrue(f.sleeps.get(0).toMillis() >= 10 && f.sleeps.get(0).toMillis() <= 10);
        assertTrue(f.sleeps.get(1).toMillis() >= 15 && f.sleeps.get(1).toMillis() <= 20);
    }

    @Test
    @DisplayName("R-UPL-4: an unreachable platform is PLATFORM_UNAVAILABLE (nothing delivered), not UNKNOWN")
    void unreachable() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        PlatformClient client = f.client().endpoint(URI.create("http://127.0.0.1:" + port + "/"))
                .callTimeout(Duration.ofMillis(300)).build();
        PlatformException e = assertThrows(PlatformException.class, () -> client.send(f.admission("M-U")));
        assertEquals("PLATFORM_UNAVAILABLE", e.code());
    }

    @Test
    @DisplayName("Security: the platform refuses a request signed with the wrong key (infcode -1, nothing committed)")
    void wrongKey_refused() {
        EnvelopeCodec forged = EnvelopeCodec.builder()
                .signer(new Sm2Signer(Sm2Keys.generate(new SecureRandom()).getPrivate(), new SecureRandom()))
                .counterpart(new Sm2Verifier(PlatformFixture.PLATFORM_KEYS.getPublic()))
                .clock(f.clock).build();
        PlatformResponse r = f.client().codec(forged).build().send(f.admission("M-K"));
        assertEquals(-1, r.infcode());
        assertTrue(r.errMsg().startsWith("SIGNATURE_INVALID"), r.errMsg());
        assertEquals(List.of(), f.simulator.admissions());
    }

    @Test
    @DisplayName("Security: a response that keeps failing verification is never accepted: the outcome is UNKNOWN")
    void corruptSignatureForever_unknown() {
        for (int i = 0; i < 30; i++) {
            f.simulator.faults().next(Fault.CORRUPT_SIGNATURE);
        }
        PlatformRequest r = f.admission("M-C");
        OutcomeUnknownException e = assertThrows(OutcomeUnknownException.class,
                () -> f.client().callTimeout(Duration.ofMillis(300)).build().send(r));
        // the last attempt may be cut short by the call deadline on a loaded machine: its cause is then the timeout
        assertTrue(java.util.Set.of("SIGNATURE_INVALID", "OUTCOME_UNKNOWN")
                .contains(((PlatformException) e.getCause()).code()), ((PlatformException) e.getCause()).code());
        assertTrue(f.simulator.deliveries(r.msgid()) >= 1, "delivered, answered with a corrupt signature");
        assertEquals(1, standing("M-C"), "committed once despite several deliveries");
    }

    @Test
    @DisplayName("Security: SM4-encrypted payloads travel both ways through the simulator")
    void encryptedPayloads() {
        byte[] key = new byte[16];
        new SecureRandom().nextBytes(key);
        try (PlatformFixture enc = new PlatformFixture(new Sm4PayloadCipher(key, Sm4PayloadCipher.Mode.CBC,
                new SecureRandom()))) {
            PlatformResponse r = enc.client().build().send(enc.admission("M-E"));
            assertTrue(r.succeeded());
            assertTrue(r.output().get("result").get("mdtrt_id").asText().startsWith("MD"));
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
