package io.wcsettle.agency.monthly;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.wcsettle.agency.clearing.RecordRegistry;
import io.wcsettle.agency.testing.Fixtures;
import io.wcsettle.testdb.MariaDbServer;
import io.wcsettle.agency.testing.Postgres;
import io.wcsettle.core.clearing.DatedRecord;
import io.wcsettle.core.clearing.Quarter;
import io.wcsettle.core.error.WcsettleException;
import io.wcsettle.core.money.Fen;
import io.wcsettle.core.monthly.DirectSettlement;
import io.wcsettle.core.monthly.StatementState;
import io.wcsettle.core.monthly.StatementTotals;

/** R-UPL-5 end to end in H2, a real PostgreSQL and a real MariaDB server. */
class JdbcMonthlySettlementTest {

    @TempDir
    static Path dir;

    static Stream<String> databases() {
        return Stream.of("h2", "postgres", "mariadb");
    }

    static DataSource dataSource(String db) {
        if (db.equals("h2")) {
            return Fixtures.h2File(dir);
        }
        if (db.equals("mariadb")) {
            return MariaDbServer.server().freshDatabase();
        }
        Postgres.dropAgencyTables();
        return Postgres.dataSource();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    @DisplayName("R-UPL-5: statements per institution, dispute → corrected version, confirmation clears once, survives restart")
    void monthEndToEnd(String db) throws Exception {
        DataSource ds = dataSource(db);
        YearMonth nov = YearMonth.of(2025, 11);
        List<DirectSettlement> month = new ArrayList<>();
        for (int n = 0; n < 60; n++) {
            month.add(Fixtures.settlement(n, LocalDate.of(2025, 11, 1 + n % 28)));
        }
        try (JdbcMonthlySettlement m = JdbcMonthlySettlement.open(ds, Fixtures.CLOCK, Fixtures.DEADLINES)) {
            assertEquals(new Intake(60, 0, List.of()), m.receive(month));
            assertEquals(new Intake(0, 60, List.of()), m.receive(month), "a repeated batch is a no-op");
            assertEquals(new Intake(0, 0, List.of(month.get(3).settlementId())),
                    m.receive(List.of(month.get(3).withDeduction(Fen.of(1)))), "a conflict is refused alone");
            assertEquals(CancelOutcome.CANCELLED, m.cancel(month.get(0).settlementId(), LocalDate.of(2025, 11, 30), "clerk"));
            assertEquals(CancelOutcome.ALREADY_CANCELLED, m.cancel(month.get(0).settlementId(), LocalDate.of(2025, 11, 30), "clerk"));

            List<StatementView> issued = m.issue(nov, LocalDate.of(2025, 12, 5), "clerk");
            assertEquals(3, issued.size(), "one statement per institution");
            StatementTotals sum = issued.stream().map(StatementView::total).reduce(StatementTotals.ZERO, StatementTotals::plus);
            StatementTotals expected = month.subList(1, 60).stream().reduce(StatementTotals.ZERO, StatementTotals::plus,
                    StatementTotals::plus);
            assertEquals(expected, sum, "the statements sum to the month's settlements, the cancelled one excluded");
            assertEquals(List.of(), m.issue(nov, LocalDate.of(2025, 12, 5), "clerk"), "nothing left to issue");

            StatementView a = issued.get(0);
            StatementView b = issued.get(1);
            Confirmation ca = m.confirm(a.statementId(), LocalDate.of(2025, 12, 10), "hospital-a");
            assertEquals(a.crossProvince().count(), ca.registration().registered().size());
            assertTrue(m.confirm(a.statementId(), LocalDate.of(2025, 12, 10), "hospital-a").repeated());
            assertEquals("ILLEGAL_TRANSITION", assertThrows(WcsettleException.class,
                    () -> m.dispute(a.statementId(), LocalDate.of(2025, 12, 11), "hospital-a", "late")).code());

            String onB = m.contents(b.statementId()).settlements().get(0).settlementId();
            assertEquals("ILLEGAL_TRANSITION", assertThrows(WcsettleException.class,
                    () -> m.reviseDeduction(onB, Fen.ZERO, "auditor")).code(), "an issued statement never changes");
            assertEquals(StatementState.DISPUTED, m.dispute(b.statementId(), LocalDate.of(2025, 12, 11), "hospital-b",
                    "deduction on " + onB).state());
            m.reviseDeduction(onB, Fen.ZERO, "auditor");
            StatementView b2 = m.reissue(b.statementId(), LocalDate.of(2025, 12, 12), "clerk").orElseThrow();
            assertEquals(2, b2.version());
            assertEquals(StatementState.SUPERSEDED, m.statement(b.statementId()).state());
            assertEquals(b.total().count(), b2.total().count());
            m.confirm(b2.statementId(), LocalDate.of(2025, 12, 22), "hospital-b");
            assertEquals(CancelOutcome.LATE, m.cancel(onB, LocalDate.of(2025, 12, 23), "clerk"));
            assertEquals(List.of(onB), m.lateCancellations());
        }
        try (JdbcMonthlySettlement m = JdbcMonthlySettlement.open(ds, Fixtures.CLOCK, Fixtures.DEADLINES);
             io.wcsettle.agency.jdbc.Jdbc jdbc = io.wcsettle.agency.jdbc.Jdbc.open(ds)) {
            List<StatementView> all = m.statements(nov);
            assertEquals(4, all.size());
            StatementView a = all.get(0);
            assertEquals(List.of(StatementState.ISSUED, StatementState.CONFIRMED),
                    a.events().stream().map(StatementEvent::state).toList(), "every change recorded");
            assertEquals("hospital-a", a.events().get(1).actor());
            List<DatedRecord> q4 = jdbc.inTransaction("read", c -> RecordRegistry.inPeriod(c, Quarter.of(2025, 4)));
            List<DatedRecord> q1 = jdbc.inTransaction("read", c -> RecordRegistry.inPeriod(c, Quarter.of(2026, 1)));
            long confirmedCross = all.stream().filter(v -> v.state() == StatementState.CONFIRMED)
                    .mapToLong(v -> v.crossProvince().count()).sum();
            assertEquals(confirmedCross, q4.size() + q1.size(), "every confirmed cross-province record registered once");
            assertEquals(a.crossProvince().count(), q4.size(), "confirmed on Dec 10: Q4; on Dec 22: Q1 next year (R-CLR-2)");
        }
    }
}
