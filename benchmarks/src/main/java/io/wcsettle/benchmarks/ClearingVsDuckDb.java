package io.wcsettle.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
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
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

import io.wcsettle.benchmarks.ClearingFileGenerator.IdShape;
import io.wcsettle.core.clearing.ClearingCsvReader;
import io.wcsettle.core.clearing.CsvClearingResult;
import io.wcsettle.core.clearing.DuplicateCheckStats;
import io.wcsettle.core.clearing.OnMalformed;
import io.wcsettle.core.clearing.PairTotal;

/**
 * Side-by-side, per record-id shape: this SDK's streaming clearing (one thread, {@code -Xmx64m},
 * in a child JVM) against DuckDB ({@code SET threads = 1}, in another child JVM) doing the same
 * work over the same CSV file: per province pair the sums of fund paid and deductions and the
 * record count, where a row whose {@code record_id} appeared on an earlier line is a duplicate,
 * counted and left out (the first row with an id is the one cleared). Both sides must agree on
 * every pair total and on the number of duplicates, which must also equal the number the
 * generator wrote; then it prints a table: best time of each, ratio, the SDK's time relative to
 * its own time on dense sequential ids, the SDK's peak bytes held per record, peak heap and
 * peak RSS of each process.
 *
 * <p>Usage: {@code java -cp benchmarks/target/benchmarks.jar io.wcsettle.benchmarks.ClearingVsDuckDb
 * --rows 5000000 [--shapes dense,alnum30,...] [--dir DIR] [--dup-per-million 1000] [--runs 3]
 * [--sdk-jvm -Xmx64m]}. Files are generated into {@code DIR} (default {@code java.io.tmpdir}) with
 * the fixed seed when absent and reused otherwise. Each side is timed as the best of {@code runs}
 * runs after one warm-up run; JVM start-up and DuckDB connection are outside the timings.
 */
public final class ClearingVsDuckDb {

    private ClearingVsDuckDb() {
    }

