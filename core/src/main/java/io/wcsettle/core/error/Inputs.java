package io.wcsettle.core.error;

import java.util.Collection;

/**
 * Presence checks for data a caller passes in (records, bills, rows, builders' arguments): a
 * {@code null} is {@code INVALID_INPUT} "missing" naming the field, never a
 * {@link NullPointerException}. Not for wiring arguments (see the package documentation).
 */
public final class Inputs {

    private Inputs() {
    }

    /**
     * {@code value} when present.
     *
     * @throws InvalidInputException {@code INVALID_INPUT} naming {@code field} when {@code value} is {@code null}
     */
    public static <T> T required(T value, String field) {
        if (value == null) {
            throw new InvalidInputException(CoreErrorCode.INVALID_INPUT, field, "missing");
        }
        return value;
    }

    /**
     * {@code values} when it and every element are present.
     *
     * @throws InvalidInputException {@code INVALID_INPUT} naming {@code field} (or {@code field[i]}
     *                               for the first missing element)
     */
    public static <C extends Collection<?>> C requiredElements(C values, String field) {
        required(values, field);
        int i = 0;
        for (Object v : values) {
            if (v == null) {
                throw new InvalidInputException(CoreErrorCode.INVALID_INPUT, field + "[" + i + "]", "missing");
            }
            i++;
        }
        return values;
    }
}
