package io.wcsettle.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** The OpenAPI document holds together: references resolve, path parameters are declared, operations are unique. */
class OpenApiDocumentTest {

    @Test
    @DisplayName("OpenAPI 3.0: every $ref resolves, every {param} is declared, every operation has an id, 200 and 500 or is open")
    void holdsTogether() {
        JsonNode doc = Contract.DOC;
        assertEquals("3.0.3", doc.path("openapi").asText());
        List<String> refs = new ArrayList<>();
        collect(doc, refs);
        assertTrue(refs.size() > 50);
        for (String r : refs) {
            JsonNode t = doc;
            for (String part : r.substring(2).split("/")) {
                t = t.path(part);
            }
            assertTrue(!t.isMissingNode(), "dangling " + r);
        }
        Set<String> ids = new HashSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = doc.path("paths").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> p = it.next();
            Matcher m = Pattern.compile("\\{([a-z_]+)}").matcher(p.getKey());
            for (Iterator<Map.Entry<String, JsonNode>> ops = p.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                String where = op.getKey() + " " + p.getKey();
                assertTrue(ids.add(op.getValue().path("operationId").asText()), "unique operationId: " + where);
                assertTrue(op.getValue().path("responses").has("200"), where);
                boolean open = op.getValue().has("security");
                assertTrue(open || op.getValue().path("responses").has("401") && op.getValue().path("responses").has("500"),
                        "a secured operation documents 401 and 500: " + where);
                m.reset();
                while (m.find()) {
                    String name = m.group(1);
                    boolean declared = false;
                    for (JsonNode param : op.getValue().path("parameters")) {
                        JsonNode resolved = param.has("$ref") ? doc.path("components").path("parameters")
                                .path(param.get("$ref").asText().substring("#/components/parameters/".length())) : param;
                        declared |= name.equals(resolved.path("name").asText()) && "path".equals(resolved.path("in").asText());
                    }
                    assertTrue(declared, "{" + name + "} declared on " + where);
                }
            }
        }
    }

    private static void collect(JsonNode n, List<String> refs) {
        if (n.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if ("$ref".equals(e.getKey())) {
                    refs.add(e.getValue().asText());
                } else {
                    collect(e.getValue(), refs);
                }
            }
        } else if (n.isArray()) {
            n.forEach(x -> collect(x, refs));
        }
    }
}
