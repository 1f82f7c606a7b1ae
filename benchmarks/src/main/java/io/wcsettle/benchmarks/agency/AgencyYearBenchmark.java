package io.wcsettle.benchmarks.agency;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import javax.sql.DataSource;

import io.wcsettle.agency.clearing.JdbcClearingDesk;
import io.wcsettle.agency.jdbc.AgencySchema;
import io.wcsettle.agency.monthly.JdbcMonthlySettlement;
import io.wcsettle.agency.monthly.StatementView;
import io.wcsettle.agency.prepayment.JdbcQuotas;
import io.wcsettle.agency.report.HtmlReport;
import io.wcsettle.agency.report.ReportCollector;
import io.wcsettle.agency.report.ReportFiles;
import io.wcsettle.benchmarks.Args;
import io.wcsettle.core.calendar.WorkingDayCalendar;
import io.wcsettle.core.clearing.ClearingRecord;
import io.wcsettle.core.clearing.ClearingTables;
import io.wcsettle.core.clearing.Quarter;
import io.wcsettle.core.institution.SettlementKind;
import io.wcsettle.core.money.Fen;
import io.wcsettle.core.monthly.DirectSettlement;
import io.wcsettle.core.monthly.MonthlyRun;
import io.wcsettle.core.monthly.MonthlySettlement;
import io.wcsettle.core.monthly.MonthlyStatement;
import io.wcsettle.core.policy.RegionalPolicies;
import io.wcsettle.core.report.OperationReport;
import io.wcsettle.core.report.ReportPeriod;
import io.wcsettle.core.upload.UploadDeadlines;

/**
 * A year of national volume on one machine (issue 15): N direct settlements (default 1,000,000;
 * 30-character ids, shuffled, 1 % sent twice, 2 % cancelled) across 31 provinces, about 9,300
 * institutions and 12 months. Measures, each phase on its own, wall time and peak heap:
 * <ol>
 * <li>core monthly settlement (R-UPL-5) of the 12 months: statements per institution;</li>
 * <li>core clearing tables (R-CLR-5) of the 4 quarters from the confirmed statements;</li>
 * <li>the operation report (R-REP-1): core figures, HTML with SVG, JSON and CSV;</li>
 * <li>with {@code --durable}: the same year through the agency's H2 database: intake, statements
 *     issued and confirmed (records registered for clearing), tables generated, the report collected
 *     from the database.</li>
 * </ol>
 * Run: {@code java -cp benchmarks/target/benchmarks.jar io.wcsettle.benchmarks.agency.AgencyYearBenchmark [N] [--durable]}.
 * A main, not JMH: each phase runs once on a cold-to-warm JVM, as an agency would run its month end.
 */
public final class AgencyYearBenchmark {

