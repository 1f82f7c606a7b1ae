package io.wcsettle.core.error;

import java.io.Serializable;

/**
 * A stable, machine-readable error code. Codes never change meaning once released;
 * callers may switch on {@link #code()}.
 *
 * <p>Each module or layer keeps its own enum of codes ({@link CoreErrorCode} here); the
 * {@code his-adapter} adds card, platform and storage codes. Implement it with an enum: an enum
 * constant is {@link Serializable} and deserialises to the same constant, so an exception keeps
 * its code across an {@link java.io.ObjectOutputStream}. A non-enum implementation must be
 * serialisable itself.
 */
public interface ErrorCode extends Serializable {

    /** The stable code, e.g. {@code "INVALID_ADMDVS"}. */
    String code();

    /**
     * Whether a caller can sensibly try the same operation again, unchanged, and hope for
     * another outcome (a transient I/O or storage failure, an unreachable platform). Bad input
     * is never retryable: the same input fails the same way. Defaults to {@code false}.
     */
    default boolean retryable() {
        return false;
    }
}
