package io.wcsettle.his.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import io.wcsettle.his.platform.profile.Transaction;
import io.wcsettle.his.platform.profile.TransactionProfile;

class EnvelopeCodecTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-10-09T02:03:04Z"), PlatformFixture.CHINA);
    private final EnvelopeCodec his = PlatformFixture.hisCodec(CLOCK, null);
    private final EnvelopeCodec platform = platformCodec(CLOCK);

    static EnvelopeCodec platformCodec(Clock clock) {
        return EnvelopeCodec.builder()
                .signer(new Sm2Signer(PlatformFixture.PLATFORM_KEYS.getPrivate(), new SecureRandom()))
                .counterpart(new Sm2Verifier(PlatformFixture.HIS_KEYS.getPublic()))
                .clock(clock).maxBodyBytes(4096).build();
    }

    private byte[] response(int infcode) {
        String now = LocalDateTime.now(CLOCK).format(EnvelopeCodec.RESPOND_TIME);
        ObjectNode out = CanonicalJson.mapper().createObjectNode().put("setl_id", "S1");
        return platform.encodeResponse(new PlatformResponse(infcode, "1100002025100910030400000001", now, now, "", out));
    }

    private ObjectNode tree(byte[] b) throws Exception {
        return (ObjectNode) CanonicalJson.mapper().readTree(b);
    }

    private String code(byte[] body, String contentType) {
        return assertThrows(PlatformException.class, () -> his.decodeResponse(body, contentType)).code();
    }

    @Test
    @DisplayName("Envelope: a signed request round-trips with every header field, input signed")
    void requestRoundTrip() throws Exception {
        PlatformRequest r = new PlatformRequest("2304", "H11010500001202510091003040001", PlatformFixture.header(),
                CanonicalJson.mapper().createObjectNode().put("mdtrt_id", "M1"));
        byte[] body = his.encodeRequest(r);
        ObjectNode e = tree(body);
        assertEquals("2025-10-09 10:03:04", e.get("inf_time").asText());
        assertEquals("SM2", e.get("signtype").asText());
        assertEquals("V1.0", e.get("infver").asText());
        PlatformRequest back = platform.decodeRequest(body, "application/json");
        assertEquals(r.input(), back.input());
        assertEquals(r.header(), back.header());
        assertEquals(r.msgid(), back.msgid());
    }

    @Test
    @DisplayName("Envelope: a verified response is accepted")
    void responseAccepted() {
        PlatformResponse r = his.decodeResponse(response(0), "application/json;charset=UTF-8");
        assertTrue(r.succeeded());
        assertEquals("S1", r.output().get("setl_id").asText());
    }

    @Test
    @DisplayName("Bad input: wrong content type is WRONG_CONTENT_TYPE")
    void wrongContentType() {
        assertEquals("WRONG_CONTENT_TYPE", code(response(0), "text/html"));
        assertEquals("WRONG_CONTENT_TYPE", code(response(0), null));
        assertEquals("WRONG_CONTENT_TYPE", code(response(0), "application/json; charset=GBK"));
    }

    @Test
    @DisplayName("Bad input: malformed and oversized bodies are MALFORMED_RESPONSE / RESPONSE_TOO_LARGE")
    void malformedAndOversized() {
        assertEquals("MALFORMED_RESPONSE", code("{not json".getBytes(StandardCharsets.UTF_8), "application/json"));
        assertEquals("MALFORMED_RESPONSE", code("[1,2]".getBytes(StandardCharsets.UTF_8), "application/json"));
        assertEquals("MALFORMED_RESPONSE", code(new byte[0], "application/json"));
        EnvelopeCodec small = EnvelopeCodec.builder().signer(b -> new byte[64]).counterpart((m, s) -> true)
                .clock(CLOCK).maxBodyBytes(10).build();
        assertEquals("RESPONSE_TOO_LARGE", assertThrows(PlatformException.class,
                () -> small.decodeResponse(response(0), "application/json")).code());
    }

    @Test
    @DisplayName("Bad input: an infcode other than 0 / -1 is UNKNOWN_INFCODE")
    void unknownInfcode() throws Exception {
        ObjectNode e = tree(response(0));
        e.put("infcode", 7);
        assertEquals("UNKNOWN_INFCODE", code(CanonicalJson.mapper().writeValueAsBytes(e), "application/json"));
        e.put("infcode", "x");
        assertEquals("UNKNOWN_INFCODE", code(CanonicalJson.mapper().writeValueAsBytes(e), "application/json"));
        assertEquals(-1, his.decodeResponse(response(-1), "application/json").infcode());
    }

    @Test
    @DisplayName("Bad input: clock skew beyond the limit is CLOCK_SKEW, in responses and in inf_time of requests")
    void clockSkew() {
        EnvelopeCodec late = PlatformFixture.hisCodec(Clock.offset(CLOCK, Duration.ofMinutes(6)), null);
        assertEquals("CLOCK_SKEW", assertThrows(PlatformException.class,
                () -> late.decodeResponse(response(0), "application/json")).code());
        PlatformRequest r = new PlatformRequest("2304", "H11010500001202510091003040001", PlatformFixture.header(),
                CanonicalJson.mapper().createObjectNode());
        byte[] body = late.encodeRequest(r);
        PlatformException e = assertThrows(PlatformException.class, () -> platform.decodeRequest(body, "application/json"));
        assertEquals("CLOCK_SKEW", e.code());
        assertEquals("inf_time", e.field());
    }

    @Test
    @DisplayName("Security: a response with a missing or bad signature is never accepted")
    void badSignature() throws Exception {
        ObjectNode e = tree(response(0));
        e.remove("cainfo");
        assertEquals("SIGNATURE_MISSING", code(CanonicalJson.mapper().writeValueAsBytes(e), "application/json"));
        e = tree(response(0));
        ((ObjectNode) e.get("output")).put("setl_id", "S2");
        assertEquals("SIGNATURE_INVALID", code(CanonicalJson.mapper().writeValueAsBytes(e), "application/json"));
        e = tree(response(0));
        e.put("cainfo", "%%%");
        assertEquals("SIGNATURE_INVALID", code(CanonicalJson.mapper().writeValueAsBytes(e), "application/json"));
        // signed by someone else (the HIS key instead of the platform's)
        byte[] forged = EnvelopeCodec.builder().signer(new Sm2Signer(PlatformFixture.HIS_KEYS.getPrivate(),
                        new SecureRandom())).counterpart((m, s) -> true).clock(CLOCK).build()
                .encodeResponse(his.decodeResponse(response(0), "application/json"));
        assertEquals("SIGNATURE_INVALID", code(forged, "application/json"));
    }

    @Test
    @DisplayName("Bad input: an infno the profile does not know is UNKNOWN_TRANSACTION; a region's profile file renames codes without code changes")
    void profiles() throws Exception {
        PlatformRequest r = new PlatformRequest("9999", "H11010500001202510091003040001", PlatformFixture.header(),
                CanonicalJson.mapper().createObjectNode());
        assertEquals("UNKNOWN_TRANSACTION", assertThrows(io.wcsettle.core.error.WcsettleException.class,
                () -> platform.decodeRequest(his.encodeRequest(r), "application/json")).code());
        byte[] template;
        try (var in = TransactionProfile.class.getResourceAsStream(TransactionProfile.TEMPLATE_RESOURCE)) {
            template = in.readAllBytes();
        }
        String region = new String(template, StandardCharsets.UTF_8).replace("\"infno\": \"2304\"", "\"infno\": \"2399\"")
                .replace("\"profile\": \"national-template\"", "\"profile\": \"region\"");
        TransactionProfile custom = TransactionProfile.read(region.getBytes(StandardCharsets.UTF_8), "region.json");
        assertEquals(Transaction.SETTLEMENT, custom.require("2399"));
        assertTrue(custom.transactionOf("2304").isEmpty());
        assertEquals("2304", TransactionProfile.template().infno(Transaction.SETTLEMENT));
    }
}
