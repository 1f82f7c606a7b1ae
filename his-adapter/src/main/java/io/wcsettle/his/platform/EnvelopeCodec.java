package io.wcsettle.his.platform;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Locale;
import java.util.Objects;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.wcsettle.his.platform.profile.TransactionProfile;

/**
 * Writes and reads signed envelopes (PROTOCOL.md "Message envelope", "Security"). The same codec
 * serves both sides: the HIS encodes requests and decodes responses, the simulator the reverse.
 * Every decoded message must carry a valid SM3withSM2 {@code cainfo} over the canonical JSON of
 * its payload; one without is an error, never accepted. Thread-safe.
 */
public final class EnvelopeCodec {

    /** {@code inf_time} and message date-times. */
    public static final DateTimeFormatter INF_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    /** {@code refmsg_time} / {@code respond_time}. */
    public static final DateTimeFormatter RESPOND_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmssSSS");

    private final TransactionProfile profile;
    private final Signer signer;
    private final SignatureVerifier counterpart;
    private final PayloadCipher cipher;
    private final Clock clock;
    private final Duration maxClockSkew;
    private final int maxBodyBytes;

    private EnvelopeCodec(Builder b) {
        this.profile = Objects.requireNonNull(b.profile, "profile");
        this.signer = Objects.requireNonNull(b.signer, "signer");
        this.counterpart = Objects.requireNonNull(b.counterpart, "counterpart");
        this.cipher = b.cipher;
        this.clock = Objects.requireNonNull(b.clock, "clock");
        this.maxClockSkew = b.maxClockSkew;
        this.maxBodyBytes = b.maxBodyBytes;
    }

    /** A builder; profile defaults to {@link TransactionProfile#workInjury()}, skew to 5 minutes, body limit to 1 MiB. */
    public static Builder builder() {
        return new Builder();
    }

    /** The largest body accepted. */
    public int maxBodyBytes() {
        return maxBodyBytes;
    }

    /** The transaction profile. */
    public TransactionProfile profile() {
        return profile;
    }

    /** The JSON bytes of {@code request}, stamped with {@code inf_time} now and signed. */
    public byte[] encodeRequest(PlatformRequest request) {
        RequestHeader h = request.header();
        ObjectNode e = CanonicalJson.MAPPER.createObjectNode();
        e.put("infno", request.infno());
        e.put("msgid", request.msgid());
        e.put("mdtrtarea_admvs", h.mdtrtareaAdmvs());
        e.put("insuplc_admdvs", h.insuplcAdmdvs());
        e.put("recer_sys_code", h.recerSysCode());
        e.put("dev_no", h.devNo());
        e.put("dev_safe_info", h.devSafeInfo());
        e.put("infver", h.infver());
        e.put("opter_type", h.opterType());
        e.put("opter", h.opter());
        e.put("opter_name", h.opterName());
        e.put("inf_time", LocalDateTime.now(clock).format(INF_TIME));
        e.put("fixmedins_code", h.fixmedinsCode());
        e.put("fixmedins_name", h.fixmedinsName());
        e.put("sign_no", h.signNo());
        putSignedPayload(e, "input", request.input());
        return write(e);
    }

