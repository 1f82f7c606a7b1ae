package io.wcsettle.testkit.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import io.wcsettle.core.fuzz.Fuzz;
import io.wcsettle.core.fuzz.Mutate;
import io.wcsettle.his.fuzz.JsonMutate;
import io.wcsettle.his.platform.EnvelopeCodec;
import io.wcsettle.his.platform.PlatformFixture;
import io.wcsettle.his.platform.PlatformRequest;
import io.wcsettle.his.platform.PlatformResponse;
import io.wcsettle.his.platform.profile.Payload;
import io.wcsettle.his.platform.profile.Transaction;
import io.wcsettle.his.platform.profile.TransactionProfile;

/**
 * The simulator's HTTP endpoint over real HTTP: signed requests whose business input is mutated
 * (and signed again, so the store's logic runs on it), whole bodies mutated as text, other methods,
 * content types and headers. Every request gets an HTTP answer: {@code 200} with a signed envelope
 * the HIS codec accepts ({@code infcode} 0 or -1), or a plain {@code 405} / {@code 413}; never a
 * dropped connection and never a {@code 500}. Also the two simulator items of issue 17: a 3201 /
 * 3202 with a bad statement date, and a msgid reused with another infno and body.
 */
class SimulatorHttpFuzzTest {

    private static PlatformFixture f;
    private static EnvelopeCodec his;
    private static HttpClient http;
    private static final TransactionProfile PROFILE = TransactionProfile.workInjury();
    private static final java.util.concurrent.atomic.AtomicLong MSGIDS = new java.util.concurrent.atomic.AtomicLong();

