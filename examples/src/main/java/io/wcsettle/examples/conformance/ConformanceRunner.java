package io.wcsettle.examples.conformance;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
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
 * <p>An error is a case that could not be judged, printed with a {@link CaseErrorCode}: a file
 * that is not a well-formed case ({@code MALFORMED_CASE}: not JSON, duplicate keys, trailing
 * content, {@code input}/{@code expected} not objects), an unimplemented kind ({@code UNKNOWN_KIND}),
 * an unreadable file ({@code IO_FAILURE}), or a failure of the API that is not a coded
 * {@link WcsettleException} ({@code INTERNAL_ERROR}, a bug). Malformed files never stop the run.
 */
public final class ConformanceRunner {

    /** A case file over 16 MiB is refused unread (the public cases are under 4 KiB). */
    static final long MAX_CASE_BYTES = 16 << 20;

    /** Strict: a duplicate key or trailing content makes a case ambiguous, so it is malformed. */
    private final ObjectMapper mapper = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
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

    /**
     * Runs every case under {@code dirs}, printing to {@code out}. A case file that cannot be
     * judged is an {@code ERROR id: CODE: detail} line ({@link CaseErrorCode}), never an exception.
     *
     * @throws NoSuchFileException   when a directory does not exist
     * @throws NotDirectoryException when a path is not a directory
     * @throws IOException           when a directory cannot be listed
     */
    public Summary run(List<Path> dirs, PrintStream out) throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path dir : dirs) {
            if (!Files.exists(dir)) {
                throw new NoSuchFileException(dir.toString());
            }
            if (!Files.isDirectory(dir)) {
                throw new NotDirectoryException(dir.toString());
            }
            try (Stream<Path> s = Files.walk(dir)) {
                s.filter(p -> p.toString().endsWith(".json") && Files.isRegularFile(p)).sorted().forEach(files::add);
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
        }
        int passed = 0;
        int failed = 0;
        int errors = 0;
        for (Path file : files) {
            Verdict v = judge(file);
            out.println(v.line());
            switch (v.outcome()) {
                case PASS -> passed++;
                case FAIL -> failed++;
                default -> errors++;
            }
        }
        Summary summary = new Summary(passed, failed, errors);
        out.println(summary);
        return summary;
    }

    /** How one case ended. */
    enum Outcome { PASS, FAIL, ERROR }

    /** One case's outcome and its output line. */
    record Verdict(Outcome outcome, String line) {
    }

    private Verdict judge(Path file) {
        String name = file.getFileName().toString();
        byte[] bytes;
        try {
            if (Files.size(file) > MAX_CASE_BYTES) {
                return error(name, CaseErrorCode.MALFORMED_CASE, "larger than " + MAX_CASE_BYTES + " bytes");
            }
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            return error(name, CaseErrorCode.IO_FAILURE, "cannot read " + file);
        }
        return judge(name, bytes);
    }

    /** Judges one case file's content; {@code name} identifies it when it has no usable id. */
    Verdict judge(String name, byte[] content) {
        JsonNode c;
        try {
            c = mapper.readTree(content);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            return error(name, CaseErrorCode.MALFORMED_CASE, "not JSON: " + e.getOriginalMessage()
                    + (at != null ? " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")" : ""));
        } catch (IOException e) {
            return error(name, CaseErrorCode.IO_FAILURE, "cannot read: " + e.getMessage());
        }
        if (c == null || !c.isObject()) {
            return error(name, CaseErrorCode.MALFORMED_CASE, "not a JSON object");
        }
        JsonNode idNode = c.get("id");
        if (idNode != null && !idNode.isTextual()) {
            return error(name, CaseErrorCode.MALFORMED_CASE, "id is not a string");
        }
        String id = printable(idNode != null ? idNode.textValue() : name);
        JsonNode kindNode = c.get("kind");
        JsonNode expected = c.get("expected");
        JsonNode input = c.get("input");
        if (kindNode == null || !kindNode.isTextual()) {
            return error(id, CaseErrorCode.MALFORMED_CASE, "kind is missing or not a string");
        }
        if (input == null || !input.isObject() || expected == null || !expected.isObject()) {
            return error(id, CaseErrorCode.MALFORMED_CASE, "input and expected must be objects");
        }
        String kind = kindNode.textValue();
        CaseHandler handler = kinds.get(kind);
        if (handler == null) {
            return error(id, CaseErrorCode.UNKNOWN_KIND, "kind not implemented: " + printable(kind));
        }
        JsonNode actual;
        try {
            actual = runOne(handler, input);
        } catch (RuntimeException | StackOverflowError e) {
            return error(id, CaseErrorCode.INTERNAL_ERROR, "not a coded error, a bug: " + e);
        }
        String diff = JsonMatch.firstDifference(expected, actual);
        return diff == null ? new Verdict(Outcome.PASS, "PASS " + id)
                : new Verdict(Outcome.FAIL, "FAIL " + id + ": " + printable(diff));
    }

    private static Verdict error(String id, CaseErrorCode code, String detail) {
        return new Verdict(Outcome.ERROR, "ERROR " + printable(id) + ": " + code.code() + ": " + printable(detail));
    }

    /** One line per case: control and line-separator characters become escapes, texts over 1,000 characters are cut. */
    static String printable(String s) {
        StringBuilder sb = new StringBuilder(Math.min(s.length(), 1000));
        for (int i = 0; i < s.length(); i++) {
            if (sb.length() >= 1000) {
                return sb.append("…").toString();
            }
            char c = s.charAt(i);
            if (c < 0x20 || c == 0x7f || c == '\u2028' || c == '\u2029' || c == '\u0085') {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private static JsonNode runOne(CaseHandler handler, JsonNode input) {
        try {
            return handler.run(input);
        } catch (WcsettleException e) {
            return JsonNodeFactory.instance.objectNode().put("error", e.code());
        }
    }
}
