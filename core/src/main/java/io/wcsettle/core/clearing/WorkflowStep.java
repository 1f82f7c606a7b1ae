package io.wcsettle.core.clearing;

/** The kinds of event of a clearing period's workflow (R-CLR-7). */
public enum WorkflowStep {
    /** The tables were generated (R-CLR-2). */
    GENERATE,
    /** The tables were distributed to the provinces. */
    DISTRIBUTE,
    /** A province confirmed its tables. */
    CONFIRM,
    /** A province disputed an item. */
    DISPUTE,
    /** A disputed item was escalated to the ministry-level agency. */
    ESCALATE,
    /** A disputed item was resolved (with or without an adjustment). */
    RESOLVE
}
