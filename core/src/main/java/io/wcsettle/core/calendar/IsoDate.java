package io.wcsettle.core.calendar;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

import io.wcsettle.core.error.CoreErrorCode;
import io.wcsettle.core.error.InvalidInputException;

/** Strict ISO {@code yyyy-MM-dd} parsing of input dates, with a typed error naming the field. */
public final class IsoDate {

    private IsoDate() {
    }

    /**
     * Parses {@code text} as {@code yyyy-MM-dd} (exactly ten characters, a real calendar date).
     *
     * @throws InvalidInputException {@code INVALID_DATE} naming {@code field}
     */
    public static LocalDate parse(String field, String text) {
        if (text == null) {
            throw new InvalidInputException(CoreErrorCode.INVALID_INPUT, field, "missing date");
        }
        if (text.length() != 10) {
            throw new InvalidInputException(CoreErrorCode.INVALID_DATE, field, "not yyyy-MM-dd");
        }
        try {
            return LocalDate.parse(text, DateTimeFormatter.ISO_LOCAL_DATE);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(CoreErrorCode.INVALID_DATE, field, "not yyyy-MM-dd");
        }
    }
}