    /**
     * Reads a request envelope (simulator side), checking content type, size, {@code infno},
     * {@code msgid}, {@code inf_time} skew and signature.
     *
     * @throws PlatformException {@code MALFORMED_REQUEST}, {@code WRONG_CONTENT_TYPE},
     *                           {@code RESPONSE_TOO_LARGE}, {@code UNKNOWN_INFNO}, {@code INVALID_MSGID},
     *                           {@code CLOCK_SKEW}, {@code SIGNATURE_MISSING}, {@code SIGNATURE_INVALID}
     */
    public PlatformRequest decodeRequest(byte[] body, String contentType) {
        ObjectNode e = readEnvelope(body, contentType, PlatformErrorCode.MALFORMED_REQUEST);
        String infno = text(e, "infno", PlatformErrorCode.MALFORMED_REQUEST);
        profile.require(infno);
        String msgid = MsgIdGenerator.requireValid("msgid", text(e, "msgid", PlatformErrorCode.MALFORMED_REQUEST));
        LocalDateTime infTime = parseTime(text(e, "inf_time", PlatformErrorCode.MALFORMED_REQUEST), INF_TIME,
                "inf_time", PlatformErrorCode.MALFORMED_REQUEST);
        checkSkew(infTime, "inf_time");
        JsonNode input = verifiedPayload(e, "input", PlatformErrorCode.MALFORMED_REQUEST);
        if (!input.isObject()) {
            throw new PlatformException(PlatformErrorCode.MALFORMED_REQUEST, "input", "input is not an object");
        }
        PlatformErrorCode m = PlatformErrorCode.MALFORMED_REQUEST;
        RequestHeader h = new RequestHeader(opt(e, "mdtrtarea_admvs", m), opt(e, "insuplc_admdvs", m),
                opt(e, "recer_sys_code", m), opt(e, "dev_no", m), opt(e, "dev_safe_info", m), opt(e, "infver", m),
                opt(e, "opter_type", m), opt(e, "opter", m), opt(e, "opter_name", m), opt(e, "fixmedins_code", m),
                opt(e, "fixmedins_name", m), opt(e, "sign_no", m));
        return new PlatformRequest(infno, msgid, h, (ObjectNode) input);
    }

    /** The JSON bytes of {@code response} with its signed output (simulator side). */
    public byte[] encodeResponse(PlatformResponse response) {
        ObjectNode e = CanonicalJson.MAPPER.createObjectNode();
        e.put("infcode", response.infcode());
        e.put("inf_refmsgid", response.infRefmsgid());
        e.put("refmsg_time", response.refmsgTime());
        e.put("respond_time", response.respondTime());
        e.put("err_msg", Objects.requireNonNullElse(response.errMsg(), ""));
        putSignedPayload(e, "output", response.output());
        return write(e);
    }

    /**
     * Reads and verifies a response envelope (HIS side).
     *
     * @throws PlatformException {@code WRONG_CONTENT_TYPE}, {@code RESPONSE_TOO_LARGE},
     *                           {@code MALFORMED_RESPONSE}, {@code UNKNOWN_INFCODE}, {@code CLOCK_SKEW},
     *                           {@code SIGNATURE_MISSING}, {@code SIGNATURE_INVALID}
     */
    public PlatformResponse decodeResponse(byte[] body, String contentType) {
        ObjectNode e = readEnvelope(body, contentType, PlatformErrorCode.MALFORMED_RESPONSE);
        JsonNode code = e.get("infcode");
        if (code == null || code.isNull()) {
            throw new PlatformException(PlatformErrorCode.MALFORMED_RESPONSE, "infcode", "infcode missing");
        }
        // 表 3: infcode is 数值型; only 0 and -1 exist (表 4). Anything else, however it is spelt, is unknown.
        if (!code.isIntegralNumber() || !code.canConvertToInt()) {
            throw new PlatformException(PlatformErrorCode.UNKNOWN_INFCODE, "infcode", "infcode is not 0 or -1");
        }
        int infcode = code.intValue();
        if (infcode != PlatformResponse.OK && infcode != PlatformResponse.REFUSED) {
            throw new PlatformException(PlatformErrorCode.UNKNOWN_INFCODE, "infcode", "infcode is not 0 or -1");
        }
        String respondTime = text(e, "respond_time", PlatformErrorCode.MALFORMED_RESPONSE);
        checkSkew(parseTime(respondTime, RESPOND_TIME, "respond_time", PlatformErrorCode.MALFORMED_RESPONSE),
                "respond_time");
        JsonNode output = verifiedPayload(e, "output", PlatformErrorCode.MALFORMED_RESPONSE);
        PlatformErrorCode m = PlatformErrorCode.MALFORMED_RESPONSE;
        return new PlatformResponse(infcode, opt(e, "inf_refmsgid", m), opt(e, "refmsg_time", m), respondTime,
                opt(e, "err_msg", m), output);
    }