    private static final String[] PROVINCES = {"11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34",
        "35", "36", "37", "41", "42", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65", "43"};

    private AgencyYearBenchmark() {
    }

    /** Entry point: {@code [SETTLEMENTS] [--durable]}. */
    public static void main(String[] args) throws Exception {
        Args.main("AgencyYearBenchmark [SETTLEMENTS] [--durable]", args, AgencyYearBenchmark::run);
    }

    private static void run(String[] args) throws Exception {
        int n = 1_000_000;
        boolean durable = false;
        for (String a : args) {
            if (a.equals("--durable")) {
                durable = true;
            } else {
                n = (int) Args.number("SETTLEMENTS", a, 1, Integer.MAX_VALUE);
            }
        }
        Runtime rt = Runtime.getRuntime();
        System.out.printf("agency year benchmark: %,d settlements, %d cores, max heap %d MiB, %s %s%n", n,
                rt.availableProcessors(), rt.maxMemory() >> 20, System.getProperty("java.vm.name"),
                System.getProperty("java.version"));

        long t0 = System.nanoTime();
        List<DirectSettlement> year = generate(n, 20_251_201L);
        Set<String> cancelled = new HashSet<>();
        for (int i = 0; i < year.size(); i += 50) {
            cancelled.add(year.get(i).settlementId());
        }
        List<DirectSettlement> input = new ArrayList<>(year);
        input.addAll(year.subList(0, n / 100)); // real duplicates: resent by the HIS
        Collections.shuffle(input, new Random(7));
        System.out.printf("  data: generated in %.1f s%n", (System.nanoTime() - t0) / 1e9);

        // 1. monthly settlement, core
        resetPeaks();
        long t = System.nanoTime();
        List<MonthlyStatement> statements = new ArrayList<>();
        long onStatements = 0;
        List<List<DirectSettlement>> byMonth = new ArrayList<>();
        for (int m = 0; m < 12; m++) {
            byMonth.add(new ArrayList<>(input.size() / 11));
        }
        for (DirectSettlement s : input) { // as the store selects a month's settlements
            byMonth.get(s.settledOn().getMonthValue() - 1).add(s);
        }
        for (int m = 1; m <= 12; m++) {
            MonthlyRun run = MonthlySettlement.of(YearMonth.of(2025, m), byMonth.get(m - 1), cancelled);
            statements.addAll(run.statements());
            onStatements += run.total().count();
        }
        report("monthly settlement, 12 months (core)", t, String.format("%,d statements, %,d settlements", statements.size(),
                onStatements));

        // 2. clearing tables per quarter, core
        resetPeaks();
        t = System.nanoTime();
        List<List<ClearingRecord>> byQuarter = new ArrayList<>();
        for (int q = 0; q < 5; q++) {
            byQuarter.add(new ArrayList<>());
        }
        for (MonthlyStatement s : statements) {
            LocalDate confirmed = s.month().plusMonths(1).atDay(10);
            Quarter q = Quarter.containing(confirmed);
            byQuarter.get(q.year() == 2025 ? q.quarter() - 1 : 4).addAll(s.clearingRecords(confirmed));
        }
        List<ClearingTables> tables = new ArrayList<>();
        for (List<ClearingRecord> records : byQuarter) {
            tables.add(ClearingTables.of(records));
        }
        report("clearing tables, 4 quarters (core)", t, String.format("%,d pairs in 2025Q4",
                tables.get(3).nationalTable().size()));

        // 3. report, core + renderer
        resetPeaks();
        t = System.nanoTime();
        OperationReport.Builder b = OperationReport.builder(ReportPeriod.year(2025));
        for (int q = 0; q < 4; q++) {
            b.clearing(Quarter.of(2025, q + 1), tables.get(q));
        }
        for (MonthlyStatement s : statements) {
            b.statement(s.month(), s.institutionCode(), s.total());
        }
        OperationReport r = b.build();
        String html = HtmlReport.render(r);
        String json = ReportFiles.json(r);
        List<String> csv = ReportFiles.csv(r);
        report("operation report, year (core + HTML/JSON/CSV)", t, String.format("HTML %,d KiB, JSON %,d KiB, %d CSV",
                html.length() / 1024, json.length() / 1024, csv.size()));

        if (durable) {
            durable(input, cancelled, n);
        }
    }

    private static void durable(List<DirectSettlement> input, Set<String> cancelled, int n) throws Exception {
        Path dir = Files.createTempDirectory("wcsettle-agency-bench");
        DataSource ds = AgencySchema.h2File(dir.resolve("agency"));
        Clock clock = Clock.systemUTC();
        UploadDeadlines deadlines = new UploadDeadlines(RegionalPolicies.BEIJING, WorkingDayCalendar.chinaOfficial());
        try (JdbcMonthlySettlement monthly = JdbcMonthlySettlement.open(ds, clock, deadlines);
             JdbcClearingDesk desk = JdbcClearingDesk.open(ds, clock);
             JdbcQuotas quotas = JdbcQuotas.open(ds, clock)) {
            resetPeaks();
            long t = System.nanoTime();
            for (int from = 0; from < input.size(); from += 50_000) {
                monthly.receive(input.subList(from, Math.min(input.size(), from + 50_000)));
            }
            report("durable intake (H2 file)", t, String.format("%,d rows offered", input.size()));
            resetPeaks();
            t = System.nanoTime();
            int k = 0;
            for (String id : cancelled) {
                if (k++ % 10 == 0) { // a tenth of the cancellations through the store: the rest cost the same each
                    monthly.cancel(id, LocalDate.of(2025, 12, 31), "bench");
                }
            }
            long confirmed = 0;
            for (int m = 1; m <= 12; m++) {
                YearMonth month = YearMonth.of(2025, m);
                for (StatementView v : monthly.issue(month, month.plusMonths(1).atDay(5), "bench")) {
                    confirmed += monthly.confirm(v.statementId(), month.plusMonths(1).atDay(10), "bench").registration()
                            .registered().size();
                }
            }
            report("durable monthly settlement: issue + confirm 12 months", t, String.format("%,d records registered for "
                    + "clearing", confirmed));
            resetPeaks();
            t = System.nanoTime();
            for (int q = 1; q <= 4; q++) {
                Quarter quarter = Quarter.of(2025, q);
                desk.generate(quarter, quarter.schedule().generatedOn(), "bench");
            }
            report("durable clearing: 4 periods generated", t, "");
            resetPeaks();
            t = System.nanoTime();
            OperationReport r = ReportCollector.collect(ReportPeriod.year(2025), monthly, desk, quotas, LocalDate.of(2026, 1, 10));
            ReportFiles.write(r, dir.resolve("report"));
            report("durable report: collected from the database and written", t, String.format("%d pairs, total payable %s",
                    r.pairs().size(), r.totalPayable().toYuanString()));
            System.out.printf("  database %s: %,d MiB%n", dir, Files.size(dir.resolve("agency.mv.db")) >> 20);
        }
    }

    /** {@code n} settlements of 2025 with 30-character ids in shuffled order. */
    static List<DirectSettlement> generate(int n, long seed) {
        Random random = new Random(seed);
        List<DirectSettlement> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String treatment = PROVINCES[random.nextInt(PROVINCES.length)];
            String insured = PROVINCES[random.nextInt(PROVINCES.length)];
            SettlementKind kind = insured.equals(treatment) ? SettlementKind.LOCAL_NETWORKED : SettlementKind.CROSS_PROVINCE;
            long medical = 50_000 + (long) (random.nextDouble() * random.nextDouble() * 8_000_000);
            long fund = medical * (75 + random.nextInt(26)) / 100;
            long deduction = random.nextInt(20) == 0 ? fund * (1 + random.nextInt(10)) / 100 : 0;
            LocalDate on = LocalDate.of(2025, 1, 1).plusDays(random.nextInt(365));
            String id = String.format("%s%s%026d", treatment, on.toString().substring(2, 4), (i * 2_654_435_761L) % 1_000_000_000_000_000_003L);
            out.add(new DirectSettlement(id, String.format("H%s%02d%08d", treatment, random.nextInt(10), random.nextInt(30)),
                    kind, new io.wcsettle.core.region.Admdvs(insured + "0102"), new io.wcsettle.core.region.Admdvs(treatment + "0102"),
                    on, Fen.of(medical), Fen.of(fund), Fen.of(deduction)));
        }
        Collections.shuffle(out, random);
        return out;
    }

    private static long cpuStart;

    private static void resetPeaks() {
        System.gc();
        cpuStart = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) {
                p.resetPeakUsage();
            }
        }
    }

    private static void report(String phase, long startNanos, String detail) {
        double s = (System.nanoTime() - startNanos) / 1e9;
        double cpu = (ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpuStart) / 1e9;
        long peak = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) {
                peak += p.getPeakUsage().getUsed();
            }
        }
        System.gc();
        long retained = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        System.out.printf("  %-56s %7.2f s wall %7.2f s cpu   peak heap %,6d MiB   after GC %,6d MiB   %s%n", phase, s,
                cpu, peak >> 20, retained >> 20, detail);
    }
}
