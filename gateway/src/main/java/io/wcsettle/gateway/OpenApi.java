package io.wcsettle.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The OpenAPI document, the resource {@code io/wcsettle/gateway/openapi.json}: the one source of truth. */
public final class OpenApi {

    /** The resource name. */
    public static final String RESOURCE = "/io/wcsettle/gateway/openapi.json";

    private OpenApi() {
    }

    /** The document's bytes (UTF-8 JSON). */
    public static byte[] bytes() {
        try (InputStream in = OpenApi.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the OpenAPI resource is missing from the jar: " + RESOURCE);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
