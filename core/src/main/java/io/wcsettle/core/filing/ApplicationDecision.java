package io.wcsettle.core.filing;

/** Outcome class of an application check (R-FIL-1..3, IM Art. 14). */
public enum ApplicationDecision {
    /** Eligible and complete: the agency decides by the due date (R-FIL-5). */
    COMPLETE,
    /** Eligible but materials are missing; all of them are listed at once (一次性告知). */
    INCOMPLETE,
    /** Not eligible; missing materials are still listed. */
    INELIGIBLE
}
