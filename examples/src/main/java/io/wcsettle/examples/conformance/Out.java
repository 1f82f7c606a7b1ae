package io.wcsettle.examples.conformance;

import java.time.LocalDate;
import java.util.Collection;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Small builders for result JSON. */
final class Out {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private Out() {
    }

    static ObjectNode object() {
        return F.objectNode();
    }

    static ArrayNode names(Collection<? extends Enum<?>> values) {
        ArrayNode a = F.arrayNode();
        values.forEach(v -> a.add(v.name()));
        return a;
    }

    static String date(LocalDate d) {
        return d.toString();
    }
}
