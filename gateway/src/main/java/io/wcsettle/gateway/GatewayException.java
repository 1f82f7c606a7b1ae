package io.wcsettle.gateway;

import io.wcsettle.core.error.WcsettleException;

/** A failure of the gateway itself: a bad request, a missing token, a bad configuration setting. */
public final class GatewayException extends WcsettleException {

    private static final long serialVersionUID = 1L;

    /** A failure with {@code code}; {@code field} names the request field or configuration setting, or is {@code null}. */
    public GatewayException(GatewayErrorCode code, String field, String message) {
        super(code, field, message);
    }

    /** As {@link #GatewayException(GatewayErrorCode, String, String)}, with a cause. */
    public GatewayException(GatewayErrorCode code, String field, String message, Throwable cause) {
        super(code, field, message, cause);
    }

    /** The gateway code. */
    public GatewayErrorCode gatewayCode() {
        return (GatewayErrorCode) errorCode();
    }
}
