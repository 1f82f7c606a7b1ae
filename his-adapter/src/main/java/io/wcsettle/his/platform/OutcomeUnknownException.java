package io.wcsettle.his.platform;

/**
 * R-UPL-4: a request was (possibly) delivered but no trustworthy answer came back within the
 * total timeout. The request's msgid must be resolved by a query or a 2601 reversal; it must
 * never be resent blindly under a new msgid.
 */
public final class OutcomeUnknownException extends PlatformException {

    private static final long serialVersionUID = 1L;

    private final String msgid;

    /** The outcome of {@code msgid} is unknown; {@code cause} is the last attempt's failure. */
    public OutcomeUnknownException(String msgid, String message, Throwable cause) {
        super(PlatformErrorCode.OUTCOME_UNKNOWN, null, message + " [msgid=" + msgid + "]", cause);
        this.msgid = msgid;
    }

    /** The msgid whose outcome is unknown. */
    public String msgid() {
        return msgid;
    }
}