    /** Entry point. */
    public static void main(String[] args) throws Exception {
        long rows = 5_000_000;
        Path dir = Path.of(System.getProperty("java.io.tmpdir"));
        int runs = 3;
        int perMillion = 1000;
        String sdkJvm = "-Xmx64m";
        List<IdShape> shapes = new ArrayList<>(Arrays.asList(IdShape.values()));
        String child = null;
        Path file = null;
        for (int k = 0; k < args.length; k++) {
            switch (args[k]) {
                case "--rows" -> rows = Long.parseLong(args[++k]);
                case "--dir" -> dir = Path.of(args[++k]);
                case "--runs" -> runs = Integer.parseInt(args[++k]);
                case "--dup-per-million" -> perMillion = Integer.parseInt(args[++k]);
                case "--sdk-jvm" -> sdkJvm = args[++k];
                case "--shapes" -> {
                    shapes.clear();
                    for (String s : args[++k].split(",")) {
                        shapes.add(IdShape.parse(s));
                    }
                }
                case "--child" -> child = args[++k];
                case "--file" -> file = Path.of(args[++k]);
                default -> throw new IllegalArgumentException("unknown option " + args[k]);
            }
        }
        if ("sdk".equals(child)) {
            sdkChild(file, runs);
            return;
        }
        if ("duckdb".equals(child)) {
            duckChild(file, runs);
            return;
        }
        System.out.printf("machine: %d cores, JDK %s, %s; SDK JVM %s; DuckDB %s threads=1%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                System.getProperty("os.name"), sdkJvm, duckVersion());
        if (!shapes.contains(IdShape.DENSE)) {
            shapes.add(0, IdShape.DENSE);
        }
        Map<IdShape, Side[]> results = new LinkedHashMap<>();
        for (IdShape shape : shapes) {
            Path f = dir.resolve("wcsettle-clearing-" + shape.label() + "-" + rows + "-" + perMillion + ".csv");
            long expectedDuplicates = ensureFile(f, rows, shape, perMillion);
            System.out.printf("%n== %s: %s, %d bytes, %d duplicates written%n", shape.label(), f, Files.size(f),
                    expectedDuplicates);
            Side sdk = runChild("sdk", f, runs, sdkJvm.split(" "));
            Side duck = runChild("duckdb", f, runs, new String[] {"-Xmx512m"});
            System.out.printf("wcsettle: best %d ms, %d cleared, %d duplicates; duckdb: best %d ms, %d cleared, %d duplicates%n",
                    sdk.millis, sdk.cleared, sdk.duplicates, duck.millis, duck.cleared, duck.duplicates);
            if (!sameTotals(duck.pairs, sdk.pairs) || sdk.duplicates != duck.duplicates
                    || sdk.duplicates != expectedDuplicates) {
                System.out.println("MISMATCH");
                System.out.println("duckdb:   " + render(duck.pairs));
                System.out.println("wcsettle: " + render(sdk.pairs));
                System.exit(2);
            }
            System.out.printf("identical: %d pair totals, %d duplicates%n", duck.pairs.size(), sdk.duplicates);
            results.put(shape, new Side[] {sdk, duck});
        }
        long denseMillis = results.get(IdShape.DENSE)[0].millis;
        System.out.printf("%n%d rows, %d duplicates per million; times are the best of %d runs after a warm-up%n",
                rows, perMillion, runs);
        long denseCpu = results.get(IdShape.DENSE)[0].cpuMillis;
        System.out.println("| ids | file MB | SDK ms (cpu) | DuckDB ms (cpu) | DuckDB/SDK | SDK vs dense | SDK bytes/record held"
                + " | SDK spilled MB | SDK peak heap MB | SDK peak RSS MB | DuckDB peak RSS MB |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (Map.Entry<IdShape, Side[]> e : results.entrySet()) {
            Side s = e.getValue()[0];
            Side d = e.getValue()[1];
            System.out.printf("| %s | %d | %d (%d) | %d (%d) | %.2f (%.2f) | %.2f (%.2f) | %.2f | %.1f | %.1f | %.1f | %.1f |%n",
                    e.getKey().label(), s.fileBytes >> 20, s.millis, s.cpuMillis, d.millis, d.cpuMillis,
                    (double) d.millis / Math.max(1, s.millis), (double) d.cpuMillis / Math.max(1, s.cpuMillis),
                    (double) s.millis / Math.max(1, denseMillis), (double) s.cpuMillis / Math.max(1, denseCpu),
                    (double) s.peakIdBytes / Math.max(1, rows),
                    s.spilledBytes / 1048576.0, s.peakHeap / 1048576.0, s.rss / 1048576.0, d.rss / 1048576.0);
        }
    }

    private static String duckVersion() {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT version()")) {
            rs.next();
            return rs.getString(1);
        } catch (SQLException e) {
            return "?";
        }
    }

    /** Generates the file unless it is there with its summary; returns the duplicates written. */
    private static long ensureFile(Path f, long rows, IdShape shape, int perMillion) throws IOException {
        Path meta = Path.of(f + ".meta");
        if (Files.exists(f) && Files.exists(meta)) {
            Properties p = new Properties();
            try (var in = Files.newInputStream(meta)) {
                p.load(in);
            }
            return Long.parseLong(p.getProperty("duplicates"));
        }
        long t0 = System.nanoTime();
        ClearingFileGenerator.Summary s = ClearingFileGenerator.write(f, rows, ClearingFileGenerator.SEED, shape,
                perMillion);
        System.out.printf("generated %s in %d ms%n", f, (System.nanoTime() - t0) / 1_000_000);
        Properties p = new Properties();
        p.setProperty("rows", Long.toString(s.rows()));
        p.setProperty("duplicates", Long.toString(s.duplicates()));
        try (var out = Files.newOutputStream(meta)) {
            p.store(out, "ClearingFileGenerator " + shape.label() + " seed " + ClearingFileGenerator.SEED);
        }
        return s.duplicates();
    }

    /** What one side measured. */
    private static final class Side {
        long millis = -1;
        long cpuMillis = -1;
        long cleared;
        long duplicates;
        long peakIdBytes;
        long spilledBytes;
        long peakHeap;
        long rss;
        long fileBytes;
        final Map<String, long[]> pairs = new TreeMap<>();
    }

