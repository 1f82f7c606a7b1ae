package io.wcsettle.agency.testing;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import javax.sql.DataSource;

import org.h2.jdbcx.JdbcDataSource;

import io.wcsettle.core.calendar.WorkingDayCalendar;
import io.wcsettle.core.institution.SettlementKind;
import io.wcsettle.core.money.Fen;
import io.wcsettle.core.monthly.DirectSettlement;
import io.wcsettle.core.policy.RegionalPolicies;
import io.wcsettle.core.region.Admdvs;
import io.wcsettle.core.upload.UploadDeadlines;

/** Shared test data of the agency tests: a Changsha treatment-place agency and its hospitals. */
public final class Fixtures {

    /** Changsha, the treatment place. */
    public static final Admdvs CHANGSHA = new Admdvs("430102");
    /** Insured places: three other provinces and Changsha itself (local networked). */
    public static final String[] INSURED = {"110105", "150102", "440106", "430105"};
    /** Hospitals. */
    public static final String[] INSTITUTIONS = {"H43010200001", "H43010200002", "H43010500007"};
    /** The official calendar (R-CAL-1). */
    public static final WorkingDayCalendar CALENDAR = WorkingDayCalendar.chinaOfficial();
    /** R-UPL-1 deadlines. */
    public static final UploadDeadlines DEADLINES = new UploadDeadlines(RegionalPolicies.BEIJING, CALENDAR);
    /** A fixed clock. */
    public static final Clock CLOCK = Clock.fixed(Instant.parse("2025-12-01T02:00:00Z"), ZoneId.of("Asia/Shanghai"));

    private Fixtures() {
    }

    /** A 30-character settlement id, shuffled by a multiplicative hash of {@code n}. */
    public static String id(long n) {
        return String.format("4301%026d", n * 7_919 % 1_000_000_007L);
    }

    /** A settlement {@code n}: insured place and institution by {@code n}, amounts from it. */
    public static DirectSettlement settlement(long n, LocalDate on) {
        Admdvs insured = new Admdvs(INSURED[(int) (n % INSURED.length)]);
        SettlementKind kind = insured.sameProvince(CHANGSHA) ? SettlementKind.LOCAL_NETWORKED : SettlementKind.CROSS_PROVINCE;
        long medical = 100_000 + n * 37 % 900_000;
        long fund = medical * 9 / 10;
        long deduction = n % 5 == 0 ? fund / 20 : 0;
        return new DirectSettlement(id(n), INSTITUTIONS[(int) (n / 7 % INSTITUTIONS.length)], kind, insured, CHANGSHA, on,
                Fen.of(medical), Fen.of(fund), Fen.of(deduction));
    }

    /** A fresh in-memory H2 database (kept while the JVM lives). */
    public static DataSource h2Memory() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:agency-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        return ds;
    }

    /** A fresh H2 file database under {@code dir}. */
    public static DataSource h2File(Path dir) {
        return io.wcsettle.agency.jdbc.AgencySchema.h2File(dir.resolve("agency-" + System.nanoTime()));
    }
}
