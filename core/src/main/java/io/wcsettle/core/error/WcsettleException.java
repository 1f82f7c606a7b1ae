package io.wcsettle.core.error;

import java.util.Objects;

/**
 * Root of every exception wcsettle throws: unchecked, carrying a stable {@link ErrorCode}
 * and, for bad input, the name of the offending field.
 *
 * <p>Exceptions are for bad input, I/O and bugs. A business "no" (a deduction, a refused
 * filing) is a result with reasons, never an exception. {@link #retryable()} tells a caller
 * whether trying again unchanged can help; it is the code's own answer unless a subclass knows
 * better.
 *
 * <p>Serialisable: the code survives an {@link java.io.ObjectOutputStream} round trip (codes are
 * enum constants, see {@link ErrorCode}).
 */
public class WcsettleException extends RuntimeException {

    private static final long serialVersionUID = 2L;

    private final ErrorCode errorCode;
    private final String field;

    /**
     * @param errorCode stable code
     * @param field     input field at fault, or {@code null} when none applies
     * @param message   human-readable detail; must not contain personal data
     */
    public WcsettleException(ErrorCode errorCode, String field, String message) {
        this(errorCode, field, message, null);
    }

    /** As {@link #WcsettleException(ErrorCode, String, String)}, with a cause. */
    public WcsettleException(ErrorCode errorCode, String field, String message, Throwable cause) {
        super(format(errorCode, field, message), cause);
        this.errorCode = Objects.requireNonNull(errorCode, "errorCode");
        this.field = field;
    }

    /** The stable error code. */
    public ErrorCode errorCode() {
        return errorCode;
    }

    /** Shortcut for {@code errorCode().code()}. */
    public String code() {
        return errorCode.code();
    }

    /** The input field at fault, or {@code null}. */
    public String field() {
        return field;
    }

    /**
     * Whether trying the same operation again, unchanged, can sensibly succeed; by default
     * {@code errorCode().retryable()}.
     */
    public boolean retryable() {
        return errorCode.retryable();
    }

    private static String format(ErrorCode code, String field, String message) {
        String c = Objects.requireNonNull(code, "errorCode").code();
        return field == null
                ? c + ": " + message
                : c + " [" + field + "]: " + message;
    }
}
