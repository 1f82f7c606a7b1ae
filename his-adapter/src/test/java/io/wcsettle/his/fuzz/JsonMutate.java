package io.wcsettle.his.fuzz;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.wcsettle.core.fuzz.Mutate;

/**
 * Mutations of JSON documents for the fuzz suites of his-adapter and the testkit (a test utility,
 * shipped in his-adapter's test-jar): tree mutations (wrong types, nulls, huge and tiny numbers, long
 * and non-ASCII strings, deep nesting, removed and added keys) and text mutations of the written
 * document (duplicate keys, exotic number literals, deep nesting, then core's {@link Mutate}
 * truncation, byte flips and character games).
 */
public final class JsonMutate {

    private static final JsonNodeFactory F = JsonNodeFactory.withExactBigDecimals(true);

    /** Number literals that break naive readers. */
    public static final String[] NUMBERS = {
        "1e999", "-1e999", "9e2147483647", "1e-999999999", "-0", "0.0000000000000000000001",
        "123456789012345678901234567890", "18446744073709551616", "-18446744073709551617", "4294967296",
        "-4294967297", "2147483648", "-2147483649", "9223372036854775808", "0e0", "1E2", "-1.0", "0.0", "00",
        "-00", "1.5", "-1e0", "1" + "0".repeat(999), "0." + "0".repeat(998) + "1"
    };

    private JsonMutate() {
    }

    /** A random value of a random JSON type, biased to what breaks parsers and handlers. */
    public static JsonNode junk(SplittableRandom r, JsonNode old) {
        switch (r.nextInt(13)) {
            case 0:
                return F.nullNode();
            case 1:
                return F.booleanNode(r.nextBoolean());
            case 2:
                return F.numberNode(Mutate.edgyLong(r));
            case 3:
                return F.numberNode(new java.math.BigDecimal(Mutate.pick(r, new String[] {"0.5", "-0.0", "1e-300",
                    "1e300", "-1", "0", "1", "-1.0"})));
            case 4:
                return F.numberNode(new BigInteger(Mutate.digits(r, 1 + r.nextInt(60))));
            case 5:
                return F.textNode(old != null && old.isTextual() ? Mutate.string(r, old.textValue())
                        : Mutate.pick(r, Mutate.tokensForTests()));
            case 6:
                return F.textNode(Mutate.pick(r, new String[] {"x", "中", "\uD83D\uDE00", "\u0000"}).repeat(r.nextInt(5_000)));
            case 7:
                return F.arrayNode();
            case 8:
                return F.objectNode();
            case 9: {
                ArrayNode deep = F.arrayNode();
                ArrayNode at = deep;
                int depth = r.nextInt(990); // the writer's own limit is 1000; deeper comes as text (nest)
                for (int i = 0; i < depth; i++) {
                    at = at.addArray();
                }
                return deep;
            }
            case 10:
                return F.textNode(Mutate.pick(r, new String[] {"2025-02-29", "2025-13-01", "9999-12-31", "0000-01-01",
                    "-1", "1e999", "９", "150000", "999999999999999999.99", "0.001", "20250101000000000",
                    "2025-06-01 10:00:00", "20250601", ""}));
            case 11:
                return F.numberNode(new java.math.BigDecimal(Mutate.pick(r, NUMBERS.clone()).replace("1e999", "1e99")));
            default:
                return old == null ? F.nullNode() : old.isTextual() ? F.textNode(Mutate.string(r, old.textValue())) : old;
        }
    }

    /** Mutates a random node of the tree {@code root} in place (mutate a copy of a seed). */
    public static void mutateTree(SplittableRandom r, JsonNode root) {
        List<JsonNode> containers = new ArrayList<>();
        collect(root, containers, 0);
        if (containers.isEmpty()) {
            return;
        }
        JsonNode c = containers.get(r.nextInt(containers.size()));
        if (c instanceof ObjectNode o) {
            List<String> names = new ArrayList<>();
            o.fieldNames().forEachRemaining(names::add);
            if (names.isEmpty() || r.nextInt(10) == 0) {
                o.set(Mutate.pick(r, new String[] {"extra", "", "\u0000", "infcode", "中文"}) + r.nextInt(3), junk(r, null));
                return;
            }
            String name = names.get(r.nextInt(names.size()));
            if (r.nextInt(8) == 0) {
                o.remove(name);
            } else {
                o.set(name, junk(r, o.get(name)));
            }
        } else if (c instanceof ArrayNode a) {
            if (a.isEmpty() || r.nextInt(6) == 0) {
                a.add(a.isEmpty() ? junk(r, null) : a.get(r.nextInt(a.size())).deepCopy());
            } else {
                int i = r.nextInt(a.size());
                a.set(i, junk(r, a.get(i)));
            }
        }
    }

