package io.wcsettle.examples.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.Callable;

import javax.sql.DataSource;

import org.h2.jdbcx.JdbcDataSource;

import io.wcsettle.agency.clearing.JdbcClearingDesk;
import io.wcsettle.agency.jdbc.AgencySchema;
import io.wcsettle.agency.monthly.JdbcMonthlySettlement;
import io.wcsettle.agency.prepayment.JdbcQuotas;
import io.wcsettle.agency.report.ReportCollector;
import io.wcsettle.agency.report.ReportFiles;
import io.wcsettle.core.calendar.WorkingDayCalendar;
import io.wcsettle.core.clearing.Quarter;
import io.wcsettle.core.error.CoreErrorCode;
import io.wcsettle.core.error.InvalidInputException;
import io.wcsettle.core.policy.RegionalPolicies;
import io.wcsettle.core.report.OperationReport;
import io.wcsettle.core.report.ReportPeriod;
import io.wcsettle.core.upload.UploadDeadlines;
import io.wcsettle.examples.agency.AgencyYear;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code report}: the operation analysis (R-REP-1) of a quarter or a year from an agency database,
 * written as a self-contained HTML page with charts, JSON and CSV files.
 */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Write the operation analysis (R-REP-1) of a quarter or a year: report.html (charts, no network "
                + "needed), report.json and one CSV per table.",
            "Source: an agency database (--db H2 file, or --jdbc-url), or --demo for a synthetic year."})
public final class ReportCommand implements Callable<Integer> {

    /** Exactly one period. */
    static final class Period {
        @Option(names = "--quarter", paramLabel = "YYYYQn", description = "a clearing quarter, e.g. 2025Q4")
        String quarter;

        @Option(names = "--year", paramLabel = "YYYY", description = "a year: its four quarters and twelve months")
        Integer year;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    private Period period;

    @Option(names = "--db", paramLabel = "FILE", description = "the agency's H2 database file (without .mv.db)")
    private Path db;

    @Option(names = "--jdbc-url", paramLabel = "URL", description = "a JDBC URL of the agency database (PostgreSQL)")
    private String jdbcUrl;

    @Option(names = "--demo", description = "seed an in-memory database with a synthetic year first (test data)")
    private boolean demo;

    @Option(names = "--demo-per-month", paramLabel = "N", defaultValue = "120", hidden = true)
    private int demoPerMonth;

    @Option(names = "--today", paramLabel = "DATE", description = "the day overdue uploads are counted on (default: today, Asia/Shanghai)")
    private LocalDate today;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "report", description = "output directory (default: ${DEFAULT-VALUE})")
    private Path out;

    private final PrintStream stdout;

    /** A command printing to the process's standard output. */
    public ReportCommand() {
        this(System.out);
    }

    ReportCommand(PrintStream stdout) {
        this.stdout = stdout;
    }

    @Override
    public Integer call() {
        ReportPeriod p = period.quarter != null ? ReportPeriod.quarter(parseQuarter(period.quarter))
                : ReportPeriod.year(period.year);
        DataSource ds = dataSource(p);
        LocalDate day = today != null ? today : LocalDate.now(ZoneId.of("Asia/Shanghai"));
        Clock clock = Clock.systemUTC();
        OperationReport report;
        try (JdbcMonthlySettlement monthly = JdbcMonthlySettlement.open(ds, clock,
                new UploadDeadlines(RegionalPolicies.BEIJING, WorkingDayCalendar.chinaOfficial()));
             JdbcClearingDesk desk = JdbcClearingDesk.open(ds, clock);
             JdbcQuotas quotas = JdbcQuotas.open(ds, clock)) {
            report = ReportCollector.collect(p, monthly, desk, quotas, day);
        }
        List<Path> files = ReportFiles.write(report, out);
        stdout.printf("operation report %s: %d pairs, total payable %s yuan, %d settlements on monthly statements, "
                        + "%d overdue uploads, %d open disputes%n", p.label(), report.pairs().size(),
                report.totalPayable().toYuanString(), report.monthlyTotal().count(), report.overdueUploads(),
                report.disputes().size());
        files.forEach(f -> stdout.println("  wrote " + f));
        return 0;
    }

    private DataSource dataSource(ReportPeriod p) {
        int sources = (db != null ? 1 : 0) + (jdbcUrl != null ? 1 : 0) + (demo ? 1 : 0);
        if (sources != 1) {
            throw new InvalidInputException(CoreErrorCode.INVALID_INPUT, "--db",
                    "give exactly one of --db, --jdbc-url, --demo");
        }
        if (db != null) {
            return AgencySchema.h2File(db);
        }
        if (jdbcUrl != null) {
            org.postgresql.ds.PGSimpleDataSource pg = new org.postgresql.ds.PGSimpleDataSource();
            pg.setURL(jdbcUrl);
            return pg;
        }
        JdbcDataSource mem = new JdbcDataSource();
        mem.setURL("jdbc:h2:mem:wcsettle-demo-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        int year = p.quarters().get(0).year();
        AgencyYear.Summary s = AgencyYear.seed(mem, year, demoPerMonth, 2025L);
        stdout.printf("demo: seeded %d settlements, %d statements, %d disputes, %d payments for %d (synthetic test data)%n",
                s.settlements(), s.statements(), s.disputes(), s.payments(), year);
        return mem;
    }

    static Quarter parseQuarter(String text) {
        if (text == null || !text.matches("\\d{4}Q[1-4]")) {
            throw new InvalidInputException(CoreErrorCode.INVALID_QUARTER, "--quarter", "expected YYYYQn, e.g. 2025Q4");
        }
        return Quarter.of(Integer.parseInt(text.substring(0, 4)), text.charAt(5) - '0');
    }
}
