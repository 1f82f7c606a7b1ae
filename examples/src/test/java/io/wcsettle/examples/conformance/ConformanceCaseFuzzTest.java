package io.wcsettle.examples.conformance;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.wcsettle.core.fuzz.Fuzz;
import io.wcsettle.core.fuzz.Mutate;

/**
 * Conformance case files, mutated from the public cases (or a built-in set when
 * {@code shared/conformance/cases} is not beside the checkout): wrong JSON types, nulls, huge and
 * tiny numbers, exponents, long and non-ASCII strings, deep nesting, removed and duplicated keys,
 * then truncation and byte flips of the text. Every file gives exactly one {@code PASS}, {@code FAIL}
 * or {@code ERROR id: CODE: …} line; an {@code ERROR} is {@code MALFORMED_CASE} or {@code UNKNOWN_KIND},
 * never {@code INTERNAL_ERROR} — so every input the handlers pass to {@code core} ends in a result
 * or a coded error.
 */
class ConformanceCaseFuzzTest {

    private static final ObjectMapper M = new ObjectMapper();
    private static final Pattern LINE = Pattern.compile("(PASS|FAIL|ERROR) [^\\r\\n]*");
    private static final Pattern ERROR_CODE = Pattern.compile("ERROR .*?: ([A-Z_]+): .*");
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final List<JsonNode> SEEDS = new ArrayList<>();
    private static final ConformanceRunner RUNNER = new ConformanceRunner();

    @BeforeAll
    static void seeds() throws IOException {
        Path cases = findCases();
        if (cases != null) {
            try (Stream<Path> s = Files.list(cases)) {
                for (Path p : s.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                    SEEDS.add(M.readTree(p.toFile()));
                }
            }
        }
        if (SEEDS.isEmpty()) {
            SEEDS.add(M.readTree("{\"id\":\"CAL\",\"kind\":\"calendar.addWorkingDays\",\"input\":{\"date\":\"2025-09-30\","
                    + "\"days\":5},\"expected\":{\"date\":\"2025-10-14\"}}"));
            SEEDS.add(M.readTree("{\"id\":\"USE\",\"kind\":\"prepayment.usage\",\"input\":{\"quarterClearing\":\"823.00\","
                    + "\"quota\":\"1000.00\"},\"expected\":{\"ratePercent\":\"82.30\",\"level\":\"RED\"}}"));
            SEEDS.add(M.readTree("{\"id\":\"CLR\",\"kind\":\"clearing.table\",\"input\":{\"records\":[{\"insured\":\"150000\","
                    + "\"treatment\":\"110000\",\"fundPaid\":\"100.00\",\"deduction\":\"10.00\"}]},\"expected\":{\"totalPayableFen\":9000}}"));
        }
    }

    private static Path findCases() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared/conformance/cases");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    /** A random value of a random JSON type, biased to what breaks parsers and handlers. */
    static JsonNode junk(SplittableRandom r, JsonNode old) {
        switch (r.nextInt(12)) {
            case 0:
                return F.nullNode();
            case 1:
                return F.booleanNode(r.nextBoolean());
            case 2:
                return F.numberNode(Mutate.edgyLong(r));
            case 3:
                return F.numberNode(Mutate.pick(r, new Double[] {0.5, -0.0, 1e-300, 1e300, Double.MAX_VALUE}));
            case 4:
                return F.numberNode(new java.math.BigInteger(Mutate.digits(r, 1 + r.nextInt(60))));
            case 5:
                return F.textNode(old != null && old.isTextual() ? Mutate.string(r, old.textValue())
                        : Mutate.pick(r, Mutate.tokensForTests()));
            case 6:
                return F.textNode("x".repeat(r.nextInt(100_000)));
            case 7:
                return F.arrayNode();
            case 8:
                return F.objectNode();
            case 9: {
                ArrayNode deep = F.arrayNode();
                ArrayNode at = deep;
                for (int i = 0; i < r.nextInt(900); i++) {
                    at = at.addArray();
                }
                return deep;
            }
            case 10:
                return F.textNode(Mutate.pick(r, new String[] {"2025-02-29", "2025-13-01", "9999-12-31", "0000-01-01",
                    "-1", "1e999", "９", "150000", "999999999999999999.99", "0.001"}));
            default:
                return old == null ? F.nullNode() : old.isTextual() ? F.textNode(Mutate.string(r, old.textValue())) : old;
        }
    }

