package io.wcsettle.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.wcsettle.examples.WcsettleCli;
import picocli.CommandLine;

/**
 * R-REP-1: the {@code report} command on a synthetic year, and the page as headless Chromium
 * renders it: the charts are drawn (their colours are on the screen), and the numbers the chart
 * marks carry equal the tables' and the JSON's.
 */
class ReportCommandTest {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    @TempDir
    static Path dir;
    static Path out;
    static String stdout;

    @BeforeAll
    static void writeReport() {
        out = dir.resolve("report-2025");
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        int code = new CommandLine(new ReportCommand(new PrintStream(buf, true, StandardCharsets.UTF_8)))
                .execute("--demo", "--year", "2025", "--today", "2026-01-10", "--out", out.toString());
        stdout = buf.toString(StandardCharsets.UTF_8);
        assertEquals(0, code, stdout);
    }

    @Test
    @DisplayName("R-REP-1: report.html, report.json and six CSV tables agree with each other")
    void filesAgree() throws IOException {
        JsonNode json = new ObjectMapper().readTree(out.resolve("report.json").toFile());
        long sum = 0;
        for (JsonNode p : json.get("pairs")) {
            assertEquals(p.get("fundPaidFen").asLong() - p.get("deductionFen").asLong(), p.get("payableFen").asLong());
            sum += p.get("payableFen").asLong();
        }
        assertEquals(sum, json.get("totalPayableFen").asLong(), "Σ pairs = total payable (R-CLR-5)");
        List<String> csv = Files.readAllLines(out.resolve("pairs.csv"));
        assertEquals(json.get("pairs").size() + 1, csv.size());
        long csvSum = csv.stream().skip(1).mapToLong(l -> Long.parseLong(l.split(",")[5])).sum();
        assertEquals(sum, csvSum);
        long monthly = 0;
        for (JsonNode m : json.get("monthly")) {
            monthly += m.get("payableFen").asLong();
        }
        long institutions = 0;
        for (JsonNode i : json.get("institutions")) {
            institutions += i.get("payableFen").asLong();
        }
        assertEquals(monthly, institutions, "the monthly trend and the institutions add up to the same statements");
        assertEquals(12, json.get("monthly").size());
        assertEquals(1, json.get("openDisputes").size(), "the 2025Q4 dispute is escalated, not resolved");
        assertTrue(json.get("overdueUploads").size() > 0);
        assertTrue(json.get("usage").size() > 0);
        String html = Files.readString(out.resolve("report.html"));
        assertTrue(!html.contains("<script") && !html.replace("http://www.w3.org/2000/svg", "").matches("(?s).*https?://.*"),
                "self-contained: no script, nothing fetched from the network (the SVG namespace aside)");
        assertMarksMatchTables(html, json);
        assertTrue(stdout.contains("operation report 2025"), stdout);
    }

