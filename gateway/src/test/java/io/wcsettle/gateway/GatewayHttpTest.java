package io.wcsettle.gateway;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.TreeSet;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.wcsettle.testkit.card.SimulatedSocialSecurityCard;
import io.wcsettle.testkit.platform.Fault;
import io.wcsettle.testkit.platform.SimulatedPerson;

/**
 * The gateway over real HTTP: every answer — success or typed error — is checked against the schema
 * the OpenAPI document gives its route and status, and no answer carries a stack trace.
 */
class GatewayHttpTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private World world;
    private GatewayMain.Served served;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final TreeSet<String> seen = new TreeSet<>();

    @BeforeEach
    void start() throws IOException {
        world = new World(dir);
        Files.writeString(world.config, "platform.callTimeout=PT2S\n", java.nio.file.StandardOpenOption.APPEND);
        served = GatewayMain.Served.start(world.config, World.CLOCK);
    }

    @AfterEach
    void stop() {
        served.close();
        world.close();
    }

    private record Answer(int status, JsonNode body, HttpResponse<byte[]> raw) {
        String code() {
            return body.path("code").asText();
        }
    }

    private Answer call(String method, String path, String template, String body) throws Exception {
        return call(method, path, template, body, "Bearer " + world.token(), "application/json");
    }

    private Answer call(String method, String path, String template, String body, String auth, String type)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(served.gateway().uri() + path))
                .timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (auth != null) {
            b.header("Authorization", auth);
        }
        if (type != null && body != null) {
            b.header("Content-Type", type);
        }
        HttpResponse<byte[]> r = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        String text = new String(r.body(), StandardCharsets.UTF_8);
        assertFalse(text.contains("Exception") || text.contains("\tat ") || text.contains("io.wcsettle."),
                "no stack trace or class name in a body: " + text);
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        JsonNode n = JSON.readTree(text);
        if (template != null) {
            List<String> problems = Contract.problems(method, template, r.statusCode(), n);
            assertEquals(List.of(), problems, method + " " + path + " → " + r.statusCode() + " " + text);
            seen.add(method + " " + template + " " + r.statusCode());
        } else {
            assertEquals(List.of(), Contract.problems("GET", "/health", 401, n).stream()
                    .filter(p -> !p.contains("does not document")).toList());
        }
        return new Answer(r.statusCode(), n, r);
    }

    private static String credential() {
        return "{\"kind\":\"id_card\",\"id_number\":\"" + World.ID_NUMBER + "\",\"name\":\"" + World.NAME + "\"}";
    }

    private Answer open(String visit) throws Exception {
        return call("POST", "/visits", "/visits", "{\"visit_id\":\"" + visit + "\",\"credential\":" + credential() + "}");
    }

    @Test
    @DisplayName("every route the server handles is in the OpenAPI document, and every documented operation is served")
    void routesAreTheDocument() throws Exception {
        TreeSet<String> served = new TreeSet<>();
        this.served.gateway().routes().forEach(r -> served.add(r.method() + " " + r.template()));
        assertEquals(Contract.operations(), served);
        for (Gateway.Route r : this.served.gateway().routes()) {
            JsonNode op = Contract.DOC.path("paths").path(r.template()).path(r.method().toLowerCase(java.util.Locale.ROOT));
            assertEquals(r.open(), op.has("security") && op.get("security").isEmpty(),
                    r + ": the document says whether the token is needed");
        }
        HttpResponse<byte[]> doc = http.send(HttpRequest.newBuilder(URI.create(served().gateway().uri() + "/openapi.json"))
                .build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, doc.statusCode());
        assertArrayEquals(OpenApi.bytes(), doc.body(), "/openapi.json is the resource, byte for byte");
    }

    private GatewayMain.Served served() {
        return served;
    }

    @Test
    @DisplayName("no token, a wrong token, a token of another length: 401 UNAUTHORIZED; /health needs none")
    void tokenIsRequired() throws Exception {
        assertEquals(200, call("GET", "/health", "/health", null, null, null).status());
        for (String auth : new String[] {null, "Bearer wrong", "Bearer " + world.token() + "x", "Basic " + world.token(),
                "Bearer"}) {
            Answer a = call("GET", "/visits/V1", "/visits/{visit_id}", null, auth, null);
            assertEquals(401, a.status(), String.valueOf(auth));
            assertEquals("UNAUTHORIZED", a.code());
            assertEquals("Authorization", a.body().path("field").asText());
            assertFalse(a.body().toString().contains(world.token()));
        }
        assertEquals(404, call("GET", "/visits/V1", "/visits/{visit_id}", null, "bearer " + world.token(), null).status(),
                "the scheme is case-insensitive (RFC 7235)");
    }

    @Test
    @DisplayName("malformed JSON, a wrong type, an unknown kind, a huge body, another media type, unknown routes: typed errors")
    void badRequestsAreTypedErrors() throws Exception {
        Answer a = call("POST", "/visits", "/visits", "{\"visit_id\": ");
        assertEquals(400, a.status());
        assertEquals("MALFORMED_JSON", a.code());
        a = call("POST", "/visits", "/visits", "[1, 2]");
        assertEquals("MALFORMED_JSON", a.code());
        a = call("POST", "/visits", "/visits", "{\"visit_id\": 5, \"credential\": " + credential() + "}");
        assertEquals(400, a.status());
        assertEquals("INVALID_REQUEST", a.code());
        assertEquals("visit_id", a.body().path("field").asText());
        a = call("POST", "/visits", "/visits", "{\"visit_id\": \"V1\", \"credential\": {\"kind\": \"fingerprint\"}}");
        assertEquals("credential.kind", a.body().path("field").asText());
        a = call("POST", "/visits", "/visits", "{\"visit_id\": \"V 1\", \"credential\": " + credential() + "}");
        assertEquals("visit_id", a.body().path("field").asText());
        a = call("POST", "/visits", "/visits", "{\"visit_id\":\"V1\",\"credential\":{\"kind\":\"card\",\"card_number\":\"X\","
                + "\"card_sn\":\"00\",\"id_number\":\"1\",\"name\":\"n\",\"spec_version\":\"3.00\",\"issue_date\":\"2020-01-01\","
                + "\"expiry_date\":\"2030-01-01\"}}");
        assertEquals(400, a.status());
        assertEquals("INVALID_CARD_FIELD", a.code(), "the SDK's own code for a card field it refuses");
        a = call("POST", "/visits", "/visits", "{\"visit_id\":\"V1\",\"credential\":" + credential() + ",\"pad\":\""
                + "x".repeat(Gateway.DEFAULT_MAX_BODY_BYTES) + "\"}");
        assertEquals(413, a.status());
        assertEquals("REQUEST_TOO_LARGE", a.code());
        a = call("POST", "/visits", "/visits", "visit_id=V1", "Bearer " + world.token(), "application/x-www-form-urlencoded");
        assertEquals(415, a.status());
        a = call("POST", "/visits", "/visits", "{\"visit_id\":\"V1\",\"credential\":" + credential() + "} trailing");
        assertEquals("MALFORMED_JSON", a.code());
        a = call("POST", "/visits", "/visits", "\uFEFF{\"visit_id\": 7}");
        assertEquals("visit_id", a.body().path("field").asText(), "a byte-order mark before the JSON is skipped");
        a = call("GET", "/nowhere", null, null);
        assertEquals(404, a.status());
        assertEquals("NOT_FOUND", a.code());
        a = call("DELETE", "/visits", null, null);
        assertEquals(405, a.status());
        assertEquals("METHOD_NOT_ALLOWED", a.code());
        a = call("GET", "/visits/NOPE", "/visits/{visit_id}", null);
        assertEquals(404, a.status());
        assertEquals("UNKNOWN_VISIT", a.code());
        a = call("POST", "/visits/bad%21id/settlement/cancel", "/visits/{visit_id}/settlement/cancel", null);
        assertEquals(400, a.status());
        assertEquals("visit_id", a.body().path("field").asText());
        a = call("POST", "/card/read", "/card/read", "{}");
        assertEquals(503, a.status());
        assertEquals("CARD_READER_NOT_CONFIGURED", a.code());
    }

    @Test
    @DisplayName("R-SET-11: the platform's refusal of 1101 is 422 STEP_REFUSED with its err_msg; nothing delivered is 503, retryable")
    void refusalsAndUndelivered() throws Exception {
        Answer a = call("POST", "/visits", "/visits", "{\"visit_id\":\"V9\",\"credential\":{\"kind\":\"id_card\","
                + "\"id_number\":\"110101199003070011\",\"name\":\"李四\"}}");
        assertEquals(422, a.status(), a.body().toString());
        assertEquals("STEP_REFUSED", a.code());
        assertFalse(a.body().path("err_msg").asText().isEmpty());
        assertFalse(a.body().path("retryable").asBoolean());
        assertEquals("person:V9", a.body().path("step").asText());

        world.sim.faults().next(Fault.HTTP_500, Fault.HTTP_500, Fault.HTTP_500, Fault.HTTP_500, Fault.HTTP_500,
                Fault.HTTP_500, Fault.HTTP_500, Fault.HTTP_500, Fault.HTTP_500, Fault.HTTP_500);
        a = open("V10");
        assertEquals(504, a.status(), "an HTTP 500 after sending leaves the outcome unknown (R-UPL-4): " + a.body());
        assertEquals("STEP_UNRESOLVED", a.code());
        assertTrue(a.body().path("retryable").asBoolean());
        assertTrue(a.raw().headers().firstValue("Retry-After").isPresent());
        String msgid = a.body().path("msgid").asText();
        world.sim.faults().clear();
        long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        do {
            Thread.sleep(300);
            a = open("V10");
        } while (a.status() >= 500 && System.nanoTime() < until);
        assertTrue(world.sim.deliveries(msgid) >= 1, "asked again, it resumed under the same msgid");
        assertEquals(200, a.status(), "asked again once the platform is back: " + a.body());
    }

    @Test
    @DisplayName("a platform that cannot be reached: 503 STEP_NOT_DELIVERED, retryable, Retry-After")
    void undeliveredIs503() throws Exception {
        served.close();
        int closed;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        Files.writeString(world.config, "platform.url=http://127.0.0.1:" + closed + "/\n",
                java.nio.file.StandardOpenOption.APPEND);
        served = GatewayMain.Served.start(world.config, World.CLOCK);
        Answer a = open("V11");
        assertEquals(503, a.status(), a.body().toString());
        assertEquals("STEP_NOT_DELIVERED", a.code());
        assertTrue(a.body().path("retryable").asBoolean());
        assertTrue(a.raw().headers().firstValue("Retry-After").isPresent());
    }

    @Test
    @DisplayName("steps out of order are 409; an SDK check of a value is 400 naming the request field; a bill not settled directly is a 200 result")
    void workflowErrorsAndResults() throws Exception {
        assertEquals(200, open("V2").status());
        Answer visit = call("GET", "/visits/V2", "/visits/{visit_id}", null);
        assertEquals("PSN001", visit.body().path("psn_no").asText());
        assertTrue(visit.body().path("mdtrt_id").isNull());
        LocalDate today = LocalDate.now(World.CLOCK);
        String fee = "{\"fees\":[{\"id\":\"1\",\"code\":\"XA01\",\"category\":\"DRUG\",\"service_date\":\"" + today
                + "\",\"price\":\"1.00\",\"quantity\":\"1\",\"institution_code\":\"H1\",\"department_code\":\"GK\","
                + "\"department_name\":\"骨科\",\"doctor_code\":\"D1\",\"doctor_name\":\"医生\"}]}";
        Answer a = call("POST", "/visits/V2/fees", "/visits/{visit_id}/fees", fee);
        assertEquals(409, a.status());
        assertEquals("STEP_OUT_OF_ORDER", a.code());
        a = call("POST", "/visits/V2/fees", "/visits/{visit_id}/fees", fee.replace("\"1.00\"", "\"1.0000001\""));
        assertEquals(400, a.status());
        assertEquals("INVALID_AMOUNT", a.code());
        assertEquals("fees[0].price", a.body().path("field").asText());
        a = call("POST", "/visits/V2/fees", "/visits/{visit_id}/fees", fee.replace("\"1.00\"", "1.5"));
        assertEquals(409, a.status(), "a JSON number is read exactly: " + a.body());
        a = call("POST", "/visits/V2/fees", "/visits/{visit_id}/fees", fee.replace("\"1.00\"", "true"));
        assertEquals("fees[0].price", a.body().path("field").asText());
        a = call("POST", "/visits/V2/settlement/cancel", "/visits/{visit_id}/settlement/cancel", null);
        assertEquals(409, a.status());
        a = call("GET", "/visits/V2/statement", "/visits/{visit_id}/statement", null);
        assertEquals(404, a.status());
        assertEquals("STATEMENT_NOT_AVAILABLE", a.code());

        String admission = "{\"ipt_no\":\"V2\",\"admitted_at\":\"" + today.minusDays(2) + "T09:00:00\","
                + "\"attending_doctor_code\":\"D01\",\"chief_doctor_name\":\"李医生\",\"admission_diagnosis\":\"外伤\","
                + "\"department_code\":\"GK\",\"department_name\":\"骨科\",\"bed\":\"1\",\"main_diagnosis_code\":\"S62.101\","
                + "\"main_diagnosis_name\":\"骨折\",\"diagnoses\":[{\"type\":\"1\",\"main\":true,\"order\":1,"
                + "\"code\":\"S62.101\",\"name\":\"骨折\",\"department\":\"骨科\",\"doctor_code\":\"D01\","
                + "\"doctor_name\":\"李医生\",\"time\":\"" + today.minusDays(2) + " 09:00:00\"}]}";
        a = call("POST", "/visits/V2/admission", "/visits/{visit_id}/admission", admission);
        assertEquals(200, a.status(), a.body().toString());
        Answer again = call("POST", "/visits/V2/admission", "/visits/{visit_id}/admission", admission);
        assertEquals(a.body().path("mdtrt_id"), again.body().path("mdtrt_id"), "asked again: the stored answer");
        assertEquals(1, world.sim.admissions().size());

        String outpatient = "{\"stay_kind\":\"OUTPATIENT\",\"admitted_on\":\"" + today + "\",\"discharged_on\":\"" + today
                + "\",\"lines\":[{\"id\":\"1\",\"code\":\"XA01\",\"category\":\"DRUG\",\"service_date\":\"" + today
                + "\",\"price\":\"1.00\",\"quantity\":\"1\"}]}";
        a = call("POST", "/visits/V2/settlement", "/visits/{visit_id}/settlement", outpatient);
        assertEquals(200, a.status(), a.body().toString());
        assertFalse(a.body().path("direct_settlement").asBoolean());
        assertTrue(a.body().path("setl_id").isNull());
        assertFalse(a.body().path("reasons").isEmpty(), "the reasons are the result: " + a.body());
        assertEquals(0, world.sim.settlements().size(), "nothing was sent");
        a = call("GET", "/visits/V2/statement", "/visits/{visit_id}/statement", null);
        assertEquals(200, a.status());

        a = call("POST", "/visits/V2/settlement", "/visits/{visit_id}/settlement", outpatient.replace("\"price\":\"1.00\"",
                "\"price\":\"1.00\",\"amount\":\"9.00\""));
        assertEquals(400, a.status());
        assertEquals("LINE_AMOUNT_MISMATCH", a.code());
        a = call("POST", "/reconcile", "/reconcile", "{\"from\":\"" + today + "\"}");
        assertEquals(200, a.status(), a.body().toString());
        a = call("POST", "/reconcile", "/reconcile", "{\"from\":\"" + today + "\",\"to\":\"" + today.minusDays(1) + "\"}");
        assertEquals("to", a.body().path("field").asText());
        a = call("POST", "/resume", "/resume", null);
        assertEquals(0, a.body().path("unfinished").asInt());
    }

    @Test
    @DisplayName("R-SET-11: /card/read reads the card through the session's reader (a simulated card: a test double) and opens a visit with it")
    void cardRead() throws Exception {
        SimulatedSocialSecurityCard card = SimulatedSocialSecurityCard.sample();
        CardSlot slot = new CardSlot() {
            @Override
            public <T> T withCard(String reader, Duration timeout, java.util.function.Function<io.wcsettle.his.card.ApduChannel, T> read) {
                return read.apply(card);
            }
        };
        try (Gateway g = Gateway.builder().session(served.opened().session()).token(served.opened().token())
                .institution(served.opened().institution()).cardSlot(slot).clock(World.CLOCK).start()) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(g.uri() + "/card/read"))
                    .header("Authorization", "Bearer " + world.token())
                    .POST(HttpRequest.BodyPublishers.ofString("{\"timeout_seconds\": 5}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode(), r.body());
            JsonNode read = JSON.readTree(r.body());
            assertEquals(List.of(), Contract.problems("POST", "/card/read", 200, read));
            world.sim.registerPerson(new SimulatedPerson(read.path("id_number").asText(), read.path("name").asText(),
                    read.path("card_number").asText(), read.path("card_sn").asText(), "", "PSN777", "150102", "11",
                    List.of(new SimulatedPerson.Filing("F7", "REFERRAL", "MEDICAL", "150102", "430100",
                            LocalDate.now(World.CLOCK).minusDays(3), null))));
            ObjectNode body = JSON.createObjectNode();
            body.put("visit_id", "V7");
            body.set("credential", read);
            r = http.send(HttpRequest.newBuilder(URI.create(g.uri() + "/visits"))
                    .header("Authorization", "Bearer " + world.token()).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode(), r.body());
            assertEquals("PSN777", JSON.readTree(r.body()).path("psn_no").asText(), "1101 by card number and card_sn");
            r = http.send(HttpRequest.newBuilder(URI.create(g.uri() + "/visits"))
                    .header("Authorization", "Bearer " + world.token())
                    .POST(HttpRequest.BodyPublishers.ofString("{\"visit_id\":\"V8\",\"credential\":{\"kind\":\"reader\"}}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode(), r.body());
            assertEquals("PSN777", JSON.readTree(r.body()).path("psn_no").asText(), "read and opened in one call");
        }
    }
}
