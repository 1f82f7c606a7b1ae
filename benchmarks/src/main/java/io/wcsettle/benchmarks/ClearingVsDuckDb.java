package io.wcsettle.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.wcsettle.core.clearing.ClearingCsvReader;
import io.wcsettle.core.clearing.CsvClearingResult;
import io.wcsettle.core.clearing.OnMalformed;
import io.wcsettle.core.clearing.PairTotal;

/**
 * Side-by-side: this SDK's streaming clearing (one thread, {@code -Xmx64m}, in a child JVM) against
 * DuckDB ({@code SET threads=1}) running the same GROUP BY over the same CSV file. Checks both give
 * identical pair totals and prints {@code ratio duckdb/wcsettle = X} as the last line.
 *
 * <p>Usage: {@code java -cp benchmarks/target/benchmarks.jar io.wcsettle.benchmarks.ClearingVsDuckDb
 * --rows 5000000 [--file PATH] [--runs 8] [--sdk-heap 64m]}. The file is generated with the fixed
 * seed when absent and reused otherwise. Each side is timed as the best of {@code runs} runs after
 * the first (warm-up); JVM start-up and DuckDB connection are outside the timings.
 */
public final class ClearingVsDuckDb {

    private ClearingVsDuckDb() {
    }

    /** Entry point. */
    public static void main(String[] args) throws Exception {
        long rows = 5_000_000;
        Path file = null;
        int runs = 8;
        String heap = "64m";
        boolean sdkOnly = false;
        for (int k = 0; k < args.length; k++) {
            switch (args[k]) {
                case "--rows" -> rows = Long.parseLong(args[++k]);
                case "--file" -> file = Path.of(args[++k]);
                case "--runs" -> runs = Integer.parseInt(args[++k]);
                case "--sdk-heap" -> heap = args[++k];
                case "--sdk-only" -> sdkOnly = true;
                default -> throw new IllegalArgumentException("unknown option " + args[k]);
            }
        }
        if (file == null) {
            file = Path.of(System.getProperty("java.io.tmpdir"), "wcsettle-clearing-" + rows + ".csv");
        }
        if (sdkOnly) {
            sdkChild(file, runs);
            return;
        }
        if (!Files.exists(file)) {
            long t0 = System.nanoTime();
            ClearingFileGenerator.write(file, rows, ClearingFileGenerator.SEED);
            System.out.printf("generated %s (%d rows, seed %d) in %d ms%n", file, rows, ClearingFileGenerator.SEED,
                    (System.nanoTime() - t0) / 1_000_000);
        }
        System.out.printf("file %s, %d bytes, %d cores%n", file, Files.size(file),
                Runtime.getRuntime().availableProcessors());

        Sdk sdk = runSdkInChild(file, runs, heap);
        System.out.printf("wcsettle (1 thread, -Xmx%s): best %d ms, %d rows accepted%n", heap, sdk.millis, sdk.rows);

        Map<String, long[]> duck = new TreeMap<>();
        long duckMillis = runDuckDb(file, runs, duck);
        System.out.printf("duckdb   (threads=1): best %d ms%n", duckMillis);

        if (!sameTotals(duck, sdk.pairs)) {
            System.out.println("MISMATCH: pair totals differ");
            System.out.println("duckdb:   " + render(duck));
            System.out.println("wcsettle: " + render(sdk.pairs));
            System.exit(2);
        }
        System.out.printf("identical pair totals: %d pairs%n", duck.size());
        System.out.printf("ratio duckdb/wcsettle = %.2f%n", (double) duckMillis / Math.max(1, sdk.millis));
    }

    private record Sdk(long millis, long rows, Map<String, long[]> pairs) {
    }

