package io.wcsettle.core.local;

/** R-LOC-1 (000): who local networked settlement serves. */
public enum LocalInjuryKind {
    /** 老工伤: a recognised work injury treated again. */
    OLD_INJURY,
    /** 工伤复发: a confirmed recurrence. */
    RECURRENCE
}
