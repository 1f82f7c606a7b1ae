package io.wcsettle.core.settlement;

import io.wcsettle.core.error.ErrorCode;
import io.wcsettle.core.error.InvalidInputException;

/** Strict enum parsing with a typed error (no case folding, no trimming). */
final class Parse {

    private Parse() {
    }

    static <E extends Enum<E>> E enumValue(Class<E> type, String field, String text, ErrorCode unknown) {
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