    private static Sdk runSdkInChild(Path file, int runs, String heap) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = List.of(java, "-Xmx" + heap, "-XX:+UseSerialGC", "-cp",
                System.getProperty("java.class.path"), ClearingVsDuckDb.class.getName(), "--sdk-only", "--file",
                file.toString(), "--runs", Integer.toString(runs));
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        long millis = -1;
        long rows = -1;
        Map<String, long[]> pairs = new TreeMap<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                String[] f = line.split(" ");
                switch (f[0]) {
                    case "pair" -> pairs.put(f[1], new long[] {Long.parseLong(f[2]), Long.parseLong(f[3]),
                        Long.parseLong(f[4])});
                    case "millis" -> millis = Long.parseLong(f[1]);
                    case "rows" -> rows = Long.parseLong(f[1]);
                    default -> System.out.println("  child: " + line);
                }
            }
        }
        if (p.waitFor() != 0 || millis < 0) {
            throw new IllegalStateException("SDK child JVM failed (exit " + p.exitValue() + ")");
        }
        return new Sdk(millis, rows, pairs);
    }

    /** Runs in the child JVM: clears the file {@code runs} times, reports the best time and the pairs. */
    private static void sdkChild(Path file, int runs) {
        ClearingCsvReader reader = new ClearingCsvReader(OnMalformed.STOP);
        long best = Long.MAX_VALUE;
        CsvClearingResult result = null;
        for (int k = 0; k <= runs; k++) {
            long t0 = System.nanoTime();
            result = reader.read(file);
            long ms = (System.nanoTime() - t0) / 1_000_000;
            System.out.println("run " + k + (k == 0 ? " (warm-up)" : "") + ": " + ms + " ms");
            if (k > 0) {
                best = Math.min(best, ms);
            }
        }
        System.out.println("heap used after last run: "
                + (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) / (1 << 20) + " MiB of max "
                + Runtime.getRuntime().maxMemory() / (1 << 20) + " MiB");
        for (PairTotal t : result.totals().pairs()) {
            System.out.println("pair " + t.pair().insured().code().substring(0, 2) + "-"
                    + t.pair().treatment().code().substring(0, 2) + " " + t.fundPaid().value() + " "
                    + t.deductions().value() + " " + t.records());
        }
        System.out.println("rows " + result.acceptedRows());
        System.out.println("millis " + best);
    }

    private static long runDuckDb(Path file, int runs, Map<String, long[]> out) throws SQLException {
        String sql = "SELECT substr(insured_admdvs, 1, 2) AS i, substr(treatment_admdvs, 1, 2) AS t, "
                + "sum(fund_paid) AS f, sum(deduction) AS d, count(*) AS n FROM read_csv('"
                + file.toAbsolutePath().toString().replace("'", "''") + "', header = true, delim = ',', columns = {"
                + "'record_id': 'VARCHAR', 'insured_admdvs': 'VARCHAR', 'treatment_admdvs': 'VARCHAR', "
                + "'institution_code': 'VARCHAR', 'confirmed_on': 'DATE', 'fund_paid': 'DECIMAL(18,2)', "
                + "'deduction': 'DECIMAL(18,2)'}) GROUP BY 1, 2 ORDER BY 1, 2";
        long best = Long.MAX_VALUE;
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            s.execute("SET threads = 1");
            for (int k = 0; k <= runs; k++) {
                out.clear();
                long t0 = System.nanoTime();
                try (ResultSet rs = s.executeQuery(sql)) {
                    while (rs.next()) {
                        out.put(rs.getString(1) + "-" + rs.getString(2), new long[] {fen(rs.getBigDecimal(3)),
                            fen(rs.getBigDecimal(4)), rs.getLong(5)});
                    }
                }
                long ms = (System.nanoTime() - t0) / 1_000_000;
                System.out.println("  duckdb run " + k + (k == 0 ? " (warm-up)" : "") + ": " + ms + " ms");
                if (k > 0) {
                    best = Math.min(best, ms);
                }
            }
        }
        return best;
    }

    private static long fen(BigDecimal yuan) {
        return yuan.movePointRight(2).longValueExact();
    }

    private static boolean sameTotals(Map<String, long[]> a, Map<String, long[]> b) {
        if (!a.keySet().equals(b.keySet())) {
            return false;
        }
        for (Map.Entry<String, long[]> e : a.entrySet()) {
            if (!java.util.Arrays.equals(e.getValue(), b.get(e.getKey()))) {
                return false;
            }
        }
        return true;
    }

    private static String render(Map<String, long[]> m) {
        List<String> s = new ArrayList<>();
        m.forEach((k, v) -> s.add(k + "=" + java.util.Arrays.toString(v)));
        return String.join(", ", s);
    }

}