    private void putSignedPayload(ObjectNode e, String field, JsonNode payload) {
        JsonNode p = payload == null ? NullNode.getInstance() : payload;
        byte[] canonical = CanonicalJson.bytes(p);
        if (cipher != null && !p.isNull()) {
            e.put(field, cipher.encrypt(canonical));
        } else {
            e.set(field, p);
        }
        e.put("signtype", "SM2");
        e.put("cainfo", Base64.getEncoder().encodeToString(signer.sign(canonical)));
    }

    private JsonNode verifiedPayload(ObjectNode e, String field, PlatformErrorCode malformed) {
        JsonNode raw = e.get(field);
        JsonNode payload;
        if (raw != null && raw.isTextual() && cipher != null) {
            byte[] plain = cipher.decrypt(raw.asText());
            try {
                payload = CanonicalJson.STRICT_READER.readTree(plain);
            } catch (IOException | RuntimeException ex) {
                throw new PlatformException(malformed, field, "decrypted payload is not JSON (or repeats a key)");
            }
            if (payload == null || payload.isMissingNode()) {
                throw new PlatformException(malformed, field, "decrypted payload is empty");
            }
        } else {
            payload = raw == null ? NullNode.getInstance() : raw;
        }
        checkNumbers(payload, field, malformed, 0);
        JsonNode cainfo = e.get("cainfo");
        if (cainfo == null || !cainfo.isTextual() || cainfo.asText().isEmpty()) {
            throw new PlatformException(PlatformErrorCode.SIGNATURE_MISSING, "cainfo", "message is not signed");
        }
        JsonNode signtype = e.get("signtype");
        if (signtype != null && !"SM2".equals(signtype.asText())) {
            throw new PlatformException(PlatformErrorCode.SIGNATURE_INVALID, "signtype", "signtype is not SM2");
        }
        byte[] signature;
        try {
            signature = Base64.getDecoder().decode(cainfo.asText());
        } catch (IllegalArgumentException ex) {
            throw new PlatformException(PlatformErrorCode.SIGNATURE_INVALID, "cainfo", "cainfo is not Base64");
        }
        if (!counterpart.verify(CanonicalJson.bytes(payload), signature)) {
            throw new PlatformException(PlatformErrorCode.SIGNATURE_INVALID, "cainfo", "signature does not verify");
        }
        return payload;
    }

    /**
     * Numbers are signed as written; a number whose plain form would be enormous ({@code 9e2147483647},
     * {@code 1e-999999999}) is refused before canonicalisation, never expanded.
     */
    private static void checkNumbers(JsonNode n, String field, PlatformErrorCode malformed, int depth) {
        if (depth > 64) {
            throw new PlatformException(malformed, field, "nested deeper than 64 levels");
        }
        if (n.isBigDecimal() || n.isFloatingPointNumber()) {
            java.math.BigDecimal d = n.decimalValue();
            if ((long) d.precision() + Math.abs((long) d.scale()) > 64) {
                throw new PlatformException(malformed, field, "a number with more than 64 digits in plain form");
            }
        }
        if (n.isContainerNode()) {
            for (JsonNode c : n) {
                checkNumbers(c, field, malformed, depth + 1);
            }
        }
    }

