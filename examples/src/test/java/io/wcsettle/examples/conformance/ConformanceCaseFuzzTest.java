package io.wcsettle.examples.conformance;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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

import io.wcsettle.core.fuzz.Fuzz;
import io.wcsettle.his.fuzz.JsonMutate;

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

    /** A mutation of a real case (the shared JSON mutator of his-adapter's fuzz suite). */
    static byte[] generate(SplittableRandom r) {
        return JsonMutate.document(r, SEEDS.get(r.nextInt(SEEDS.size())));
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
