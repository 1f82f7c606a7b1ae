package io.wcsettle.his.platform.profile;

import io.wcsettle.core.error.ErrorCode;

/** Stable codes of interface-profile errors. */
public enum ProfileErrorCode implements ErrorCode {
    /** A profile file is not valid JSON or misses a part (transactions, nodes, field types). */
    PROFILE_INVALID,
    /** A request breaks its interface table; refused before it is written to the outbox. */
    REQUEST_VIOLATES_TABLE,
    /** A response breaks its interface table; not accepted. */
    RESPONSE_VIOLATES_TABLE,
    /** The profile has no transaction for that logical transaction or infno. */
    UNKNOWN_TRANSACTION;

    @Override
    public String code() {
        return name();
    }
}