    private ObjectNode readEnvelope(byte[] body, String contentType, PlatformErrorCode malformed) {
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).trim().startsWith("application/json")) {
            throw new PlatformException(PlatformErrorCode.WRONG_CONTENT_TYPE, "Content-Type",
                    "expected application/json");
        }
        if (contentType.toLowerCase(Locale.ROOT).contains("charset=")
                && !contentType.toLowerCase(Locale.ROOT).replace(" ", "").contains("charset=utf-8")) {
            throw new PlatformException(PlatformErrorCode.WRONG_CONTENT_TYPE, "Content-Type", "expected UTF-8");
        }
        if (body == null || body.length == 0) {
            throw new PlatformException(malformed, null, "empty body");
        }
        if (body.length > maxBodyBytes) {
            throw new PlatformException(PlatformErrorCode.RESPONSE_TOO_LARGE, null,
                    "body of " + body.length + " bytes exceeds " + maxBodyBytes);
        }
        try {
            JsonNode n = CanonicalJson.STRICT_READER.readTree(body);
            if (n == null || !n.isObject()) {
                throw new PlatformException(malformed, null, "body is not a JSON object");
            }
            return (ObjectNode) n;
        } catch (IOException | RuntimeException ex) {
            if (ex instanceof PlatformException p) {
                throw p;
            }
            throw new PlatformException(malformed, null, "body is not JSON, or repeats a key in one object");
        }
    }

    private void checkSkew(LocalDateTime stamped, String field) {
        Duration skew = Duration.between(stamped, LocalDateTime.now(clock)).abs();
        if (skew.compareTo(maxClockSkew) > 0) {
            throw new PlatformException(PlatformErrorCode.CLOCK_SKEW, field,
                    "clock differs by " + skew.toSeconds() + " s, more than " + maxClockSkew.toSeconds() + " s");
        }
    }

    private static LocalDateTime parseTime(String text, DateTimeFormatter f, String field, PlatformErrorCode code) {
        try {
            return LocalDateTime.parse(text, f);
        } catch (DateTimeParseException ex) {
            throw new PlatformException(code, field, "not " + (f == INF_TIME ? "yyyy-MM-dd HH:mm:ss" : "yyyyMMddHHmmssSSS"));
        }
    }

    private static String text(ObjectNode e, String field, PlatformErrorCode code) {
        JsonNode n = e.get(field);
        if (n == null || !n.isValueNode() || n.isNull()) {
            throw new PlatformException(code, field, "missing or not a value");
        }
        return n.asText();
    }

    /** An optional text field: absent or {@code null} is {@code ""}; an object or array is malformed. */
    private static String opt(ObjectNode e, String field, PlatformErrorCode malformed) {
        JsonNode n = e.get(field);
        if (n != null && n.isContainerNode()) {
            throw new PlatformException(malformed, field, "an object or array where a value belongs");
        }
        return n == null || n.isNull() ? "" : n.asText();
    }

    private static byte[] write(ObjectNode e) {
        try {
            return CanonicalJson.MAPPER.writeValueAsBytes(e);
        } catch (IOException ex) {
            throw new IllegalStateException("in-memory JSON write failed", ex);
        }
    }

    /** Builder of {@link EnvelopeCodec}. */
    public static final class Builder {
        private TransactionProfile profile = TransactionProfile.workInjury();
        private Signer signer;
        private SignatureVerifier counterpart;
        private PayloadCipher cipher;
        private Clock clock;
        private Duration maxClockSkew = Duration.ofMinutes(5);
        private int maxBodyBytes = 1 << 20;

        private Builder() {
        }

        /** The transaction profile (default: {@link TransactionProfile#workInjury()}). */
        public Builder profile(TransactionProfile p) {
            this.profile = p;
            return this;
        }

        /** Signs what this side sends. */
        public Builder signer(Signer s) {
            this.signer = s;
            return this;
        }

        /** Verifies what the other side sends. */
        public Builder counterpart(SignatureVerifier v) {
            this.counterpart = v;
            return this;
        }

        /** Optional SM4 payload encryption (both sides must agree). */
        public Builder payloadCipher(PayloadCipher c) {
            this.cipher = c;
            return this;
        }

        /** Local clock for {@code inf_time} and skew checks. */
        public Builder clock(Clock c) {
            this.clock = c;
            return this;
        }

        /** Largest tolerated difference between a message's time and the local clock. */
        public Builder maxClockSkew(Duration d) {
            this.maxClockSkew = Objects.requireNonNull(d);
            return this;
        }

        /** Largest accepted body. */
        public Builder maxBodyBytes(int n) {
            if (n <= 0) {
                throw new IllegalArgumentException("maxBodyBytes must be positive");
            }
            this.maxBodyBytes = n;
            return this;
        }

        /** The immutable codec. */
        public EnvelopeCodec build() {
            return new EnvelopeCodec(this);
        }
    }

    static String utf8(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }
}
