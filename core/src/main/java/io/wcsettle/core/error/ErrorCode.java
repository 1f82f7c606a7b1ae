package io.wcsettle.core.error;

/**
 * A stable, machine-readable error code. Codes never change meaning once released;
 * callers may switch on {@link #code()}.
 *
 * <p>Each module keeps its own enum of codes ({@link CoreErrorCode} here); the
 * {@code his-adapter} adds card and platform codes.
 */
public interface ErrorCode {

    /** The stable code, e.g. {@code "INVALID_ADMDVS"}. */
    String code();
}
