package io.wcsettle.his.platform;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The service gateway many deployments put in front of the platform (服务网关, 表 5): every POST
 * carries {@code _api_name} (the infno), {@code _api_version}, {@code _api_timestamp} (13-digit
 * milliseconds), {@code _api_access_key} (AK) and {@code _api_signature} = Base64(HmacSHA1(SK,
 * the other four as {@code key=value} joined by {@code &}, keys in natural order, UTF-8)). AK and SK
 * are deployment secrets: {@link #toString()} shows neither, and neither is ever logged.
 */
public final class ApiGateway {

    /** Header names, in natural order. */
    public static final String ACCESS_KEY = "_api_access_key";
    /** The called service (the infno). */
    public static final String NAME = "_api_name";
    /** The signature. */
    public static final String SIGNATURE = "_api_signature";
    /** 13-digit milliseconds. */
    public static final String TIMESTAMP = "_api_timestamp";
    /** The service version. */
    public static final String VERSION = "_api_version";

    private final String accessKey;
    private final byte[] secretKey;
    private final String version;

    /**
     * @param accessKey AK, as the gateway issued it
     * @param secretKey SK, as the gateway issued it
     * @param version   the service version the gateway expects ({@code _api_version})
     */
    public ApiGateway(String accessKey, String secretKey, String version) {
        this.accessKey = requireText(accessKey, "accessKey");
        this.secretKey = requireText(secretKey, "secretKey").getBytes(StandardCharsets.UTF_8);
        this.version = requireText(version, "version");
    }

    private static String requireText(String v, String field) {
        if (v == null || v.isEmpty() || v.length() > 100) {
            throw new PlatformException(PlatformErrorCode.INVALID_HEADER, field, "1 to 100 characters (表 5)");
        }
        return v;
    }

    /** The five headers of a call to {@code infno} at {@code epochMillis}. */
    public Map<String, String> headers(String infno, long epochMillis) {
        Map<String, String> h = new TreeMap<>();
        h.put(ACCESS_KEY, accessKey);
        h.put(NAME, Objects.requireNonNull(infno, "infno"));
        h.put(TIMESTAMP, Long.toString(epochMillis));
        h.put(VERSION, version);
        Map<String, String> all = new LinkedHashMap<>(h);
        all.put(SIGNATURE, sign(secretKey, h));
        return all;
    }

    /** Whether {@code signature} is the signature of {@code headers} (without {@code _api_signature}) under this SK. */
    public boolean verifies(Map<String, String> headers, String signature) {
        if (signature == null) {
            return false;
        }
        byte[] expected = sign(secretKey, new TreeMap<>(headers)).getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.UTF_8));
    }

    /** The AK (not secret, but not logged either). */
    public String accessKey() {
        return accessKey;
    }

    /** The service version. */
    public String version() {
        return version;
    }

    static String sign(byte[] sk, Map<String, String> sorted) {
        StringBuilder b = new StringBuilder();
        for (Map.Entry<String, String> e : new TreeMap<>(sorted).entrySet()) {
            if (b.length() > 0) {
                b.append('&');
            }
            b.append(e.getKey()).append('=').append(e.getValue());
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(sk, "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(b.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new PlatformException(PlatformErrorCode.CRYPTO_FAILURE, null, "HmacSHA1 unavailable", e);
        }
    }

    @Override
    public String toString() {
        return "ApiGateway[version=" + version + "]";
    }
}
