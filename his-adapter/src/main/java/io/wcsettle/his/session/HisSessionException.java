package io.wcsettle.his.session;

import io.wcsettle.core.error.WcsettleException;

/** A {@link HisSession} step that did not complete; {@link #code()} says what to do (see {@link SessionErrorCode}). */
public final class HisSessionException extends WcsettleException {

    private static final long serialVersionUID = 1L;

    /** A failed step; {@code step} is the business key, which carries no personal data. */
    public HisSessionException(SessionErrorCode code, String step, String message) {
        super(code, step, message);
    }
}
