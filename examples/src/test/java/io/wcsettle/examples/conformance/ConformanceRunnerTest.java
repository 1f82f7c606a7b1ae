package io.wcsettle.examples.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class ConformanceRunnerTest {

    private static final ObjectMapper M = new ObjectMapper();

    @TempDir
    Path dir;

    private String run(ConformanceRunner.Summary[] summary) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        summary[0] = new ConformanceRunner().run(List.of(dir), new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private void write(String name, String json) throws IOException {
        Files.writeString(dir.resolve(name), json);
    }

    @Test
    @DisplayName("Runner: one line per case, a summary, and all-pass only when nothing failed or errored")
    void linesAndSummary() throws IOException {
        write("a.json", "{\"id\":\"A\",\"kind\":\"calendar.isWorkingDay\",\"input\":{\"date\":\"2025-05-05\"},\"expected\":{\"workingDay\":false}}");
        write("b.json", "{\"id\":\"B\",\"kind\":\"calendar.isWorkingDay\",\"input\":{\"date\":\"2025-05-05\"},\"expected\":{\"workingDay\":true}}");
        write("c.json", "{\"id\":\"C\",\"kind\":\"no.such.kind\",\"input\":{},\"expected\":{}}");
        write("d.json", "{\"id\":\"D\",\"kind\":\"calendar.addWorkingDays\",\"input\":{\"date\":\"2025-13-01\",\"days\":1},\"expected\":{\"error\":\"INVALID_DATE\"}}");
        write("e.json", "not json");
        ConformanceRunner.Summary[] s = new ConformanceRunner.Summary[1];
        String out = run(s);
        assertTrue(out.contains("PASS A\n"), out);
        assertTrue(out.contains("FAIL B: "), out);
        assertTrue(out.contains("ERROR C: UNKNOWN_KIND: kind not implemented: no.such.kind"), out);
        assertTrue(out.contains("ERROR e.json: MALFORMED_CASE: not JSON"), out);
        assertTrue(out.contains("PASS D\n"), out);
        assertTrue(out.contains("ERROR e.json"), out);
        assertTrue(out.endsWith("conformance: 2 passed, 1 failed, 2 errors of 5\n"), out);
        assertEquals(false, s[0].allPassed());
    }

    @Test
    @DisplayName("Comparison: absent keys are ignored, reasons and missing compare as sets, other arrays in order")
    void comparisonRules() throws IOException {
        assertNull(JsonMatch.firstDifference(json("{\"a\":1}"), json("{\"a\":1,\"b\":2}")));
        assertNull(JsonMatch.firstDifference(json("{\"reasons\":[\"X\",\"Y\"]}"), json("{\"reasons\":[\"Y\",\"X\"]}")));
        assertNull(JsonMatch.firstDifference(json("{\"r\":{\"missing\":[\"X\",\"Y\"]}}"), json("{\"r\":{\"missing\":[\"Y\",\"X\"]}}")));
        assertNotNull(JsonMatch.firstDifference(json("{\"lines\":[1,2]}"), json("{\"lines\":[2,1]}")));
        assertNotNull(JsonMatch.firstDifference(json("{\"reasons\":[\"X\"]}"), json("{\"reasons\":[\"X\",\"Y\"]}")));
        assertNotNull(JsonMatch.firstDifference(json("{\"a\":null}"), json("{}")));
        assertNull(JsonMatch.firstDifference(json("{\"a\":null}"), json("{\"a\":null}")));
        assertNull(JsonMatch.firstDifference(json("{\"n\":2469}"), json("{\"n\":2469.0}")));
        assertNotNull(JsonMatch.firstDifference(json("{\"error\":\"X\"}"), json("{\"ok\":true}")));
    }

    @Test
    @DisplayName("R-FIL-11, R-SET-6, R-LOC-1, R-CLR-6, R-UPL-1, R-SET-10: the project's own cases (conformance/cases) all pass")
    void projectCases_allPass() throws IOException {
        Path cases = Path.of("..", "conformance", "cases");
        assertTrue(Files.isDirectory(cases), "run from the examples module: " + cases.toAbsolutePath());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ConformanceRunner.Summary s = new ConformanceRunner().run(List.of(cases),
                new PrintStream(bytes, true, StandardCharsets.UTF_8));
        assertTrue(s.allPassed(), bytes.toString(StandardCharsets.UTF_8));
        assertTrue(s.total() >= 17, s.toString());
    }

    private static JsonNode json(String s) throws IOException {
        return M.readTree(s);
    }
}
