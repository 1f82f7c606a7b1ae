package io.wcsettle.his.platform;

import java.util.Objects;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One logical request: its {@code msgid} is created once, stored before the first send and
 * reused on every retry (R-UPL-4). {@link #toString()} shows only msgid and infno.
 *
 * @param infno  transaction code (from the {@link io.wcsettle.his.platform.profile.TransactionProfile})
 * @param msgid  30-character message id
 * @param header institution fields
 * @param input  the business payload (signed)
 */
public record PlatformRequest(String infno, String msgid, RequestHeader header, ObjectNode input) {

    /** Validates the msgid's shape. */
    public PlatformRequest {
        Objects.requireNonNull(infno, "infno");
        MsgIdGenerator.requireValid("msgid", msgid);
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(input, "input");
    }

    @Override
    public String toString() {
        return "PlatformRequest[msgid=" + msgid + ", infno=" + infno + "]";
    }
}
