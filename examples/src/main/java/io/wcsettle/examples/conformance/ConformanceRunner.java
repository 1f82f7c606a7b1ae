package io.wcsettle.examples.conformance;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import io.wcsettle.core.calendar.WorkingDayCalendar;
import io.wcsettle.core.error.WcsettleException;
import io.wcsettle.core.policy.RegionalPolicies;

/**
 * Runs conformance cases (format: {@code shared/conformance/README.md}): reads every {@code *.json}
 * under the given directories in path order, runs each through {@code core}, prints
 * {@code PASS id}, {@code FAIL id: expected … got …} or {@code ERROR id: …} per case and the
 * summary {@code conformance: P passed, F failed, E errors of N}.
 *
 * <p>An error is a case that could not be judged: unreadable file, unimplemented kind, or a
 * failure that is not a coded {@link WcsettleException} (a bug).
 */
public final class ConformanceRunner {

    private final ObjectMapper mapper = new ObjectMapper();
    private final Map<String, CaseHandler> kinds;

    /** A runner over the shipped policies and the official calendar. */
    public ConformanceRunner() {
        this(RegionalPolicies.shipped(), WorkingDayCalendar.chinaOfficial());
    }

    /** A runner over the given policies and calendar. */
    public ConformanceRunner(RegionalPolicies policies, WorkingDayCalendar calendar) {
        this.kinds = CaseKinds.all(policies, calendar);
    }

    /** Counts of one run. */
    public record Summary(int passed, int failed, int errors) {
        /** All cases. */
        public int total() {
            return passed + failed + errors;
        }

        /** Whether every case passed (and there was at least one). */
        public boolean allPassed() {
            return failed == 0 && errors == 0 && passed > 0;
        }

        @Override
        public String toString() {
            return "conformance: " + passed + " passed, " + failed + " failed, " + errors + " errors of " + total();
        }
    }

    /** Runs every case under {@code dirs}, printing to {@code out}. */
    public Summary run(List<Path> dirs, PrintStream out) throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path dir : dirs) {
            if (!Files.isDirectory(dir)) {
                throw new IOException("not a directory: " + dir);
            }
            try (Stream<Path> s = Files.walk(dir)) {
                s.filter(p -> p.toString().endsWith(".json") && Files.isRegularFile(p)).sorted().forEach(files::add);
            }
        }
        int passed = 0;
        int failed = 0;
        int errors = 0;
        for (Path file : files) {
            String id = file.getFileName().toString();
            try {
                JsonNode c = mapper.readTree(file.toFile());
                if (c == null || !c.isObject()) {
                    throw new IllegalArgumentException("not a JSON object");
                }
                id = c.path("id").asText(id);
                JsonNode expected = c.get("expected");
                JsonNode input = c.get("input");
                if (expected == null || input == null) {
                    throw new IllegalArgumentException("case lacks input or expected");
                }
                String kind = c.path("kind").asText("");
                CaseHandler handler = kinds.get(kind);
                if (handler == null) {
                    out.println("ERROR " + id + ": kind not implemented: " + kind);
                    errors++;
                    continue;
                }
                JsonNode actual = runOne(handler, input);
                String diff = JsonMatch.firstDifference(expected, actual);
                if (diff == null) {
                    out.println("PASS " + id);
                    passed++;
                } else {
                    out.println("FAIL " + id + ": " + diff);
                    failed++;
                }
            } catch (IOException | RuntimeException e) {
                out.println("ERROR " + id + ": " + e);
                errors++;
            }
        }
        Summary summary = new Summary(passed, failed, errors);
        out.println(summary);
        return summary;
    }

    private static JsonNode runOne(CaseHandler handler, JsonNode input) {
        try {
            return handler.run(input);
        } catch (WcsettleException e) {
            return JsonNodeFactory.instance.objectNode().put("error", e.code());
        }
    }
}
