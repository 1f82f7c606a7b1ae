package io.wcsettle.spring.boot;

import io.wcsettle.core.error.WcsettleException;

/**
 * Start-up fails with this when a {@code wcsettle.*} property is missing or unusable; its
 * {@link #field()} is the property's name ({@code wcsettle.platform.endpoint}). Messages never
 * hold a property's value when it may be a secret or key material.
 */
public class WcsettlePropertyException extends WcsettleException {

    private static final long serialVersionUID = 1L;

    /**
     * @param code     what is wrong
     * @param property the property's full name
     * @param message  what it must be
     */
    public WcsettlePropertyException(StarterErrorCode code, String property, String message) {
        super(code, property, message);
    }

    /** As {@link #WcsettlePropertyException(StarterErrorCode, String, String)}, with a cause. */
    public WcsettlePropertyException(StarterErrorCode code, String property, String message, Throwable cause) {
        super(code, property, message, cause);
    }

    /** A required property that is not set. */
    static WcsettlePropertyException missing(String property, String what) {
        return new WcsettlePropertyException(StarterErrorCode.PROPERTY_MISSING, property, "required: " + what);
    }

    /** A property whose value cannot be used. */
    static WcsettlePropertyException invalid(String property, String why) {
        return new WcsettlePropertyException(StarterErrorCode.PROPERTY_INVALID, property, why);
    }

    /** A property whose value cannot be used, with the SDK's own error as the cause. */
    static WcsettlePropertyException invalid(String property, String why, Throwable cause) {
        return new WcsettlePropertyException(StarterErrorCode.PROPERTY_INVALID, property, why, cause);
    }
}
