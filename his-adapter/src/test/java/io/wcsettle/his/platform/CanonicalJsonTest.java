package io.wcsettle.his.platform;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import com.fasterxml.jackson.databind.node.ObjectNode;

import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.AlphaChars;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CanonicalJsonTest {

    @Test
    @DisplayName("Security: canonical JSON sorts keys at every level, keeps arrays, no whitespace, exact decimals")
    void canonicalForm() throws Exception {
        var node = CanonicalJson.mapper().readTree(
                "{ \"b\": 1, \"a\": {\"z\": [3, {\"y\":true, \"x\":null}], \"c\": 12.30}, \"aa\": \"文字\" }");
        assertEquals("{\"a\":{\"c\":12.30,\"z\":[3,{\"x\":null,\"y\":true}]},\"aa\":\"文字\",\"b\":1}",
                new String(CanonicalJson.bytes(node), StandardCharsets.UTF_8));
    }

    @Property
    @Label("Security: the canonical JSON does not depend on key insertion order")
    void independentOfInsertionOrder(@ForAll @Size(max = 12) List<@AlphaChars @Size(min = 1, max = 6) String> keys,
                                     @ForAll long seed) {
        ObjectNode a = CanonicalJson.mapper().createObjectNode();
        ObjectNode b = CanonicalJson.mapper().createObjectNode();
        List<String> shuffled = new ArrayList<>(keys);
        Collections.shuffle(shuffled, new Random(seed));
        keys.forEach(k -> a.put(k, k.length()));
        shuffled.forEach(k -> b.put(k, k.length()));
        assertArrayEquals(CanonicalJson.bytes(a), CanonicalJson.bytes(b));
    }
}
