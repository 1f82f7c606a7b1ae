package io.wcsettle.gateway;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;

import io.wcsettle.core.error.WcsettleException;

/**
 * Typed reads of one JSON object of a request: every wrong type, missing field or unusable value is
 * a {@link GatewayException} {@code INVALID_REQUEST} naming the field by its path
 * ({@code lines[2].price}). An SDK check that fails on a value (a price with seven decimals) keeps
 * its own code, with the field named by the request's path.
 */
final class RequestFields {

    private final JsonNode node;
    private final String path;

    private RequestFields(JsonNode node, String path) {
        this.node = node;
        this.path = path;
    }

    /** The request body, which must be a JSON object. */
    static RequestFields root(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new GatewayException(GatewayErrorCode.INVALID_REQUEST, null, "the body must be a JSON object");
        }
        return new RequestFields(body, "");
    }

    String at(String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    private JsonNode present(String name) {
        JsonNode v = node.get(name);
        return v == null || v.isNull() ? null : v;
    }

    /** A required non-empty string. */
    String text(String name) {
        return optText(name).orElseThrow(() -> missing(name, "a string"));
    }

    /** An optional string; {@code ""} is taken as given. */
    Optional<String> optText(String name) {
        JsonNode v = present(name);
        if (v == null) {
            return Optional.empty();
        }
        if (!v.isTextual()) {
            throw wrongType(name, "a string");
        }
        return Optional.of(v.asText());
    }

    /** A string or a JSON number, as decimal text (amounts, prices, quantities: never a binary float). */
    String decimal(String name) {
        return optDecimal(name).orElseThrow(() -> missing(name, "a decimal string"));
    }

    /** As {@link #decimal(String)}, optional. */
    Optional<String> optDecimal(String name) {
        JsonNode v = present(name);
        if (v == null) {
            return Optional.empty();
        }
        if (v.isTextual()) {
            return Optional.of(v.asText());
        }
        if (v.isNumber()) {
            return Optional.of(v.decimalValue().toPlainString());
        }
        throw wrongType(name, "a decimal string such as \"12.34\"");
    }

    /** A boolean, {@code fallback} when absent. */
    boolean bool(String name, boolean fallback) {
        JsonNode v = present(name);
        if (v == null) {
            return fallback;
        }
        if (!v.isBoolean()) {
            throw wrongType(name, "true or false");
        }
        return v.booleanValue();
    }

    /** An integer in {@code min..max}, {@code fallback} when absent. */
    int integer(String name, int fallback, int min, int max) {
        JsonNode v = present(name);
        if (v == null) {
            return fallback;
        }
        if (!v.isIntegralNumber() || !v.canConvertToInt() || v.intValue() < min || v.intValue() > max) {
            throw wrongType(name, "an integer " + min + ".." + max);
        }
        return v.intValue();
    }

    /** An ISO date {@code yyyy-MM-dd}. */
    LocalDate date(String name) {
        String t = text(name);
        try {
            return LocalDate.parse(t);
        } catch (DateTimeParseException e) {
            throw new GatewayException(GatewayErrorCode.INVALID_REQUEST, at(name), "not a date yyyy-MM-dd");
        }
    }

    /** An ISO date-time {@code yyyy-MM-ddTHH:mm:ss} (a space instead of {@code T} is accepted). */
    LocalDateTime dateTime(String name) {
        return optDateTime(name).orElseThrow(() -> missing(name, "a date-time yyyy-MM-ddTHH:mm:ss"));
    }

    /** As {@link #dateTime(String)}, optional. */
    Optional<LocalDateTime> optDateTime(String name) {
        Optional<String> t = optText(name);
        if (t.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDateTime.parse(t.get().replace(' ', 'T')));
        } catch (DateTimeParseException e) {
            throw new GatewayException(GatewayErrorCode.INVALID_REQUEST, at(name), "not a date-time yyyy-MM-ddTHH:mm:ss");
        }
    }

    /** A required nested object. */
    RequestFields object(String name) {
        return optObject(name).orElseThrow(() -> missing(name, "an object"));
    }

    /** An optional nested object. */
    Optional<RequestFields> optObject(String name) {
        JsonNode v = present(name);
        if (v == null) {
            return Optional.empty();
        }
        if (!v.isObject()) {
            throw wrongType(name, "an object");
        }
        return Optional.of(new RequestFields(v, at(name)));
    }

    /** A required array of objects, each read by {@code each}; at least {@code min} of them. */
    <T> List<T> objects(String name, int min, Function<RequestFields, T> each) {
        JsonNode v = present(name);
        if (v == null) {
            if (min == 0) {
                return List.of();
            }
            throw missing(name, "an array");
        }
        if (!v.isArray()) {
            throw wrongType(name, "an array");
        }
        if (v.size() < min) {
            throw new GatewayException(GatewayErrorCode.INVALID_REQUEST, at(name), "at least " + min + " element(s)");
        }
        List<T> out = new ArrayList<>(v.size());
        for (int i = 0; i < v.size(); i++) {
            String p = at(name) + "[" + i + "]";
            if (!v.get(i).isObject()) {
                throw new GatewayException(GatewayErrorCode.INVALID_REQUEST, p, "must be an object");
            }
            out.add(each.apply(new RequestFields(v.get(i), p)));
        }
        return out;
    }

    /** An optional array of strings, empty when absent. */
    List<String> optTexts(String name) {
        return present(name) == null ? List.of() : texts(name, 0);
    }

    /** A required array of strings; at least {@code min} of them. */
    List<String> texts(String name, int min) {
        JsonNode v = present(name);
        if (v == null || !v.isArray()) {
            throw v == null ? missing(name, "an array of strings") : wrongType(name, "an array of strings");
        }
        if (v.size() < min) {
            throw new GatewayException(GatewayErrorCode.INVALID_REQUEST, at(name), "at least " + min + " element(s)");
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < v.size(); i++) {
            if (!v.get(i).isTextual()) {
                throw new GatewayException(GatewayErrorCode.INVALID_REQUEST, at(name) + "[" + i + "]", "must be a string");
            }
            out.add(v.get(i).asText());
        }
        return out;
    }

    /**
     * Runs an SDK constructor or parser on a value of field {@code name}: its {@link WcsettleException}
     * keeps its code and message, the field becomes the request's path.
     */
    <T> T sdk(String name, java.util.function.Supplier<T> make) {
        try {
            return make.get();
        } catch (BadInput b) {
            throw b;
        } catch (WcsettleException e) {
            throw new BadInput(e, at(name));
        } catch (NullPointerException e) {
            throw new GatewayException(GatewayErrorCode.INVALID_REQUEST, at(name), "a required value is missing");
        }
    }

    private GatewayException missing(String name, String what) {
        return new GatewayException(GatewayErrorCode.INVALID_REQUEST, at(name), "required: " + what);
    }

    private GatewayException wrongType(String name, String what) {
        return new GatewayException(GatewayErrorCode.INVALID_REQUEST, at(name), "must be " + what);
    }
}
