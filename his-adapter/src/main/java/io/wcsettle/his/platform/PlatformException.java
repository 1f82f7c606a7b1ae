package io.wcsettle.his.platform;

import io.wcsettle.core.error.WcsettleException;

/**
 * A failure of platform messaging with a stable {@link PlatformErrorCode}. Messages never
 * contain personal data, keys or signatures.
 *
 * <p>A definite refusal by the platform ({@code infcode = -1}) is not an exception: it is a
 * {@link PlatformResponse} whose {@link PlatformResponse#succeeded()} is {@code false}.
 */
public class PlatformException extends WcsettleException {

    private static final long serialVersionUID = 1L;

    /** A failure with {@code code}, naming the envelope {@code field} at fault (or {@code null}). */
    public PlatformException(PlatformErrorCode code, String field, String message) {
        super(code, field, message);
    }

    /** As {@link #PlatformException(PlatformErrorCode, String, String)}, with a cause. */
    public PlatformException(PlatformErrorCode code, String field, String message, Throwable cause) {
        super(code, field, message, cause);
    }

    /** The platform error code. */
    public PlatformErrorCode platformCode() {
        return (PlatformErrorCode) errorCode();
    }
}
