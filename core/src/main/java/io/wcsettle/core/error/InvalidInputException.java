package io.wcsettle.core.error;

/**
 * Bad input: the value named by {@link #field()} was refused whole and nothing was
 * computed from it.
 */
public class InvalidInputException extends WcsettleException {

    private static final long serialVersionUID = 1L;

    /** Refuses the value of {@code field} with {@code code}. */
    public InvalidInputException(ErrorCode code, String field, String message) {
        super(code, field, message);
    }
}
