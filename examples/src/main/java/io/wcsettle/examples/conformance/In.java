package io.wcsettle.examples.conformance;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

import com.fasterxml.jackson.databind.JsonNode;

import io.wcsettle.core.calendar.IsoDate;
import io.wcsettle.core.error.CoreErrorCode;
import io.wcsettle.core.error.InvalidInputException;
import io.wcsettle.core.money.Fen;

/**
 * Reads typed fields from a case's JSON input, refusing a missing field or a wrong JSON type
 * with {@code INVALID_INPUT} naming the field.
 */
final class In {

    private In() {
    }

    static JsonNode object(JsonNode parent, String field) {
        JsonNode n = parent.get(field);
        if (n == null || !n.isObject()) {
            throw invalid(field, "an object");
        }
        return n;
    }

    /** The object at {@code field}, or {@code null} when the field is JSON null. */
    static JsonNode nullableObject(JsonNode parent, String field) {
        JsonNode n = parent.get(field);
        if (n == null) {
            throw invalid(field, "an object or null");
        }
        if (n.isNull()) {
            return null;
        }
        if (!n.isObject()) {
            throw invalid(field, "an object or null");
        }
        return n;
    }

    static String text(JsonNode parent, String field) {
        JsonNode n = parent.get(field);
        if (n == null || !n.isTextual()) {
            throw invalid(field, "a string");
        }
        return n.textValue();
    }

    /** A string, or {@code null} when the field is absent or JSON null. */
    static String optionalText(JsonNode parent, String field) {
        JsonNode n = parent.get(field);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isTextual()) {
            throw invalid(field, "a string or null");
        }
        return n.textValue();
    }

    static boolean bool(JsonNode parent, String field) {
        JsonNode n = parent.get(field);
        if (n == null || !n.isBoolean()) {
            throw invalid(field, "true or false");
        }
        return n.booleanValue();
    }

    static int integer(JsonNode parent, String field) {
        JsonNode n = parent.get(field);
        if (n == null || !n.isIntegralNumber() || !n.canConvertToInt()) {
            throw invalid(field, "an integer");
        }
        return n.intValue();
    }

    static LocalDate date(JsonNode parent, String field) {
        JsonNode n = parent.get(field);
        if (n == null || !n.isTextual()) {
            throw invalid(field, "a date string");
        }
        return IsoDate.parse(field, n.textValue());
    }

    /** A date, or {@code null} when the field is absent or JSON null. */
    static LocalDate optionalDate(JsonNode parent, String field) {
        String s = optionalText(parent, field);
        return s == null ? null : IsoDate.parse(field, s);
    }

    static Fen yuan(JsonNode parent, String field) {
        return Fen.parseYuan(field, text(parent, field));
    }

    static JsonNode array(JsonNode parent, String field) {
        JsonNode n = parent.get(field);
        if (n == null || !n.isArray()) {
            throw invalid(field, "an array");
        }
        return n;
    }

    /** Every element of the string array at {@code field}, parsed by {@code parser(fieldPath, text)}. */
    static <T> List<T> textArray(JsonNode parent, String field, BiFunction<String, String, T> parser) {
        JsonNode arr = array(parent, field);
        List<T> out = new ArrayList<>(arr.size());
        for (int i = 0; i < arr.size(); i++) {
            JsonNode e = arr.get(i);
            String path = field + "[" + i + "]";
            if (!e.isTextual()) {
                throw invalid(path, "a string");
            }
            out.add(parser.apply(path, e.textValue()));
        }
        return out;
    }

    static InvalidInputException invalid(String field, String expected) {
        return new InvalidInputException(CoreErrorCode.INVALID_INPUT, field, "must be " + expected);
    }
}
