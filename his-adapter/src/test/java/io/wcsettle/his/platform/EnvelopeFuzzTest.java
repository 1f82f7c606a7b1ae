package io.wcsettle.his.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import io.wcsettle.core.error.WcsettleException;
import io.wcsettle.core.fuzz.Fuzz;
import io.wcsettle.core.fuzz.Mutate;
import io.wcsettle.his.fuzz.JsonMutate;
import io.wcsettle.his.platform.profile.ProfileErrorCode;

/**
 * Envelope decoding, both directions, plain and SM4 (GCM and ECB): signed envelopes mutated as
 * text and as trees (truncation, byte flips, huge and tiny numbers, exponents, leading zeros,
 * full-width digits, unicode, nulls, deep nesting, duplicate keys, wrong types, other content
 * types). Half the mutated envelopes are signed again over the mutated payload, so that the
 * decoder's work after the signature check is reached too. Accepted means: the envelope is what an
 * independent strict reading says (infcode exactly 0 or -1 as a decimal, the payload's canonical
 * form the same, no duplicate key); unmutated envelopes must be accepted as they were encoded.
 * Refused means a {@link PlatformException} (or the profile's {@code UNKNOWN_TRANSACTION}).
 */
class EnvelopeFuzzTest {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-10-09T02:03:04Z"), CHINA);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final KeyPair HIS = Sm2Keys.generate(RANDOM);
    private static final KeyPair PLATFORM = Sm2Keys.generate(RANDOM);
    private static final Signer HIS_SIGNER = new Sm2Signer(HIS.getPrivate(), RANDOM);
    private static final Signer PLATFORM_SIGNER = new Sm2Signer(PLATFORM.getPrivate(), RANDOM);
    private static final byte[] SM4_KEY = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    /** An independent strict reader: exact decimals, duplicate keys refused. */
    private static final ObjectMapper REFERENCE = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true)).build();

    /** One side's codecs: the HIS (decodes responses) and the platform (decodes requests). */
    private record Side(EnvelopeCodec his, EnvelopeCodec platform, PayloadCipher cipher) {
        static Side of(PayloadCipher cipher) {
            return new Side(
                    EnvelopeCodec.builder().signer(HIS_SIGNER).counterpart(new Sm2Verifier(PLATFORM.getPublic()))
                            .payloadCipher(cipher).clock(CLOCK).maxBodyBytes(256 * 1024).build(),
                    EnvelopeCodec.builder().signer(PLATFORM_SIGNER).counterpart(new Sm2Verifier(HIS.getPublic()))
                            .payloadCipher(cipher).clock(CLOCK).maxBodyBytes(256 * 1024).build(),
                    cipher);
        }
    }

    private static final Side PLAIN = Side.of(null);
    private static final List<Side> SM4 = List.of(
            Side.of(new Sm4PayloadCipher(SM4_KEY, Sm4PayloadCipher.Mode.GCM, RANDOM)),
            Side.of(new Sm4PayloadCipher(SM4_KEY, Sm4PayloadCipher.Mode.ECB, RANDOM)));

    /** A body to decode, and for an unmutated one the payload it must decode to. */
    record Env(byte[] body, String contentType, int side, JsonNode pristinePayload) {
        @Override
        public String toString() {
            return Fuzz.render(body) + " as " + contentType;
        }
    }

    private static ObjectNode json(String text) {
        try {
            return (ObjectNode) CanonicalJson.mapper().readTree(text);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static final List<JsonNode> OUTPUTS = List.of(
            json("{\"result\":{\"mdtrt_id\":\"430100202510091003040000000001\",\"psn_no\":\"43000000000000000000000"
                    + "0000001\"}}"),
            json("{\"setlinfo\":{\"setl_id\":\"S1\",\"medfee_sumamt\":1234.56,\"fund_pay_sumamt\":1000.00,"
                    + "\"psn_cash_pay\":234.56,\"cnt\":3,\"setl_time\":\"2025-10-09 10:03:04\"},\"setldetail\":[{\"a\":1},"
                    + "{\"b\":-0.5}]}"),
            json("{\"signinoutb\":{\"sign_time\":\"2025-10-09 10:03:04\",\"sign_no\":\"SN20251009000000000000000000001\"}}"));

    private static final List<JsonNode> INPUTS = List.of(
            json("{\"mdtrtinfo\":{\"psn_no\":\"430000000000000000000000000001\",\"begntime\":\"2025-10-09 08:00:00\","
                    + "\"ipt_no\":\"ZY0001\",\"adm_bed\":\"12\"},\"diseinfo\":[{\"diag_srt_no\":1,\"diag_code\":\"S62.101\","
                    + "\"diag_name\":\"右桡骨远端骨折\"}]}"),
            json("{\"feedetail\":[{\"feedetl_sn\":1,\"det_item_fee_sumamt\":12.34,\"cnt\":2.0000,\"pric\":6.170000}]}"),
            json("{\"signIn\":{\"opter_no\":\"0001\",\"mac\":\"00-11-22-33-44-55\",\"ip\":\"10.0.0.1\"}}"));

    private static RequestHeader header() {
        return RequestHeader.builder().fixmedinsCode("H43010200001").fixmedinsName("长沙市第一医院")
                .mdtrtareaAdmvs("430102").insuplcAdmdvs("110000").recerSysCode("SICP").opter("0001")
                .opterName("收费员甲").signNo("SN2025100900000000000000000001").build();
    }

    private static final String[] INFNOS = {"2401", "2301", "9001"};

    private static final java.util.Map<String, byte[]> SEEDS = new java.util.concurrent.ConcurrentHashMap<>();

    private static byte[] responseSeed(Side s, int k) {
        return SEEDS.computeIfAbsent("response " + s.hashCode() + " " + k, x -> encodeResponseSeed(s, k));
    }

    private static byte[] requestSeed(Side s, int k) {
        return SEEDS.computeIfAbsent("request " + s.hashCode() + " " + k, x -> encodeRequestSeed(s, k));
    }

    private static byte[] encodeResponseSeed(Side s, int k) {
        String now = LocalDateTime.now(CLOCK).format(EnvelopeCodec.RESPOND_TIME);
        int infcode = k == 2 ? PlatformResponse.OK : k == 1 ? PlatformResponse.REFUSED : PlatformResponse.OK;
        return s.platform().encodeResponse(new PlatformResponse(infcode, "4300002025100910030400000001", now, now,
                infcode == 0 ? "" : "参保人不存在", OUTPUTS.get(k)));
    }

    private static byte[] encodeRequestSeed(Side s, int k) {
        return s.his().encodeRequest(new PlatformRequest(INFNOS[k], "H4301020000120251009100304" + "000" + k, header(),
                (ObjectNode) INPUTS.get(k)));
    }

    private static final String[] CONTENT_TYPES = {"application/json", "application/json;charset=UTF-8",
        "APPLICATION/JSON; charset=utf-8", "application/json; charset=GBK", "text/plain", "", null,
        "application/json;charset=UTF-8;charset=GBK", " application/json ", "application/jsonx", "application/json\u0000"};

    /** Generates one input for the side {@code sides} of the given direction. */
    private static Env generate(SplittableRandom r, boolean response, boolean encrypted) {
        int sideIndex = encrypted ? r.nextInt(SM4.size()) : 0;
        Side side = encrypted ? SM4.get(sideIndex) : PLAIN;
        int k = r.nextInt(3);
        byte[] seed = response ? responseSeed(side, k) : requestSeed(side, k);
        String field = response ? "output" : "input";
        JsonNode payload = response ? OUTPUTS.get(k) : INPUTS.get(k);
        String contentType = r.nextInt(10) == 0 ? Mutate.pick(r, CONTENT_TYPES) : "application/json;charset=UTF-8";
        if (r.nextInt(50) == 0) {
            return new Env(seed, "application/json;charset=UTF-8", sideIndex, payload);
        }
        JsonNode tree = read(seed);
        if (encrypted && r.nextBoolean()) {
            // a mutated plaintext, encrypted and signed: reaches the decrypted payload's reading
            byte[] plain = JsonMutate.document(r, payload);
            ((ObjectNode) tree).put(field, side.cipher().encrypt(plain));
            byte[] canonical = canonicalOrNull(readOrNull(plain));
            ((ObjectNode) tree).put("cainfo", canonical == null ? "AAAA" : sign(response, canonical));
            return new Env(r.nextInt(4) == 0 ? JsonMutate.text(r, tree.toString()) : tree.toString()
                    .getBytes(StandardCharsets.UTF_8), contentType, sideIndex, null);
        }
        byte[] mutated = JsonMutate.document(r, tree);
        if (!encrypted && r.nextBoolean()) {
            mutated = resign(mutated, field, response);
        }
        return new Env(mutated, contentType, sideIndex, null);
    }

    private static String sign(boolean response, byte[] canonical) {
        return Base64.getEncoder().encodeToString((response ? PLATFORM_SIGNER : HIS_SIGNER).sign(canonical));
    }

    private static final Pattern CAINFO = Pattern.compile("\"cainfo\":\"[^\"]*\"");

    /** The text with its {@code cainfo} replaced by a valid signature over the payload as the decoder reads it. */
    private static byte[] resign(byte[] body, String field, boolean response) {
        JsonNode e = readOrNull(body);
        if (e == null || !e.isObject()) {
            return body;
        }
        JsonNode p = e.get(field);
        byte[] canonical = canonicalOrNull(p == null ? JsonNodeFactory.instance.nullNode() : p);
        if (canonical == null) {
            return body;
        }
        String text = new String(body, StandardCharsets.UTF_8);
        Matcher m = CAINFO.matcher(text);
        if (!m.find()) {
            return body;
        }
        return (text.substring(0, m.start()) + "\"cainfo\":\"" + sign(response, canonical) + "\"" + text.substring(m.end()))
                .getBytes(StandardCharsets.UTF_8);
    }

    /** The canonical bytes of {@code n} unless it is missing or holds a number too long to write plainly. */
    private static byte[] canonicalOrNull(JsonNode n) {
        if (n == null || hugeNumber(n, 0)) {
            return null;
        }
        byte[] b = CanonicalJson.bytes(n);
        return b.length > 200_000 ? null : b;
    }

    private static boolean hugeNumber(JsonNode n, int depth) {
        if (depth > 200) {
            return true;
        }
        if (n.isBigDecimal() && (long) n.decimalValue().precision() + Math.abs((long) n.decimalValue().scale()) > 1000) {
            return true;
        }
        for (JsonNode c : n) {
            if (hugeNumber(c, depth + 1)) {
                return true;
            }
        }
        return false;
    }

    private static JsonNode read(byte[] b) {
        try {
            return CanonicalJson.mapper().readTree(b);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static JsonNode readOrNull(byte[] b) {
        try {
            JsonNode n = REFERENCE.readTree(b);
            return n == null || n.isMissingNode() ? null : n;
        } catch (Exception | StackOverflowError e) {
            return null;
        }
    }

    /** The strict reference reading of an accepted body: no duplicates, and its payload (decrypted where it is a string). */
    private static JsonNode referencePayload(Env env, String field, boolean encrypted) {
        JsonNode e = readOrNull(env.body());
        assertTrue(e != null && e.isObject(), "accepted, but the body is not one JSON object without duplicate keys");
        JsonNode p = e.get(field);
        if (encrypted && p != null && p.isTextual()) {
            p = readOrNull(SM4.get(env.side()).cipher().decrypt(p.textValue()));
            assertTrue(p != null, "accepted, but the decrypted payload is not JSON without duplicate keys");
        }
        return p == null ? JsonNodeFactory.instance.nullNode() : p;
    }

    private static final class EnvelopeOracle<R> implements Fuzz.Oracle<Env, R> {
        private final boolean response;
        private final boolean encrypted;

        EnvelopeOracle(boolean response, boolean encrypted) {
            this.response = response;
            this.encrypted = encrypted;
        }

        @Override
        public void accepted(Env env, R result) {
            String field = response ? "output" : "input";
            JsonNode expected = referencePayload(env, field, encrypted);
            JsonNode got;
            if (result instanceof PlatformResponse pr) {
                JsonNode code = readOrNull(env.body()).get("infcode");
                assertTrue(code.isNumber(), "infcode is a JSON number");
                BigDecimal exact = code.decimalValue();
                assertTrue(exact.compareTo(BigDecimal.ZERO) == 0 || exact.compareTo(BigDecimal.ONE.negate()) == 0,
                        "infcode " + code + " accepted");
                assertEquals(0, exact.compareTo(BigDecimal.valueOf(pr.infcode())), "infcode decoded as written");
                got = pr.output();
            } else {
                PlatformRequest q = (PlatformRequest) result;
                assertEquals(readOrNull(env.body()).get("infno").asText(), q.infno());
                got = q.input();
            }
            assertEquals(new String(CanonicalJson.bytes(expected), StandardCharsets.UTF_8),
                    new String(CanonicalJson.bytes(got), StandardCharsets.UTF_8), "payload as signed");
            if (env.pristinePayload() != null) {
                assertEquals(env.pristinePayload(), got, "an unmutated envelope decodes to what was encoded");
            }
        }

        @Override
        public void rejected(Env env, WcsettleException e) {
            if (env.pristinePayload() != null) {
                fail("an unmutated envelope was refused: " + e.getMessage());
            }
            assertTrue(e instanceof PlatformException
                    || e.errorCode() == ProfileErrorCode.UNKNOWN_TRANSACTION, "a platform error: " + e);
        }
    }

    private static void run(String entry, boolean response, boolean encrypted) {
        Function<SplittableRandom, Env> g = r -> generate(r, response, encrypted);
        Fuzz.run(entry, Fuzz.tries(0.5), g, env -> {
            Side s = encrypted ? SM4.get(env.side()) : PLAIN;
            return response ? s.his().decodeResponse(env.body(), env.contentType())
                    : s.platform().decodeRequest(env.body(), env.contentType());
        }, new EnvelopeOracle<>(response, encrypted), Env::toString);
    }

    @Test
    @DisplayName("Security fuzz: a response envelope decodes to exactly what was signed (infcode 0 / -1 as written), or is a PlatformException")
    void decodeResponse() {
        run("EnvelopeCodec.decodeResponse", true, false);
    }

    @Test
    @DisplayName("Security fuzz: an SM4 (GCM, ECB) response envelope decodes to exactly what was signed, or is a PlatformException")
    void decodeResponseSm4() {
        run("EnvelopeCodec.decodeResponse SM4", true, true);
    }

    @Test
    @DisplayName("Security fuzz: a request envelope decodes to exactly what was signed, or is a PlatformException")
    void decodeRequest() {
        run("EnvelopeCodec.decodeRequest", false, false);
    }

    @Test
    @DisplayName("Security fuzz: an SM4 (GCM, ECB) request envelope decodes to exactly what was signed, or is a PlatformException")
    void decodeRequestSm4() {
        run("EnvelopeCodec.decodeRequest SM4", false, true);
    }

    @Test
    @DisplayName("Security fuzz: PayloadCipher.decrypt of mutated Base64 ciphertexts gives bytes or CRYPTO_FAILURE")
    void sm4Decrypt() {
        List<String> seeds = new ArrayList<>();
        for (Side s : SM4) {
            seeds.add(s.cipher().encrypt(CanonicalJson.bytes(OUTPUTS.get(1))));
        }
        Fuzz.run("Sm4PayloadCipher.decrypt", Fuzz.tries(1), r -> {
            int side = r.nextInt(SM4.size());
            String ct = r.nextInt(20) == 0 ? seeds.get(side) : Mutate.string(r, seeds.get(side));
            return new Object[] {side, ct};
        }, in -> SM4.get((Integer) in[0]).cipher().decrypt((String) in[1]), new Fuzz.Oracle<Object[], byte[]>() {
            @Override
            public void accepted(Object[] in, byte[] plain) {
                assertTrue(plain != null);
            }

            @Override
            public void rejected(Object[] in, WcsettleException e) {
                assertEquals(PlatformErrorCode.CRYPTO_FAILURE, e.errorCode());
            }
        }, in -> Fuzz.render(in[1]));
    }
}
