package io.wcsettle.his.session;

import io.wcsettle.core.error.WcsettleException;

/** A step of the discharge workflow that could not give its answer; {@link #errMsg()} keeps the platform's text. */
public final class HisSessionException extends WcsettleException {

    private static final long serialVersionUID = 1L;

    private final String errMsg;

    /** A failure of {@code step} with {@code code}. */
    public HisSessionException(SessionErrorCode code, String step, String message) {
        this(code, step, message, "");
    }

    /** A failure of {@code step} with {@code code}, keeping the platform's {@code err_msg}. */
    public HisSessionException(SessionErrorCode code, String step, String message, String errMsg) {
        super(code, step, message);
        this.errMsg = errMsg == null ? "" : errMsg;
    }

    /** The platform's {@code err_msg} of a refusal, {@code ""} otherwise. */
    public String errMsg() {
        return errMsg;
    }

    /** The session error code. */
    public SessionErrorCode sessionCode() {
        return (SessionErrorCode) errorCode();
    }
}
