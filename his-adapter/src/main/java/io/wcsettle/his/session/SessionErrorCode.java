package io.wcsettle.his.session;

import io.wcsettle.core.error.ErrorCode;

/** Stable codes of {@link HisSession} steps. */
public enum SessionErrorCode implements ErrorCode {
    /** The platform answered {@code infcode = -1}: the step was refused; the message says why. */
    STEP_REFUSED,
    /** The outcome is still unknown after the configured rounds (R-UPL-4); run the step again later, it resumes. */
    STEP_UNRESOLVED,
    /** The step committed and was then reversed by a 2601 (R-UPL-4); start it again under a new visit step. */
    STEP_REVERSED,
    /** The platform's output lacks a field the next step needs. */
    OUTPUT_INCOMPLETE;

    @Override
    public String code() {
        return name();
    }
}
