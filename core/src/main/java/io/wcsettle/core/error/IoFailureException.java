package io.wcsettle.core.error;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/**
 * An input could not be read: code {@link CoreErrorCode#IO_FAILURE}, {@link #field()} naming the
 * source (a file path, or the role of a caller's stream such as {@code "calendar JSON"}), the
 * {@link IOException} as the cause. Nothing was accepted from a source that failed part way.
 * Retryable: reading the source again may succeed.
 */
public class IoFailureException extends WcsettleException {

    private static final long serialVersionUID = 1L;

    /** Reading {@code source} failed with {@code cause}. */
    public IoFailureException(String source, IOException cause) {
        super(CoreErrorCode.IO_FAILURE, source, describe(cause), cause);
    }

    private static String describe(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NotDirectoryException) {
            return "not a directory";
        }
        String m = e.getMessage();
        return m == null || m.isBlank() ? "read failed" : "read failed: " + m;
    }
}
