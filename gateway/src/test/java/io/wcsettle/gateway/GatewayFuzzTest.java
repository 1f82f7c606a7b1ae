package io.wcsettle.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.wcsettle.core.fuzz.Fuzz;
import io.wcsettle.his.fuzz.JsonMutate;

/**
 * The gateway's HTTP entry point under mutated request bodies (the shared JSON mutator: truncation,
 * byte flips, exotic numbers, duplicate keys, deep nesting, wrong types, unicode): every request
 * gets an answer, every answer is JSON that the OpenAPI document allows for its route and status,
 * none is a 500 {@code INTERNAL} (an unexpected throwable inside the gateway) and none carries a
 * stack trace or class name.
 */
class GatewayFuzzTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private World world;
    private GatewayMain.Served served;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** One request: route template, path, and body. */
    record Request(String template, String path, byte[] body) {
        @Override
        public String toString() {
            return "POST " + path + " " + Fuzz.render(new String(body, java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    /** What came back. */
    record Reply(int status, String text) {
    }

    @BeforeEach
    void start() throws IOException {
        world = new World(dir);
        Files.writeString(world.config, "platform.callTimeout=PT1S\n", StandardOpenOption.APPEND);
        served = GatewayMain.Served.start(world.config, World.CLOCK);
    }

    @AfterEach
    void stop() {
        served.close();
        world.close();
    }

    private List<Request> seeds() {
        LocalDate today = LocalDate.now(World.CLOCK);
        String open = "{\"visit_id\":\"VF\",\"credential\":{\"kind\":\"id_card\",\"id_number\":\"" + World.ID_NUMBER
                + "\",\"name\":\"" + World.NAME + "\"}}";
        String fees = "{\"fees\":[{\"id\":\"1\",\"code\":\"XA01\",\"category\":\"DRUG\",\"service_date\":\"" + today
                + "\",\"price\":\"1.00\",\"quantity\":\"1\",\"institution_code\":\"H1\",\"department_code\":\"GK\","
                + "\"department_name\":\"骨科\",\"doctor_code\":\"D1\",\"doctor_name\":\"医生\"}]}";
        String admission = "{\"ipt_no\":\"VF\",\"admitted_at\":\"" + today.minusDays(2) + "T09:00:00\","
                + "\"attending_doctor_code\":\"D01\",\"chief_doctor_name\":\"李医生\",\"admission_diagnosis\":\"外伤\","
                + "\"department_code\":\"GK\",\"department_name\":\"骨科\",\"bed\":\"1\",\"main_diagnosis_code\":\"S62.101\","
                + "\"main_diagnosis_name\":\"骨折\",\"diagnoses\":[{\"type\":\"1\",\"main\":true,\"order\":1,"
                + "\"code\":\"S62.101\",\"name\":\"骨折\",\"department\":\"骨科\",\"doctor_code\":\"D01\","
                + "\"doctor_name\":\"李医生\",\"time\":\"" + today.minusDays(2) + " 09:00:00\"}]}";
        String settle = "{\"stay_kind\":\"OUTPATIENT\",\"admitted_on\":\"" + today + "\",\"discharged_on\":\"" + today
                + "\",\"lines\":[{\"id\":\"1\",\"code\":\"XA01\",\"category\":\"DRUG\",\"service_date\":\"" + today
                + "\",\"price\":\"1.00\",\"quantity\":\"1\"}]}";
        return List.of(new Request("/visits", "/visits", open.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                new Request("/visits/{visit_id}/fees", "/visits/VF/fees", fees.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                new Request("/visits/{visit_id}/admission", "/visits/VF/admission",
                        admission.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                new Request("/visits/{visit_id}/settlement", "/visits/VF/settlement",
                        settle.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                new Request("/reconcile", "/reconcile",
                        ("{\"from\":\"" + today + "\"}").getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    private Reply send(Request q) throws Exception {
        HttpRequest r = HttpRequest.newBuilder(URI.create(served.gateway().uri() + q.path()))
                .timeout(Duration.ofSeconds(10)).header("Authorization", "Bearer " + world.token())
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(q.body())).build();
        HttpResponse<String> a = http.send(r, HttpResponse.BodyHandlers.ofString());
        return new Reply(a.statusCode(), a.body());
    }

    @Test
    @DisplayName("gateway fuzz: mutated bodies on every POST route get a documented JSON answer, never a 500 or a stack trace")
    void mutatedBodies() throws Exception {
        List<Request> seeds = seeds();
        assertEquals(200, send(seeds.get(0)).status(), "the visit the other routes work on opens");
        JsonNode[] trees = new JsonNode[seeds.size()];
        for (int i = 0; i < trees.length; i++) {
            trees[i] = JSON.readTree(seeds.get(i).body());
        }
        Fuzz.run("gateway HTTP bodies", Fuzz.tries(0.15), (SplittableRandom r) -> {
            int k = r.nextInt(seeds.size());
            return new Request(seeds.get(k).template(), seeds.get(k).path(), JsonMutate.document(r, trees[k]));
        }, this::send, (q, reply) -> {
            assertNotEquals(500, reply.status(), "an unexpected failure inside the gateway: " + reply.text());
            assertFalse(reply.text().contains("Exception") || reply.text().contains("\tat ")
                    || reply.text().contains("io.wcsettle."), "no stack trace or class name: " + reply.text());
            JsonNode body;
            try {
                body = JSON.readTree(reply.text());
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + reply.text());
            }
            assertEquals(List.of(), Contract.problems("POST", q.template(), reply.status(), body),
                    q.template() + " → " + reply.status() + " " + reply.text());
        }, Request::toString);
    }
}
