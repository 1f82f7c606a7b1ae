package io.wcsettle.core.clearing;

/** What the CSV clearing reader does with a malformed or duplicate row (caller's choice). */
public enum OnMalformed {
    /** Throw {@link CsvRowException} at the first bad row. */
    STOP,
    /** Skip the row, count it and list it in the result; never silently. */
    SKIP_AND_REPORT
}
