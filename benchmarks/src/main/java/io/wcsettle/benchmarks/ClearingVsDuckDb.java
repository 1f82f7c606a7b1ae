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
 * generator wrote; then it prints a table: median time of each (wall, the reading thread's CPU
 * time and the whole process's CPU time, which includes GC and JIT threads), ratio, the SDK's time
 * relative to its own time on dense sequential ids, the SDK's peak bytes held per record, peak
 * heap and peak RSS of each process.
 *
 * <p>The machine is usually shared, so a ratio of two times taken minutes apart says as much about
 * the load as about the code. The SDK child of every other shape therefore also clears the dense
 * file after each of its runs, in the same JVM under the same load, and the "vs dense" ratio is
 * taken between those two (the dense reads also count in that child's peak heap and RSS, which
 * the other shape dominates anyway).
 *
 * <p>Usage: {@code java -cp benchmarks/target/benchmarks.jar io.wcsettle.benchmarks.ClearingVsDuckDb
 * --rows 5000000 [--shapes dense,alnum30,...] [--dir DIR] [--dup-per-million 1000] [--runs 3]
 * [--warmup 3] [--sdk-jvm -Xmx64m] [--no-duckdb]}. Files are generated into {@code DIR} (default {@code
 * java.io.tmpdir}) with the fixed seed when absent and reused otherwise. Each side is timed as the
 * median of {@code runs} runs, the SDK after {@code warmup} warm-up runs (the fingerprint path's
 * end-of-read code runs once per read, so the JIT is still compiling it during the second and
 * third reads: the whole process's CPU shows it), DuckDB (native code) after one; the SDK's first,
 * cold run is reported too. JVM start-up and DuckDB connection are outside the timings.
 *
 * <p>Measured on 2 cores (a Firecracker VM, otherwise idle, but the host's load moves single runs
 * by ±15 %), 24 GiB, ext4 {@code /tmp}, JDK 17, 5 million rows, 1,000 duplicates per million,
 * medians of 5 runs, three runs of the whole benchmark on 2026-12-02 after the changes below;
 * time relative to dense ids in the same JVM, wall (CPU of the reading thread): dense-shuffled
 * 1.00 to 1.01, sparse 1.33 to 1.38 (1.33 to 1.37), alnum13 1.24 to 1.28 (1.23 to 1.26), alnum30
 * 1.39 to 1.46 (1.36 to 1.43); the SDK 5.4 to 6.1 times faster than DuckDB on the fingerprinted
 * shapes, 7.3 to 7.5 on dense and dense-shuffled; peak heap 19 to 44 MiB, 2.55 bytes per record
 * held, 32.7 MiB spilled. The same benchmark before them: sparse 1.58, alnum13 1.40, alnum30
 * 1.55. With ten times the duplicates ({@code --dup-per-million 10000}, 100,000 candidate rows to
 * re-read) alnum30 takes 1.72 and sparse 1.58 times dense, still 4.7 times faster than DuckDB:
 * the re-reads are about 0.8 µs each (a 2 KiB {@code pread}; larger reads that serve several rows
 * cost as much, the copy is what takes the time here), the sorting of the candidates and their
 * records about 0.3 µs. Interleaved A/B runs of two builds ({@code --no-duckdb} or a loop over
 * the reader alone) are what tells a change of a few per cent from the host's noise.
 *
 * <p>Where the time goes on alnum30 (430 ms; dense 306): the read loop about 370 ms, of which
 * the longer file (parse and copy, 1.42 times the bytes of dense) is most of the difference, and
 * recording the 8-byte fingerprint entries about 40 ms (run buffer 14, distribution into
 * partitions 17, spill writes 10); the end of the read about 40 ms (candidate search 18 ms,
 * re-reading and sorting the 10,000 candidate rows 15 to 25 ms). The two changes that took the
 * 1.55 down: the spill file was opened with {@code TRUNCATE_EXISTING}, and on ext4 a truncated
 * file is written back to disk when closed ({@code auto_da_alloc}), so deleting the 30 MB spill
 * took 15 to 20 ms (1 ms now) and wrote it to the disk; and the candidate search probed an L2
 * table for every entry (44 ms, mostly mispredicted probes), where two bitmaps in L1 now let only
 * one entry in 16 to 32 through to the table (18 ms). Measured and left out, no gain beyond the
 * noise: 256 or 1,024 partitions instead of 512 (timed on the recording and search steps
 * alone); checking whether a long id is all digits during
 * the scan for its comma instead of after it (sparse ids); fingerprinting the id during the
 * parser's scan; unlinking the spill file on a thread of its own. Earlier: distributing runs of
 * several megabytes ran the counting sort out of the cache, and moving each entry straight into a
 * per-partition block from the parser's loop stalled the parse (1.77 against 1.50 CPU ratio on
 * alnum30). Dense-shuffled ids use the bitmap, whose 610 KiB are far beyond the L1 cache:
 * checking them 64 rows at a time ({@code WindowBatch}, loads issued together
 * so that the misses overlap) took them from 1.33 to 1.61 down to about 1.0. Sparse 18-digit ids
 * do not have their value computed unless the window may hold them
 * ({@code DenseIdWindow.excludes}).
 *
 * <p>Tried and reverted: handing the fingerprint entries in fixed batches (4 recycled
 * {@code long[]} of 4,096 pairs through an {@code ArrayBlockingQueue}) to a worker thread that
 * distributes and spills them, so the reading thread only parses and hashes. It moved 70 to 130 ms
 * of CPU off the reading thread but cost 50 to 140 ms more CPU in all (hand-overs, entries crossing
 * cores), and with the second core busy with other builds (load average 4 to 7) the wall time did
 * not drop: medians of 5 interleaved rounds, wall vs dense in the same JVM, old then threaded:
 * sparse 1.56 / 1.65, alnum13 1.25 / 1.42, alnum30 1.46 / 1.50. It can only pay on an idle second
 * core; {@code --no-duckdb} times SDK builds against each other without the DuckDB side.
 * Re-measured on 2026-12-02 with the machine otherwise idle: still no wall gain (alnum30 1.61,
 * sparse 1.71 against 1.50 and 1.57 without the worker, CPU of the reading thread down to 1.36
 * and 1.48): the two vCPUs of this VM do not deliver a second core's work.
 */
public final class ClearingVsDuckDb {

    private ClearingVsDuckDb() {
    }

    private static final String USAGE = "ClearingVsDuckDb [--rows N] [--shapes dense,alnum30,...] [--dir DIR]"
            + " [--dup-per-million N] [--runs N] [--warmup N] [--sdk-jvm \"-Xmx64m ...\"] [--no-duckdb]";

    /** Entry point. */
    public static void main(String[] args) throws Exception {
        Args.main(USAGE, args, ClearingVsDuckDb::run);
    }

    private static void run(String[] args) throws Exception {
        long rows = 5_000_000;
        Path dir = Path.of(System.getProperty("java.io.tmpdir"));
        int runs = 3;
        int warmups = 3;
        int perMillion = 1000;
        String sdkJvm = "-Xmx64m";
        List<IdShape> shapes = new ArrayList<>(Arrays.asList(IdShape.values()));
        String child = null;
        Path file = null;
        Path reference = null;
        boolean duckdb = true;
        for (int k = 0; k < args.length; k++) {
            String option = args[k];
            // Args.value(args, k++): the value after the option, which k++ steps over
            switch (option) {
                case "--rows" -> rows = Args.number(option, Args.value(args, k++), 1, Long.MAX_VALUE);
                case "--dir" -> dir = Path.of(Args.value(args, k++));
                case "--runs" -> runs = (int) Args.number(option, Args.value(args, k++), 1, 1000);
                case "--warmup" -> warmups = (int) Args.number(option, Args.value(args, k++), 0, 1000);
                case "--dup-per-million" ->
                    perMillion = (int) Args.number(option, Args.value(args, k++), 0, 1_000_000);
                case "--sdk-jvm" -> sdkJvm = Args.value(args, k++);
                case "--shapes" -> {
                    shapes.clear();
                    for (String s : Args.value(args, k++).split(",")) {
                        shapes.add(Args.shape(s));
                    }
                }
                case "--child" -> child = Args.value(args, k++);
                case "--file" -> file = Path.of(Args.value(args, k++));
                case "--reference" -> reference = Path.of(Args.value(args, k++));
                case "--no-duckdb" -> duckdb = false;
                default -> throw new Args.UsageException("unknown option " + option);
            }
        }
        if ("sdk".equals(child)) {
            sdkChild(file, reference, warmups, runs);
            return;
        }
        if ("duckdb".equals(child)) {
            duckChild(file, warmups, runs);
            return;
        }
        System.out.printf("machine: %d cores, JDK %s, %s; SDK JVM %s; DuckDB %s threads=1%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                System.getProperty("os.name"), sdkJvm, duckVersion());
        if (!shapes.contains(IdShape.DENSE)) {
            shapes.add(0, IdShape.DENSE);
        }
        Map<IdShape, Side[]> results = new LinkedHashMap<>();
        Path denseFile = null;
        for (IdShape shape : shapes) {
            Path f = dir.resolve("wcsettle-clearing-" + shape.label() + "-" + rows + "-" + perMillion + ".csv");
            long expectedDuplicates = ensureFile(f, rows, shape, perMillion);
            if (shape == IdShape.DENSE) {
                denseFile = f;
            }
            System.out.printf("%n== %s: %s, %d bytes, %d duplicates written%n", shape.label(), f, Files.size(f),
                    expectedDuplicates);
            Side sdk = runChild("sdk", f, shape == IdShape.DENSE ? null : denseFile, warmups, runs, sdkJvm.split(" "));
            if (!duckdb) {
                // SDK only (comparing SDK builds): the duplicates are checked against the generator's
                System.out.printf("wcsettle: median %d ms, %d cleared, %d duplicates%n", sdk.millis, sdk.cleared,
                        sdk.duplicates);
                if (sdk.duplicates != expectedDuplicates) {
                    System.out.println("MISMATCH: " + expectedDuplicates + " duplicates written");
                    System.exit(2);
                }
                results.put(shape, new Side[] {sdk, new Side()});
                continue;
            }
            Side duck = runChild("duckdb", f, null, 1, runs, new String[] {"-Xmx512m"});
            System.out.printf("wcsettle: median %d ms, %d cleared, %d duplicates; duckdb: median %d ms, %d cleared, %d duplicates%n",
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
        System.out.printf("%n%d rows, %d duplicates per million; medians of %d runs after %d warm-up runs (DuckDB: 1);"
                + " cpu = the reading thread's user+sys, proc = the whole process's (GC and JIT threads included);"
                + " first = the SDK's first, cold run (JIT still compiling)%n", rows, perMillion, runs, warmups);
        System.out.println("| ids | file MB | SDK first ms | SDK ms | SDK cpu / proc ms | dense in the same JVM ms (cpu) | SDK vs dense"
                + " wall (cpu) | DuckDB ms (cpu) | DuckDB/SDK wall (cpu) | SDK bytes/record held | SDK spilled MB"
                + " | SDK peak heap MB | SDK peak RSS MB | DuckDB peak RSS MB |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (Map.Entry<IdShape, Side[]> e : results.entrySet()) {
            Side s = e.getValue()[0];
            Side d = e.getValue()[1];
            boolean dense = e.getKey() == IdShape.DENSE;
            long refMillis = dense ? s.millis : s.refMillis;
            long refCpu = dense ? s.cpuMillis : s.refCpuMillis;
            System.out.printf("| %s | %d | %d | %d | %d / %d | %d (%d) | %.2f (%.2f) | %d (%d) | %.2f (%.2f) | %.2f | %.1f | %.1f"
                    + " | %.1f | %.1f |%n",
                    e.getKey().label(), s.fileBytes >> 20, s.coldMillis, s.millis, s.cpuMillis, s.procMillis, refMillis, refCpu,
                    (double) s.millis / Math.max(1, refMillis), (double) s.cpuMillis / Math.max(1, refCpu), d.millis,
                    d.cpuMillis, (double) d.millis / Math.max(1, s.millis), (double) d.cpuMillis / Math.max(1, s.cpuMillis),
                    (double) s.peakIdBytes / Math.max(1, rows), s.spilledBytes / 1048576.0, s.peakHeap / 1048576.0,
                    s.rss / 1048576.0, d.rss / 1048576.0);
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
        long procMillis = -1;
        long coldMillis = -1;
        long refMillis = -1;
        long refCpuMillis = -1;
        long cleared;
        long duplicates;
        long peakIdBytes;
        long spilledBytes;
        long peakHeap;
        long rss;
        long fileBytes;
        final Map<String, long[]> pairs = new TreeMap<>();
    }

    private static Side runChild(String kind, Path file, Path reference, int warmups, int runs, String[] jvm)
            throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>();
        cmd.add(java);
        cmd.addAll(Arrays.asList(jvm));
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), ClearingVsDuckDb.class.getName(),
                "--child", kind, "--file", file.toString(), "--runs", Integer.toString(runs),
                "--warmup", Integer.toString(warmups)));
        if (reference != null) {
            cmd.addAll(List.of("--reference", reference.toString()));
        }
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
                    case "proc" -> side.procMillis = Long.parseLong(f[1]);
                    case "cold" -> side.coldMillis = Long.parseLong(f[1]);
                    case "refmillis" -> side.refMillis = Long.parseLong(f[1]);
                    case "refcpu" -> side.refCpuMillis = Long.parseLong(f[1]);
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

    /**
     * Runs in the SDK child JVM: clears the file {@code runs} times after {@code warmups}. With a
     * {@code reference} file (the dense one), each run also clears that file right after, in the
     * same JVM under the same load, so that the ratio of the two does not depend on what else the
     * machine was doing while one of them ran.
     */
    private static void sdkChild(Path file, Path reference, int warmups, int runs) throws InterruptedException {
        HeapSampler sampler = HeapSampler.start();
        ClearingCsvReader reader = ClearingCsvReader.builder().onMalformed(OnMalformed.SKIP_AND_REPORT).build();
        Timer timer = new Timer(runs);
        Timer refTimer = new Timer(runs);
        CsvClearingResult result = null;
        long peakIdBytes = 0;
        for (int k = 0; k < warmups + runs; k++) {
            timer.start();
            result = reader.read(file);
            long ms = timer.stop(k >= warmups);
            if (k == 0) {
                System.out.println("cold " + ms);
            }
            DuplicateCheckStats st = result.duplicateCheck();
            System.out.printf("run %d%s: %d ms (exact %d, fingerprinted %d, re-read %d, peak %d KiB, spilled %d KiB)%n",
                    k, k < warmups ? " (warm-up)" : "", ms, st.exactIds(), st.fingerprintedIds(), st.rowsReread(),
                    st.peakMemoryBytes() >> 10, st.spilledBytes() >> 10);
            peakIdBytes = Math.max(peakIdBytes, st.peakMemoryBytes());
            if (reference != null) {
                refTimer.start();
                reader.read(reference);
                System.out.printf("run %d: dense reference %d ms%n", k, refTimer.stop(k >= warmups));
            }
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
        timer.print("");
        if (reference != null) {
            System.out.println("refmillis " + refTimer.median(refTimer.wall));
            System.out.println("refcpu " + refTimer.median(refTimer.cpu));
        }
    }

    /** Wall, thread CPU (user+sys) and process CPU of measured runs; reports medians. */
    private static final class Timer {
        private final java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        private final com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        final long[] wall;
        final long[] cpu;
        final long[] proc;
        private int n;
        private long t0;
        private long c0;
        private long p0;

        Timer(int runs) {
            wall = new long[runs];
            cpu = new long[runs];
            proc = new long[runs];
        }

        void start() {
            p0 = os.getProcessCpuTime();
            c0 = threads.getCurrentThreadCpuTime();
            t0 = System.nanoTime();
        }

        /** Ends a run; records it when {@code keep}; returns its wall milliseconds. */
        long stop(boolean keep) {
            long ms = (System.nanoTime() - t0) / 1_000_000;
            long c = (threads.getCurrentThreadCpuTime() - c0) / 1_000_000;
            long p = (os.getProcessCpuTime() - p0) / 1_000_000;
            if (keep && n < wall.length) {
                wall[n] = ms;
                cpu[n] = c;
                proc[n] = p;
                n++;
            }
            return ms;
        }

        long median(long[] v) {
            long[] s = Arrays.copyOf(v, n);
            Arrays.sort(s);
            return n == 0 ? -1 : n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
        }

        void print(String prefix) {
            System.out.println(prefix + "cpu " + median(cpu));
            System.out.println(prefix + "proc " + median(proc));
            System.out.println(prefix + "millis " + median(wall));
        }
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
    private static void duckChild(Path file, int warmups, int runs) throws SQLException, InterruptedException {
        HeapSampler sampler = HeapSampler.start();
        String sql = duckSql(file);
        Timer timer = new Timer(runs);
        Map<String, long[]> pairs = new TreeMap<>();
        long cleared = 0;
        long dups = 0;
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            s.execute("SET threads = 1");
            s.execute("SET preserve_insertion_order = true");
            for (int k = 0; k < warmups + runs; k++) {
                pairs.clear();
                cleared = 0;
                dups = 0;
                timer.start();
                try (ResultSet rs = s.executeQuery(sql)) {
                    while (rs.next()) {
                        long n = rs.getLong(5);
                        pairs.put(rs.getString(1) + "-" + rs.getString(2), new long[] {fen(rs.getBigDecimal(3)),
                            fen(rs.getBigDecimal(4)), n});
                        cleared += n;
                        dups += rs.getLong(6);
                    }
                }
                long ms = timer.stop(k >= warmups);
                System.out.println("run " + k + (k < warmups ? " (warm-up)" : "") + ": " + ms + " ms");
            }
        }
        pairs.forEach((k, v) -> System.out.println("pair " + k + " " + v[0] + " " + v[1] + " " + v[2]));
        System.out.println("cleared " + cleared);
        System.out.println("duplicates " + dups);
        System.out.println("heap " + sampler.stop());
        System.out.println("rss " + peakRss());
        timer.print("");
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