    /** Mutates a random node of the tree in place (a copy of a seed). */
    static void mutateTree(SplittableRandom r, JsonNode root) {
        List<JsonNode> containers = new ArrayList<>();
        collect(root, containers);
        JsonNode c = containers.get(r.nextInt(containers.size()));
        if (c instanceof ObjectNode o) {
            List<String> names = new ArrayList<>();
            o.fieldNames().forEachRemaining(names::add);
            if (names.isEmpty() || r.nextInt(10) == 0) {
                o.set("extra" + r.nextInt(3), junk(r, null));
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

    private static void collect(JsonNode n, List<JsonNode> out) {
        if (n.isContainerNode()) {
            out.add(n);
            for (Iterator<JsonNode> it = n.elements(); it.hasNext(); ) {
                collect(it.next(), out);
            }
        }
    }

    static byte[] generate(SplittableRandom r) {
        JsonNode c = SEEDS.get(r.nextInt(SEEDS.size())).deepCopy();
        int n = 1 + r.nextInt(3);
        for (int k = 0; k < n; k++) {
            mutateTree(r, c);
        }
        String text = c.toString();
        switch (r.nextInt(7)) {
            case 0:
                return Mutate.flip(r, text.getBytes(StandardCharsets.UTF_8));
            case 1:
                return Mutate.string(r, text).getBytes(StandardCharsets.UTF_8);
            case 2: // a duplicate key, which a strict reader must not resolve silently
                return text.replaceFirst("\\{\"id\"", "{\"id\":\"dup\",\"id\"").getBytes(StandardCharsets.UTF_8);
            case 3: // an exotic number literal in place of any value: overflowing exponents read as infinity
                return replaceOneValue(r, text, Mutate.pick(r, new String[] {"1e999", "-1e999", "9e2147483647",
                    "1e-999999999", "-0", "0.0000000000000000000001", "123456789012345678901234567890", "2469.0",
                    "1E2"})).getBytes(StandardCharsets.UTF_8);
            default:
                return text.getBytes(StandardCharsets.UTF_8);
        }
    }

    private static final Pattern VALUE = Pattern.compile(":(-?[0-9][0-9.eE+-]*|true|false|null|\"[^\"]*\")(?=[,}\\]])");

    /** {@code text} with one randomly chosen scalar value replaced by {@code literal}. */
    static String replaceOneValue(SplittableRandom r, String text, String literal) {
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

    @Test
    @DisplayName("Conformance runner fuzz: every case file gives one line; errors are MALFORMED_CASE or UNKNOWN_KIND, never INTERNAL_ERROR")
    void everyCaseIsJudged() {
        Map<String, Integer> verdicts = new ConcurrentSkipListMap<>();
        Fuzz.run("conformance case JSON", Fuzz.tries(1), ConformanceCaseFuzzTest::generate,
                bytes -> RUNNER.judge("fuzz.json", bytes), (bytes, v) -> {
                    assertTrue(LINE.matcher(v.line()).matches(), "one PASS/FAIL/ERROR line: " + v.line());
                    String tally = v.outcome().name();
                    if (v.outcome() == ConformanceRunner.Outcome.ERROR) {
                        Matcher m = ERROR_CODE.matcher(v.line());
                        assertTrue(m.matches(), "an ERROR line names a code: " + v.line());
                        String code = m.group(1);
                        if (code.equals("INTERNAL_ERROR") || code.equals("IO_FAILURE")) {
                            fail(v.line());
                        }
                        tally += " " + code;
                    }
                    assertFalse(v.line().length() > 2_200, "line cut to a readable length");
                    verdicts.merge(tally, 1, Integer::sum);
                }, b -> Fuzz.render(b));
        System.out.println("fuzz conformance case JSON verdicts: " + verdicts);
    }

    @Test
    @DisplayName("Conformance runner: the unmutated seeds all pass (the fuzz starts from valid cases)")
    void seedsPass() {
        for (JsonNode seed : SEEDS) {
            ConformanceRunner.Verdict v = RUNNER.judge("seed.json", seed.toString().getBytes(StandardCharsets.UTF_8));
            assertTrue(v.outcome() == ConformanceRunner.Outcome.PASS, v.line());
        }
    }

}