    private static Side runChild(String kind, Path file, int runs, String[] jvm) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>();
        cmd.add(java);
        cmd.addAll(Arrays.asList(jvm));
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), ClearingVsDuckDb.class.getName(),
                "--child", kind, "--file", file.toString(), "--runs", Integer.toString(runs)));
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        Side side = new Side();
        side.fileBytes = Files.size(file);
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                String[] f = line.split(" ");
                switch (f[0]) {
                    case "pair" -> side.pairs.put(f[1], new long[] {Long.parseLong(f[2]), Long.parseLong(f[3]),
                        Long.parseLong(f[4])});
                    case "millis" -> side.millis = Long.parseLong(f[1]);
                    case "cpu" -> side.cpuMillis = Long.parseLong(f[1]);
                    case "cleared" -> side.cleared = Long.parseLong(f[1]);
                    case "duplicates" -> side.duplicates = Long.parseLong(f[1]);
                    case "idbytes" -> side.peakIdBytes = Long.parseLong(f[1]);
                    case "spilled" -> side.spilledBytes = Long.parseLong(f[1]);
                    case "heap" -> side.peakHeap = Long.parseLong(f[1]);
                    case "rss" -> side.rss = Long.parseLong(f[1]);
                    default -> System.out.println("  " + kind + ": " + line);
                }
            }
        }
        if (p.waitFor() != 0 || side.millis < 0) {
            throw new IllegalStateException(kind + " child JVM failed (exit " + p.exitValue() + ")");
        }
        return side;
    }

    /** Runs in the SDK child JVM: clears the file {@code runs} times after a warm-up. */
    private static void sdkChild(Path file, int runs) throws InterruptedException {
        HeapSampler sampler = HeapSampler.start();
        ClearingCsvReader reader = ClearingCsvReader.builder().onMalformed(OnMalformed.SKIP_AND_REPORT).build();
        java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long bestCpu = Long.MAX_VALUE;
        long best = Long.MAX_VALUE;
        CsvClearingResult result = null;
        long peakIdBytes = 0;
        for (int k = 0; k <= runs; k++) {
            long c0 = threads.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            result = reader.read(file);
            long ms = (System.nanoTime() - t0) / 1_000_000;
            long cpu = (threads.getCurrentThreadCpuTime() - c0) / 1_000_000;
            DuplicateCheckStats st = result.duplicateCheck();
            System.out.printf("run %d%s: %d ms (exact %d, fingerprinted %d, re-read %d, peak %d KiB, spilled %d KiB)%n",
                    k, k == 0 ? " (warm-up)" : "", ms, st.exactIds(), st.fingerprintedIds(), st.rowsReread(),
                    st.peakMemoryBytes() >> 10, st.spilledBytes() >> 10);
            if (k > 0) {
                best = Math.min(best, ms);
                bestCpu = Math.min(bestCpu, cpu);
            }
            peakIdBytes = Math.max(peakIdBytes, st.peakMemoryBytes());
        }
        for (PairTotal t : result.totals().pairs()) {
            System.out.println("pair " + t.pair().insured().code().substring(0, 2) + "-"
                    + t.pair().treatment().code().substring(0, 2) + " " + t.fundPaid().value() + " "
                    + t.deductions().value() + " " + t.records());
        }
        System.out.println("cleared " + result.acceptedRows());
        System.out.println("duplicates " + result.duplicateRows());
        System.out.println("idbytes " + peakIdBytes);
        System.out.println("spilled " + result.duplicateCheck().spilledBytes());
        System.out.println("heap " + sampler.stop());
        System.out.println("rss " + peakRss());
        System.out.println("cpu " + bestCpu);
        System.out.println("millis " + best);
    }

    /**
     * The DuckDB query doing the SDK's work: number the rows in file order, keep per record_id the
     * first row (arg_min by row number) and count the others as duplicates, then sum per pair.
     */
    static String duckSql(Path file) {
        return "WITH src AS (SELECT record_id, substr(insured_admdvs, 1, 2) AS i, substr(treatment_admdvs, 1, 2) AS t, "
                + "fund_paid AS f, deduction AS d, row_number() OVER () AS rn FROM read_csv('"
                + file.toAbsolutePath().toString().replace("'", "''") + "', header = true, delim = ',', quote = '', "
                + "columns = {'record_id': 'VARCHAR', 'insured_admdvs': 'VARCHAR', 'treatment_admdvs': 'VARCHAR', "
                + "'institution_code': 'VARCHAR', 'confirmed_on': 'DATE', 'fund_paid': 'DECIMAL(18,2)', "
                + "'deduction': 'DECIMAL(18,2)'})), "
                + "firsts AS (SELECT arg_min(i, rn) AS i, arg_min(t, rn) AS t, arg_min(f, rn) AS f, arg_min(d, rn) AS d, "
                + "count(*) - 1 AS dups FROM src GROUP BY record_id) "
                + "SELECT i, t, sum(f), sum(d), count(*), sum(dups) FROM firsts GROUP BY i, t ORDER BY i, t";
    }

    /** Runs in the DuckDB child JVM. */
    private static void duckChild(Path file, int runs) throws SQLException, InterruptedException {
        HeapSampler sampler = HeapSampler.start();
        java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        String sql = duckSql(file);
        long bestCpu = Long.MAX_VALUE;
        long best = Long.MAX_VALUE;
        Map<String, long[]> pairs = new TreeMap<>();
        long cleared = 0;
        long dups = 0;
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            s.execute("SET threads = 1");
            s.execute("SET preserve_insertion_order = true");
            for (int k = 0; k <= runs; k++) {
                pairs.clear();
                cleared = 0;
                dups = 0;
                long c0 = threads.getCurrentThreadCpuTime();
                long t0 = System.nanoTime();
                try (ResultSet rs = s.executeQuery(sql)) {
                    while (rs.next()) {
                        long n = rs.getLong(5);
                        pairs.put(rs.getString(1) + "-" + rs.getString(2), new long[] {fen(rs.getBigDecimal(3)),
                            fen(rs.getBigDecimal(4)), n});
                        cleared += n;
                        dups += rs.getLong(6);
                    }
                }
                long ms = (System.nanoTime() - t0) / 1_000_000;
                long cpu = (threads.getCurrentThreadCpuTime() - c0) / 1_000_000;
                System.out.println("run " + k + (k == 0 ? " (warm-up)" : "") + ": " + ms + " ms, cpu " + cpu + " ms");
                if (k > 0) {
                    best = Math.min(best, ms);
                    bestCpu = Math.min(bestCpu, cpu);
                }
            }
        }
        pairs.forEach((k, v) -> System.out.println("pair " + k + " " + v[0] + " " + v[1] + " " + v[2]));
        System.out.println("cleared " + cleared);
        System.out.println("duplicates " + dups);
        System.out.println("heap " + sampler.stop());
        System.out.println("rss " + peakRss());
        System.out.println("cpu " + bestCpu);
        System.out.println("millis " + best);
    }

    /** Samples the used heap (garbage not yet collected included) every 5 ms; the peak is what a heap limit must cover. */
    private static final class HeapSampler implements Runnable {
        private volatile boolean running = true;
        private volatile long peak;
        private Thread thread;

        static HeapSampler start() {
            HeapSampler s = new HeapSampler();
            s.thread = new Thread(s, "heap-sampler");
            s.thread.setDaemon(true);
            s.thread.start();
            return s;
        }

        @Override
        public void run() {
            java.lang.management.MemoryMXBean mem = ManagementFactory.getMemoryMXBean();
            while (running) {
                peak = Math.max(peak, mem.getHeapMemoryUsage().getUsed());
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        long stop() throws InterruptedException {
            running = false;
            thread.join();
            return peak;
        }
    }

    /** Peak resident set size of this process (VmHWM), 0 where /proc is not available. */
    private static long peakRss() {
        try {
            for (String l : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (l.startsWith("VmHWM:")) {
                    return Long.parseLong(l.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            return 0;
        }
        return 0;
    }

    private static long fen(BigDecimal yuan) {
        return yuan.movePointRight(2).longValueExact();
    }

    private static boolean sameTotals(Map<String, long[]> a, Map<String, long[]> b) {
        if (!a.keySet().equals(b.keySet())) {
            return false;
        }
        for (Map.Entry<String, long[]> e : a.entrySet()) {
            if (!Arrays.equals(e.getValue(), b.get(e.getKey()))) {
                return false;
            }
        }
        return true;
    }

    private static String render(Map<String, long[]> m) {
        List<String> s = new ArrayList<>();
        m.forEach((k, v) -> s.add(k + "=" + Arrays.toString(v)));
        return String.join(", ", s);
    }
}
