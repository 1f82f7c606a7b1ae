package io.wcsettle.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.wcsettle.examples.WcsettleCli;
import picocli.CommandLine;

class ClearCommandTest {

    private static final String GOOD = "record_id,insured_admdvs,treatment_admdvs,institution_code,confirmed_on,fund_paid,deduction\n"
            + "R1,150000,110000,H1,2025-10-01,100.00,10.00\n"
            + "R2,150000,430000,H2,2025-10-02,50.00,0.00\n"
            + "R3,110000,430000,H2,2025-10-03,30.00,0.00\n"
            + "R4,150000,110000,H1,2025-10-04,20.00,5.00\n";

    @TempDir
    Path dir;

    private String[] run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new CommandLine(new ClearCommand(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8))).execute(args);
        return new String[] {Integer.toString(code), out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8)};
    }

    @Test
    @DisplayName("R-CLR-5, R-CLR-6: clear prints the pair table, the bilateral payments, and the netted plan labelled as analysis")
    void table() throws IOException {
        Path f = Files.writeString(dir.resolve("q.csv"), GOOD);
        String[] r = run(f.toString());
        assertEquals("0", r[0]);
        assertTrue(r[1].contains("150000   110000            2             120.00            15.00             105.00"), r[1]);
        assertTrue(r[1].contains("total payable 185.00"), r[1]);
        String payments = r[1].substring(r[1].indexOf("payments (bilateral"), r[1].indexOf("analysis, not a payment"));
        assertTrue(payments.contains("110000 -> 430000              30.00"), payments);
        assertTrue(payments.contains("150000 -> 110000             105.00"), payments);
        assertTrue(payments.contains("150000 -> 430000              50.00"), payments);
        String analysis = r[1].substring(r[1].indexOf("analysis, not a payment instruction"));
        assertTrue(analysis.contains("150000 -> 430000              80.00"), analysis);
        assertTrue(analysis.contains("150000 -> 110000              75.00"), analysis);
    }

    @Test
    @DisplayName("A file with only the header (no final line end) clears nothing and says so, without 'null' dates")
    void headerOnly() throws IOException {
        Path f = Files.writeString(dir.resolve("empty.csv"), GOOD.substring(0, GOOD.indexOf('\n')));
        String[] r = run(f.toString());
        assertEquals("0", r[0], r[2]);
        assertTrue(r[1].startsWith("records 0" + System.lineSeparator()), r[1]);
        assertTrue(!r[1].contains("null"), r[1]);
        assertTrue(r[1].contains("total payable 0.00"), r[1]);
    }

    @Test
    @DisplayName("clear --format csv and json carry the same totals")
    void csvAndJson() throws IOException {
        Path f = Files.writeString(dir.resolve("q.csv"), GOOD);
        assertTrue(run(f.toString(), "--format", "csv")[1].contains("150000,110000,2,120.00,15.00,105.00"));
        String json = run(f.toString(), "--format", "json")[1];
        assertTrue(json.contains("\"totalPayableFen\" : 18500"), json);
        assertTrue(json.contains("\"payments\" : [ {"), json);
        assertTrue(json.contains("\"nettingAnalysis\" : {"), json);
    }

    @Test
    @DisplayName("A malformed row stops the run by default; with skip it is counted and listed, the rest cleared")
    void malformedRow() throws IOException {
        Path f = Files.writeString(dir.resolve("bad.csv"), GOOD + "R5,150000,11000,H1,2025-10-04,20.00,5.00\n");
        assertNotEquals(0, WcsettleCli.execute("clear", f.toString()));
        String[] r = run(f.toString(), "--on-malformed", "skip");
        assertEquals("0", r[0]);
        assertTrue(r[2].contains("bad.csv:6: treatment_admdvs"), r[2]);
        assertTrue(r[2].contains("skipped 1 malformed"), r[2]);
        assertTrue(r[1].contains("total payable 185.00"), r[1]);
    }

    @Test
    @DisplayName("Bad arguments and missing files exit non-zero")
    void badArguments() {
        assertNotEquals(0, WcsettleCli.execute("clear"));
        assertNotEquals(0, WcsettleCli.execute("clear", dir.resolve("none.csv").toString()));
        assertNotEquals(0, WcsettleCli.execute("clear", "--format", "xml", "x.csv"));
        assertEquals(0, WcsettleCli.execute("clear", "--help"));
    }

    /** Runs the whole CLI as {@code main} would, capturing stderr (where errors go). */
    private static String[] cli(String... args) {
        java.io.PrintStream saved = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int code = WcsettleCli.execute(args);
            return new String[] {Integer.toString(code), err.toString(StandardCharsets.UTF_8)};
        } finally {
            System.setErr(saved);
        }
    }

    @Test
    @DisplayName("R-CLR-2: --quarter clears that period only and warns about the records confirmed outside it")
    void quarter() throws IOException {
        Path f = Files.writeString(dir.resolve("q.csv"), GOOD + "R5,150000,110000,H1,2025-12-21,1000.00,0.00\n"
                + "R6,150000,110000,H1,2025-09-20,2000.00,0.00\n");
        String[] r = run(f.toString(), "--quarter", "2025Q4");
        assertEquals("0", r[0], r[2]);
        assertTrue(r[1].contains("total payable 185.00"), r[1]);
        assertTrue(r[2].contains("warning: 2 records confirmed outside 2025Q4 (2025-09-21 .. 2025-12-20) were not cleared:"
                + " 1 in 2025Q3, 1 in 2026Q1"), r[2]);
        String[] all = run(f.toString());
        assertTrue(all[1].contains("total payable 3185.00"), all[1]);
        assertTrue(all[2].contains("the records belong to 3 clearing periods"), all[2]);
        String json = run(f.toString(), "--quarter", "2025q4", "--format", "json")[1];
        assertTrue(json.contains("\"outsidePeriod\" : 2"), json);
        assertNotEquals("0", run(f.toString(), "--quarter", "2025Q5")[0]);
        assertNotEquals("0", run(f.toString(), "--quarter", "Q4-2025")[0]);
    }

    @Test
    @DisplayName("A missing file, a directory and an unusable temporary directory give one error line and a non-zero exit")
    void resourceErrors() throws IOException {
        String[] missing = cli("clear", dir.resolve("none.csv").toString());
        assertNotEquals("0", missing[0]);
        assertEquals(1, missing[1].lines().count(), missing[1]);
        assertTrue(missing[1].startsWith("error: IO_FAILURE") && missing[1].contains("none.csv"), missing[1]);
        String[] directory = cli("clear", dir.toString());
        assertTrue(directory[1].startsWith("error: IO_FAILURE") && directory[1].contains("directory"), directory[1]);
        StringBuilder sb = new StringBuilder(GOOD);
        for (int k = 0; k < 30_000; k++) {
            sb.append("X").append(k).append(",150000,110000,H1,2025-10-01,1.00,0.00\n");
        }
        Path f = Files.writeString(dir.resolve("big.csv"), sb);
        Path notADir = Files.writeString(dir.resolve("file"), "x");
        String[] spill = cli("clear", f.toString(), "--id-memory", "16k", "--temp-dir", notADir.toString());
        assertNotEquals("0", spill[0]);
        assertEquals(1, spill[1].lines().count(), spill[1]);
        assertTrue(spill[1].startsWith("error: TEMP_STORAGE_FAILURE"), spill[1]);
        String[] verbose = cli("clear", f.toString(), "--id-memory", "16k", "--temp-dir", notADir.toString(), "--verbose");
        assertTrue(verbose[1].lines().count() > 3 && verbose[1].contains("\tat "), "--verbose adds the stack trace");
        String[] fine = cli("clear", f.toString(), "--id-memory", "16k", "--temp-dir", dir.toString(), "--format", "csv");
        assertEquals("0", fine[0], fine[1]);
        assertNotEquals("0", cli("clear", f.toString(), "--id-memory", "1k")[0]);
    }
}
