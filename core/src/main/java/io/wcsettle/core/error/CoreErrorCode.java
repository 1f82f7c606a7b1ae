package io.wcsettle.core.error;

/**
 * Input error codes of {@code core}. They are the codes of the conformance README;
 * the rule each one protects is named in its javadoc.
 */
public enum CoreErrorCode implements ErrorCode {
    /** A required field is missing or of the wrong type. */
    INVALID_INPUT,
    /**
     * An input source could not be read (see {@link IoFailureException}); the field names the
     * path or stream. The only retryable code of {@code core}.
     */
    IO_FAILURE(true),
    /** A date is not ISO {@code yyyy-MM-dd}. */
    INVALID_DATE,
    /** A working-day count is negative (R-CAL-2). */
    INVALID_DAYS,
    /** The working-day calendar has no data for a year the computation needs (R-CAL-1). */
    CALENDAR_YEAR_UNKNOWN,
    /**
     * A calendar data file is malformed, contradicts itself, names a year outside 1..9999, or
     * exceeds the reader's size or nesting limits (R-CAL-1).
     */
    CALENDAR_DATA_INVALID,
    /** No regional policy with that id (see {@code RegionalPolicies}). */
    UNKNOWN_POLICY,
    /** An admdvs code is not six digits of a known province (R-FIL-6). */
    INVALID_ADMDVS,
    /**
     * Not a plain ASCII decimal string, too many decimals or integer digits for its national
     * column ({@code 16,2} amount, {@code 16,6} price, {@code 16,4} quantity), negative where no
     * rule allows it (R-MON-1).
     */
    INVALID_AMOUNT,
    /** An arithmetic result does not fit in a {@code long} of its unit (fen, micros, ten-thousandths) (R-MON-1). */
    AMOUNT_OVERFLOW,
    /** Unknown filing type (R-FIL-2). */
    UNKNOWN_FILING_TYPE,
    /** Unknown filing scope (R-FIL-2). */
    UNKNOWN_SCOPE,
    /** Unknown confirmation kind (R-FIL-1). */
    UNKNOWN_CONFIRMATION,
    /** Unknown material kind (R-FIL-3). */
    UNKNOWN_MATERIAL,
    /** An override reason is present but empty (R-FIL-10). */
    INVALID_OVERRIDE,
    /** Unknown stay kind (R-SET-2). */
    UNKNOWN_STAY_KIND,
    /** Unknown line category (R-SET-3, -4, -6). */
    UNKNOWN_CATEGORY,
    /** A quarter outside 1..4 (R-CLR-2). */
    INVALID_QUARTER,
    /** A supplied line amount is more than 1 fen off price × quantity (R-MON-1). */
    LINE_AMOUNT_MISMATCH,
    /** A negative quantity on a line that returns nothing (R-SET-12). */
    NEGATIVE_QUANTITY,
    /** A return line that does not match a returnable original (R-SET-12). */
    INVALID_RETURN,
    /** Two lines of one bill share an id (R-SET-10). */
    DUPLICATE_LINE_ID,
    /** Discharge before admission (R-SET-8). */
    DISCHARGE_BEFORE_ADMISSION,
    /** A line's service date is outside the stay (R-SET-8). */
    SERVICE_DATE_OUTSIDE_STAY,
    /** A usage rate over a zero quota (R-PRE-5). */
    ZERO_QUOTA,
    /** A catalogue row is malformed or its versions overlap (R-SET-3, R-SET-4, R-SET-8). */
    INVALID_CATALOGUE,
    /** A clearing record whose insured and treatment places are in the same province (R-CLR-1). */
    NOT_CROSS_PROVINCE,
    /** A clearing CSV row or header that cannot be read; the message names file, line and field (R-CLR-5). */
    MALFORMED_ROW,
    /** A clearing record id seen twice in one clearing (R-CLR-5). */
    DUPLICATE_RECORD_ID,
    /**
     * Temporary storage a bounded-memory computation spills to cannot be created, written or read
     * back (directory missing or unwritable, disk full); the message names the directory.
     */
    TEMP_STORAGE_FAILURE,
    /** A ledger posting whose debits and credits differ, or without entries (R-PRE-8). */
    UNBALANCED_POSTING,
    /** An idempotency key reused with different content (R-PRE-8). */
    IDEMPOTENCY_CONFLICT;

    private final boolean retryable;

    CoreErrorCode() {
        this(false);
    }

    CoreErrorCode(boolean retryable) {
        this.retryable = retryable;
    }

    @Override
    public String code() {
        return name();
    }

    @Override
    public boolean retryable() {
        return retryable;
    }
}
