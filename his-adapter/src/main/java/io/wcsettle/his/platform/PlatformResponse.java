package io.wcsettle.his.platform;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A verified response envelope. {@code infcode = 0} is success, {@code -1} a definite refusal
 * (a result, not an exception). {@link #toString()} leaves out the payload.
 *
 * @param infcode     {@code 0} or {@code -1}
 * @param infRefmsgid receiver's message id
 * @param refmsgTime  receive time {@code yyyyMMddHHmmssSSS}
 * @param respondTime respond time {@code yyyyMMddHHmmssSSS}
 * @param errMsg      refusal text, {@code ""} on success
 * @param output      business payload (signed), JSON {@code null} when absent
 */
public record PlatformResponse(int infcode, String infRefmsgid, String refmsgTime, String respondTime,
                               String errMsg, JsonNode output) {

    /** {@code infcode} of success. */
    public static final int OK = 0;
    /** {@code infcode} of a definite refusal. */
    public static final int REFUSED = -1;

    /** Whether the platform accepted the request. */
    public boolean succeeded() {
        return infcode == OK;
    }

    @Override
    public String toString() {
        return "PlatformResponse[infcode=" + infcode + ", inf_refmsgid=" + infRefmsgid + "]";
    }
}
