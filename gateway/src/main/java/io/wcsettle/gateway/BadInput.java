package io.wcsettle.gateway;

import io.wcsettle.core.error.WcsettleException;

/**
 * An SDK check that refused a value of the request: answered 400 with the SDK's own code and
 * message and the request's field path.
 */
final class BadInput extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient WcsettleException sdk;
    private final String field;

    BadInput(WcsettleException sdk, String field) {
        super(sdk.code(), sdk, false, false);
        this.sdk = sdk;
        this.field = field;
    }

    WcsettleException sdk() {
        return sdk;
    }

    String field() {
        return field;
    }
}
