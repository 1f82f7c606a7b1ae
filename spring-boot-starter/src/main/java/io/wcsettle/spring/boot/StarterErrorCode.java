package io.wcsettle.spring.boot;

import io.wcsettle.core.error.ErrorCode;

/** Stable codes of the starter's start-up failures. */
public enum StarterErrorCode implements ErrorCode {
    /** A required {@code wcsettle.*} property is not set. */
    PROPERTY_MISSING,
    /** A {@code wcsettle.*} property is set to a value that cannot be used (the message says why). */
    PROPERTY_INVALID,
    /** A resource a {@code wcsettle.*} property names (key, catalogue) cannot be read. */
    PROPERTY_UNREADABLE;

    @Override
    public String code() {
        return name();
    }
}