    private static void collect(JsonNode n, List<JsonNode> out, int depth) {
        if (n.isContainerNode() && depth < 50) {
            out.add(n);
            for (Iterator<JsonNode> it = n.elements(); it.hasNext(); ) {
                collect(it.next(), out, depth + 1);
            }
        }
    }

    private static final Pattern VALUE = Pattern.compile(
            ":(-?[0-9][0-9.eE+-]*+|true|false|null|\"[^\"\\\\]*+(?:\\\\.[^\"\\\\]*+)*+\")(?=[,}\\]])");
    private static final Pattern KEY = Pattern.compile("[{,]\"([^\"\\\\]*+(?:\\\\.[^\"\\\\]*+)*+)\":");

    /** {@code text} with one randomly chosen scalar value replaced by {@code literal}. */
    public static String replaceOneValue(SplittableRandom r, String text, String literal) {
        List<int[]> spans = new ArrayList<>();
        Matcher m = VALUE.matcher(text);
        while (m.find()) {
            spans.add(new int[] {m.start(1), m.end(1)});
        }
        if (spans.isEmpty()) {
            return text;
        }
        int[] at = spans.get(r.nextInt(spans.size()));
        return text.substring(0, at[0]) + literal + text.substring(at[1]);
    }

    /** {@code text} with one key repeated in its object ({@code {"a":1} → {"a":X,"a":1}}). */
    public static String duplicateKey(SplittableRandom r, String text) {
        List<int[]> spans = new ArrayList<>();
        List<String> names = new ArrayList<>();
        Matcher m = KEY.matcher(text);
        while (m.find()) {
            spans.add(new int[] {m.start() + 1});
            names.add(m.group(1));
        }
        if (spans.isEmpty()) {
            return text;
        }
        int k = r.nextInt(spans.size());
        String value = Mutate.pick(r, new String[] {"null", "0", "-1", "\"\"", "\"x\"", "{}", "[]", "true", "1e999"});
        int at = spans.get(k)[0];
        return text.substring(0, at) + "\"" + names.get(k) + "\":" + value + "," + text.substring(at);
    }

    /** {@code text} with one value replaced by {@code depth} nested arrays or objects. */
    public static String nest(SplittableRandom r, String text, int depth) {
        boolean arrays = r.nextBoolean();
        String deep = arrays ? "[".repeat(depth) + "1" + "]".repeat(depth)
                : "{\"a\":".repeat(depth) + "1" + "}".repeat(depth);
        return replaceOneValue(r, text, deep);
    }

    /**
     * One mutated document from {@code seed}: one to three tree mutations, then with some
     * probability a text mutation (duplicate key, exotic number, deep nesting, truncation, byte
     * flips, character games).
     */
    public static byte[] document(SplittableRandom r, JsonNode seed) {
        JsonNode c = seed.deepCopy();
        int n = r.nextInt(4);
        for (int k = 0; k < n; k++) {
            mutateTree(r, c);
        }
        String written;
        try {
            written = c.toString();
        } catch (RuntimeException tooDeep) { // nested deeper than the writer's limit of 1000
            written = seed.toString();
        }
        return text(r, written);
    }

    /** A text mutation (or none) of the JSON {@code text}. */
    public static byte[] text(SplittableRandom r, String text) {
        switch (r.nextInt(9)) {
            case 0:
                return Mutate.flip(r, text.getBytes(StandardCharsets.UTF_8));
            case 1:
                return Mutate.string(r, text).getBytes(StandardCharsets.UTF_8);
            case 2:
                return duplicateKey(r, text).getBytes(StandardCharsets.UTF_8);
            case 3:
                return replaceOneValue(r, text, Mutate.pick(r, NUMBERS)).getBytes(StandardCharsets.UTF_8);
            case 4:
                return nest(r, text, 1 + r.nextInt(r.nextBoolean() ? 70 : 5000)).getBytes(StandardCharsets.UTF_8);
            case 5: {
                byte[] b = text.getBytes(StandardCharsets.UTF_8);
                return java.util.Arrays.copyOf(b, r.nextInt(b.length + 1));
            }
            default:
                return text.getBytes(StandardCharsets.UTF_8);
        }
    }
}
