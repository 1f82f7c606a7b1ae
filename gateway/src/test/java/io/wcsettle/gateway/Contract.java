package io.wcsettle.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The OpenAPI document as a test oracle: which routes it names, and a structural check of an answer
 * against the schema documented for its route and status (types, required fields, enums, patterns,
 * nullable, arrays, {@code $ref}s, {@code oneOf}). Not a full JSON Schema validator; enough to catch
 * a field that is missing, renamed or of another type.
 */
final class Contract {

    static final JsonNode DOC = read();

    private Contract() {
    }

    private static JsonNode read() {
        try {
            return new ObjectMapper().readTree(OpenApi.bytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code "METHOD template"} of every operation of the document. */
    static TreeSet<String> operations() {
        TreeSet<String> ops = new TreeSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = DOC.path("paths").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> p = it.next();
            p.getValue().fieldNames().forEachRemaining(m -> ops.add(m.toUpperCase(java.util.Locale.ROOT) + " " + p.getKey()));
        }
        return ops;
    }

    /** The problems of {@code body} as the answer {@code status} of {@code method template}; empty when it conforms. */
    static List<String> problems(String method, String template, int status, JsonNode body) {
        JsonNode op = DOC.path("paths").path(template).path(method.toLowerCase(java.util.Locale.ROOT));
        if (op.isMissingNode()) {
            return List.of("no operation " + method + " " + template + " in the document");
        }
        JsonNode response = op.path("responses").path(String.valueOf(status));
        if (response.isMissingNode()) {
            return List.of(method + " " + template + " does not document status " + status);
        }
        response = resolve(response);
        JsonNode schema = response.path("content").path("application/json").path("schema");
        List<String> out = new ArrayList<>();
        check(schema, body, "$", out);
        return out;
    }

    private static JsonNode resolve(JsonNode n) {
        while (n.has("$ref")) {
            String[] parts = n.get("$ref").asText().substring(2).split("/");
            JsonNode t = DOC;
            for (String part : parts) {
                t = t.path(part);
            }
            if (t.isMissingNode()) {
                throw new AssertionError("dangling $ref " + n.get("$ref").asText());
            }
            n = t;
        }
        return n;
    }

    private static void check(JsonNode given, JsonNode v, String at, List<String> out) {
        JsonNode schema = resolve(given);
        if (v == null || v.isMissingNode()) {
            out.add(at + ": missing");
            return;
        }
        if (v.isNull()) {
            if (!schema.path("nullable").asBoolean(false)) {
                out.add(at + ": null where the document does not allow it");
            }
            return;
        }
        if (schema.has("allOf")) {
            for (JsonNode part : schema.get("allOf")) {
                check(part, v, at, out);
            }
            return;
        }
        if (schema.has("oneOf")) {
            for (JsonNode alt : schema.get("oneOf")) {
                List<String> p = new ArrayList<>();
                check(alt, v, at, p);
                if (p.isEmpty()) {
                    return;
                }
            }
            out.add(at + ": matches none of oneOf");
            return;
        }
        String type = schema.path("type").asText("");
        switch (type) {
            case "object" -> {
                if (!v.isObject()) {
                    out.add(at + ": not an object");
                    return;
                }
                for (JsonNode r : schema.path("required")) {
                    if (!v.has(r.asText())) {
                        out.add(at + "." + r.asText() + ": required, missing");
                    }
                }
                for (Iterator<Map.Entry<String, JsonNode>> it = schema.path("properties").fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> p = it.next();
                    if (v.has(p.getKey())) {
                        check(p.getValue(), v.get(p.getKey()), at + "." + p.getKey(), out);
                    }
                }
                if (schema.has("properties") && !schema.has("additionalProperties")) {
                    v.fieldNames().forEachRemaining(f -> {
                        if (!schema.path("properties").has(f)) {
                            out.add(at + "." + f + ": not in the document");
                        }
                    });
                }
            }
            case "array" -> {
                if (!v.isArray()) {
                    out.add(at + ": not an array");
                    return;
                }
                for (int i = 0; i < v.size(); i++) {
                    check(schema.path("items"), v.get(i), at + "[" + i + "]", out);
                }
            }
            case "string" -> {
                if (!v.isTextual()) {
                    out.add(at + ": not a string");
                    return;
                }
                if (schema.has("enum")) {
                    boolean in = false;
                    for (JsonNode e : schema.get("enum")) {
                        in |= e.asText().equals(v.asText());
                    }
                    if (!in) {
                        out.add(at + ": " + v.asText() + " not in enum " + schema.get("enum"));
                    }
                }
                if (schema.has("pattern") && !Pattern.compile(schema.get("pattern").asText()).matcher(v.asText()).find()) {
                    out.add(at + ": '" + v.asText() + "' does not match " + schema.get("pattern").asText());
                }
                if ("date".equals(schema.path("format").asText()) && !v.asText().matches("[0-9]{4}-[0-9]{2}-[0-9]{2}")) {
                    out.add(at + ": not a date");
                }
            }
            case "integer" -> {
                if (!v.isIntegralNumber()) {
                    out.add(at + ": not an integer");
                }
            }
            case "number" -> {
                if (!v.isNumber()) {
                    out.add(at + ": not a number");
                }
            }
            case "boolean" -> {
                if (!v.isBoolean()) {
                    out.add(at + ": not a boolean");
                }
            }
            default -> out.add(at + ": the document's schema has no type");
        }
    }
}