    @BeforeAll
    static void start() {
        f = new PlatformFixture();
        his = PlatformFixture.hisCodec(f.clock, null);
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(1)).build();
    }

    @AfterAll
    static void stop() {
        f.close();
    }

    /** A 3201 input with the statement dates written as {@code begin} and {@code end}, whatever they are. */
    private static ObjectNode totals(String begin, String end) {
        return dated(Payload.input(PROFILE, Transaction.RECONCILE_TOTALS).row("data", Map.of("insutype", "410", "clr_type", "11",
                "setl_optins", "110000", "stmt_begndate", JAN1, "stmt_enddate", JAN1, "medfee_sumamt",
                new java.math.BigDecimal("0.00"), "fund_pay_sumamt", new java.math.BigDecimal("0.00"), "acct_pay",
                new java.math.BigDecimal("0.00"), "fixmedins_setl_cnt", 0L, "refd_setl_flag", "0")).build(), begin, end);
    }

    private static final java.time.LocalDate JAN1 = java.time.LocalDate.of(2025, 1, 1);

    private static ObjectNode dated(ObjectNode in, String begin, String end) {
        ((ObjectNode) in.get("data")).put("stmt_begndate", begin).put("stmt_enddate", end);
        return in;
    }

    /** A 3202 input with the statement dates written as {@code begin} and {@code end}. */
    private static ObjectNode details(String begin, String end) {
        return dated(Payload.input(PROFILE, Transaction.RECONCILE_DETAILS).row("data", Map.of("setl_optins", "110000",
                "file_qury_no", "FQ0000000000000000000000000001", "stmt_begndate", JAN1, "stmt_enddate", JAN1,
                "medfee_sumamt", new java.math.BigDecimal("0.00"), "fund_pay_sumamt", new java.math.BigDecimal("0.00"),
                "cash_payamt", new java.math.BigDecimal("0.00"), "fixmedins_setl_cnt", 0L, "clr_type", "11")).build(), begin,
                end);
    }

    /** Seeds: business inputs the strict simulator accepts (or refuses as business), by infno. */
    private static List<Map.Entry<String, ObjectNode>> seeds() {
        return List.of(Map.entry("2401", PlatformFixture.admissionInput("ZY0001")),
                Map.entry("3201", totals("2025-01-01", "2025-01-31")),
                Map.entry("3202", details("2025-01-01", "2025-01-31")),
                Map.entry("1101", Payload.input(PROFILE, Transaction.PERSON_QUERY).row("data", Map.of("mdtrt_cert_type",
                        "02", "mdtrt_cert_no", "150102198001010016", "card_sn", "", "begntime", "", "psn_cert_type", "01",
                        "certno", "150102198001010016", "psn_name", "张三")).build()),
                Map.entry("2601", Payload.input(PROFILE, Transaction.REVERSAL).row("data", Map.of("psn_no", "P1",
                        "omsgid", "H11010500001202510091003040001", "oinfno", "2401")).build()));
    }

    /** One HTTP exchange to make. */
    record Call(String method, String contentType, byte[] body, Map<String, String> headers) {
        @Override
        public String toString() {
            return method + " " + contentType + " " + headers.keySet() + " " + Fuzz.render(body);
        }
    }

    private static List<Map.Entry<String, ObjectNode>> cachedSeeds;

    private static Call generate(SplittableRandom r) {
        if (cachedSeeds == null) {
            cachedSeeds = seeds();
        }
        List<Map.Entry<String, ObjectNode>> seeds = cachedSeeds;
        Map.Entry<String, ObjectNode> seed = seeds.get(r.nextInt(seeds.size()));
        ObjectNode input = seed.getValue().deepCopy();
        int n = r.nextInt(4);
        for (int k = 0; k < n; k++) {
            JsonMutate.mutateTree(r, input);
        }
        if (r.nextInt(6) == 0) { // a bad statement date, as the item
            if (input.get("data") instanceof ObjectNode data && data.has("stmt_begndate")) {
                data.put(r.nextBoolean() ? "stmt_begndate" : "stmt_enddate", Mutate.pick(r, new String[] {"2025-02-30",
                    "2025-13-01", "20250101", "2025-1-1", "０２０２５-01-01", "+2025-01-01", "9999-12-32", "", "2025-01-01 00:00:00"}));
            }
        }
        String infno = r.nextInt(20) == 0 ? Mutate.pick(r, new String[] {"9999", "", "2401 ", "３２０１", "3201"}) : seed.getKey();
        // msgids of our own (the fixture's generator hands out a few per second, as a workstation slice does)
        String msgid = r.nextInt(30) == 0 ? "H11010500001202510091003040001"
                : PlatformFixture.INSTITUTION + String.format("2025100910%08d", MSGIDS.incrementAndGet());
        byte[] body;
        try {
            body = his.encodeRequest(new PlatformRequest(infno, msgid, f.signedHeader(), input));
        } catch (RuntimeException tooDeep) {
            body = his.encodeRequest(new PlatformRequest(seed.getKey(), msgid, f.signedHeader(), seed.getValue()));
        }
        if (r.nextInt(3) == 0) {
            body = JsonMutate.text(r, new String(body, StandardCharsets.UTF_8));
        }
        String method = r.nextInt(25) == 0 ? Mutate.pick(r, new String[] {"GET", "PUT", "DELETE", "PATCH"}) : "POST";
        String ct = r.nextInt(10) == 0 ? Mutate.pick(r, new String[] {"text/plain", "application/json; charset=GBK",
            "application/x-www-form-urlencoded", "application/json;charset=utf-8;x=\u00e9"}) : "application/json;charset=UTF-8";
        Map<String, String> headers = r.nextInt(10) == 0 ? Map.of("_api_name", Mutate.pick(r, new String[] {"2401", "x", "9999"}),
                "X-Junk", Mutate.string(r, "value").replaceAll("[^\\x21-\\x7e]", "")) : Map.of();
        if (r.nextInt(40) == 0) {
            body = new byte[r.nextInt(3) == 0 ? 0 : (1 << 20) + 2];
        }
        return new Call(method, ct, body, headers);
    }

    private static HttpResponse<byte[]> exchange(Call c) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(f.simulator.uri()).timeout(Duration.ofMillis(1800))
                .header("Content-Type", c.contentType());
        c.headers().forEach((k, v) -> {
            if (!v.isEmpty()) {
                b.header(k, v);
            }
        });
        b.method(c.method(), c.method().equals("GET") ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(c.body()));
        return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    @DisplayName("Simulator fuzz: every HTTP request gets an HTTP answer (a signed envelope, 405 or 413), never a dropped connection or a 500")
    void everyRequestAnswered() {
        Fuzz.run("PlatformSimulator HTTP", Fuzz.tries(0.5), SimulatorHttpFuzzTest::generate, SimulatorHttpFuzzTest::exchange,
                (c, resp) -> {
                    int s = resp.statusCode();
                    String text = new String(resp.body(), StandardCharsets.UTF_8);
                    if (s == 200) {
                        PlatformResponse pr = his.decodeResponse(resp.body(),
                                resp.headers().firstValue("Content-Type").orElse(null));
                        assertTrue(pr.infcode() == 0 || pr.infcode() == -1);
                        assertFalse(pr.errMsg().contains("Exception"), "a Java exception named: " + pr.errMsg());
                    } else if (s == 405 || s == 413) {
                        assertFalse(text.contains("Exception") || text.contains("\tat "), "a stack trace: " + text);
                    } else {
                        fail("HTTP " + s + ": " + text);
                    }
                }, Call::toString);
    }

    @Test
    @DisplayName("Simulator: a DELETE or an oversized POST with a 1 MiB body gets its 405 / 413 (the body was left unread and the connection reset)")
    void refusedBodiesAreDrained() throws Exception {
        byte[] big = new byte[(1 << 20) + 2];
        assertEquals(405, exchange(new Call("DELETE", "application/json", big, Map.of())).statusCode());
        assertEquals(413, exchange(new Call("POST", "application/json", new byte[4 << 20], Map.of())).statusCode());
        assertEquals(200, exchange(new Call("POST", "application/json", his.encodeRequest(new PlatformRequest("3201",
                PlatformFixture.INSTITUTION + "202510091099999999", f.signedHeader(), totals("2025-01-01", "2025-01-31")))
                , Map.of())).statusCode(), "the server still answers");
    }

    private PlatformResponse send(String infno, String msgid, ObjectNode input) {
        return f.client().build().send(new PlatformRequest(infno, msgid, f.signedHeader(), input));
    }

    @Test
    @DisplayName("Simulator: a signed 3201 / 3202 with an impossible or malformed statement date is a typed refusal (infcode -1), answered")
    void badStatementDateRefused() {
        for (String bad : List.of("2025-02-30", "2025-13-01", "20250101", "2025-1-1", "")) {
            for (ObjectNode in : List.of(totals(bad, "2025-01-31"), totals("2025-01-01", bad), details(bad, "2025-01-31"))) {
                String infno = in.has("data") && in.get("data").has("acct_pay") ? "3201" : "3202";
                PlatformResponse r = send(infno, f.msgids.next(), in);
                assertEquals(PlatformResponse.REFUSED, r.infcode(), bad);
                assertFalse(r.errMsg().contains("Exception"), r.errMsg());
                assertTrue(r.errMsg().contains("stmt_") || r.errMsg().contains("输入"), r.errMsg());
            }
        }
    }

    @Test
    @DisplayName("Simulator: a msgid reused with another infno and body is refused (报文ID重复), not answered with the first answer")
    void msgidReusedWithOtherInfnoRefused() {
        String msgid = f.msgids.next();
        PlatformResponse first = send("3201", msgid, totals("2025-01-01", "2025-01-31"));
        assertEquals(PlatformResponse.OK, first.infcode(), first.errMsg());
        ObjectNode admission = PlatformFixture.admissionInput("ZY-REUSE");
        PlatformResponse again = send("2401", msgid, admission);
        assertEquals(PlatformResponse.REFUSED, again.infcode());
        assertTrue(again.errMsg().contains("报文ID重复"), again.errMsg());
        assertTrue(f.simulator.admissions().stream().noneMatch(a -> a.iptNo().equals("ZY-REUSE")), "nothing admitted");
        JsonNode same = send("3201", msgid, totals("2025-01-01", "2025-01-31")).output();
        assertEquals(first.output(), same, "the same request again gets the stored answer");
    }
}
