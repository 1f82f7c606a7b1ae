package io.wcsettle.core.error;

/**
 * Strict parsing of enum names from input: exact name only (no case folding, no trimming); an
 * unknown or missing name is an {@link InvalidInputException} with the given stable code.
 */
public final class StrictEnums {

    private StrictEnums() {
    }

    /**
     * The constant of {@code type} named {@code text}.
     *
     * @param field   the input field, named in the error
     * @param unknown the code for an unknown name, e.g. {@code UNKNOWN_CATEGORY}
     * @throws InvalidInputException {@code unknown}
     */
    public static <E extends Enum<E>> E parse(Class<E> type, String field, String text, ErrorCode unknown) {
        if (text != null) {
            for (E e : type.getEnumConstants()) {
                if (e.name().equals(text)) {
                    return e;
                }
            }
        }
        throw new InvalidInputException(unknown, field, "not one of the known " + type.getSimpleName() + " values");
    }
}