    @Test
    @DisplayName("R-REP-1: a quarter's report, and a malformed quarter is INVALID_QUARTER")
    void quarterAndBadInput() throws IOException {
        Path q = dir.resolve("q4");
        int code = new CommandLine(new ReportCommand(new PrintStream(new ByteArrayOutputStream(), true,
                StandardCharsets.UTF_8))).execute("--demo", "--quarter", "2025Q4", "--today", "2026-01-10", "--out",
                q.toString());
        assertEquals(0, code);
        JsonNode json = new ObjectMapper().readTree(q.resolve("report.json").toFile());
        assertEquals(3, json.get("monthly").size());
        assertEquals("2025Q4", json.get("quarters").get(0).asText());
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream saved = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            assertEquals(2, WcsettleCli.execute("report", "--demo", "--quarter", "2025Q5"));
        } finally {
            System.setErr(saved);
        }
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("INVALID_QUARTER"), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    @DisplayName("R-REP-1: headless Chromium renders every chart, and the rendered marks carry the tables' numbers")
    void chromiumRendersTheCharts() throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM), "chromium is not installed (Debian package chromium): render test skipped");
        Path page = out.resolve("report.html");
        String dom = chromium("--dump-dom", page.toUri().toString());
        for (String chart : List.of("heatmap", "usage", "deductions", "trend", "overdue")) {
            assertTrue(dom.contains("id=\"chart-" + chart + "\""), "chart " + chart + " in the rendered DOM");
        }
        JsonNode json = new ObjectMapper().readTree(out.resolve("report.json").toFile());
        assertMarksMatchTables(dom, json);

        Path png = dir.resolve("report.png");
        chromium("--hide-scrollbars", "--window-size=1200,5200", "--screenshot=" + png, page.toUri().toString());
        BufferedImage img = ImageIO.read(png.toFile());
        Map<String, Integer> pixels = new LinkedHashMap<>();
        for (String c : List.of("#08519c", "#e6a700", "#d62728", "#31a354", "#1f4e9c", "#5b7fb8")) {
            pixels.put(c, 0);
        }
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                String c = String.format("#%06x", img.getRGB(x, y) & 0xffffff);
                pixels.computeIfPresent(c, (k, n) -> n + 1);
            }
        }
        // darkest heat-map cell, the 70 % and 80 % lines (and yellow/red bars), green bars, trend line, deduction bars
        pixels.forEach((c, n) -> assertTrue(n > 40, "colour " + c + " drawn on " + n + " pixels: " + pixels));
    }

    /** Every chart mark's value equals its table row's, and the tiles equal the JSON. */
    static void assertMarksMatchTables(String html, JsonNode json) {
        Map<String, String> cells = attributes(html, "rect class=\"mark cell\" data-pair=\"([^\"]+)\" data-payable-fen=\"(-?\\d+)\"");
        Map<String, String> rows = attributes(html, "tr data-pair=\"([^\"]+)\" data-payable-fen=\"(-?\\d+)\"");
        assertEquals(json.get("pairs").size(), cells.size(), "one heat-map cell per pair");
        assertEquals(rows, cells, "heat-map cells = pair table");
        for (JsonNode p : json.get("pairs")) {
            assertEquals(p.get("payableFen").asText(), cells.get(p.get("insured").asText() + "-" + p.get("treatment").asText()));
        }
        Map<String, String> points = attributes(html, "circle class=\"mark point\" data-month=\"([^\"]+)\" data-payable-fen=\"(-?\\d+)\"");
        Map<String, String> months = attributes(html, "tr data-month=\"([^\"]+)\" data-payable-fen=\"(-?\\d+)\"");
        assertEquals(12 * json.get("quarters").size() / 4, points.size());
        assertEquals(months, points, "trend points = monthly table");
        Map<String, String> bars = attributes(html, "rect class=\"mark bar\" data-institution=\"([^\"]+)\" data-percent=\"([\\d.]+)\"");
        Map<String, String> inst = attributes(html, "tr data-institution=\"([^\"]+)\" data-percent=\"([\\d.]+)\"");
        assertTrue(!bars.isEmpty());
        bars.forEach((k, v) -> assertEquals(inst.get(k), v, "deduction bar " + k + " = its table row"));
        Map<String, String> usageBars = attributes(html,
                "rect class=\"mark bar\" data-pair=\"([^\"]+\" data-quarter=\"[^\"]+)\" data-percent=\"([\\d.]+)\"");
        Map<String, String> usageRows = attributes(html, "tr data-pair=\"([^\"]+\" data-quarter=\"[^\"]+)\" data-percent=\"([\\d.]+)\"");
        assertTrue(!usageBars.isEmpty());
        usageBars.forEach((k, v) -> assertEquals(usageRows.get(k), v, "usage bar " + k + " = its table row"));
        Matcher t = Pattern.compile("id=\"tile-total-payable\" data-value=\"(-?\\d+)\"").matcher(html);
        assertTrue(t.find());
        assertEquals(json.get("totalPayableFen").asText(), t.group(1));
    }

    private static Map<String, String> attributes(String html, String regex) {
        Map<String, String> m = new LinkedHashMap<>();
        Matcher x = Pattern.compile(regex).matcher(html);
        while (x.find()) {
            m.put(x.group(1), x.group(2));
        }
        return m;
    }

    private static String chromium(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + Files.createTempDirectory(dir, "chromium")));
        cmd.addAll(List.of(args));
        Path log = Files.createTempFile(dir, "chromium", ".err");
        Process p = new ProcessBuilder(cmd).redirectError(log.toFile()).start();
        byte[] dom = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "chromium finished");
        assertEquals(0, p.exitValue(), Files.readString(log));
        return new String(dom, StandardCharsets.UTF_8);
    }
}
