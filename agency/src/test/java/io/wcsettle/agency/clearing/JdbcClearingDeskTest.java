package io.wcsettle.agency.clearing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.wcsettle.agency.testing.Fixtures;
import io.wcsettle.testdb.MariaDbServer;
import io.wcsettle.agency.testing.Postgres;
import io.wcsettle.core.clearing.ClearingRecord;
import io.wcsettle.core.clearing.ClearingWorkflow;
import io.wcsettle.core.clearing.DatedRecord;
import io.wcsettle.core.clearing.DisputedItem;
import io.wcsettle.core.clearing.PeriodState;
import io.wcsettle.core.clearing.ProvincePair;
import io.wcsettle.core.clearing.Quarter;
import io.wcsettle.core.error.WcsettleException;
import io.wcsettle.core.money.Fen;
import io.wcsettle.core.region.Admdvs;

/** R-CLR-7, -8 in H2, a real PostgreSQL and a real MariaDB server. */
class JdbcClearingDeskTest {

    @TempDir
    static Path dir;

    static final Admdvs BJ = new Admdvs("110000");
    static final Admdvs NM = new Admdvs("150000");
    static final Admdvs HN = new Admdvs("430000");

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

    static DatedRecord record(int n, String insured, LocalDate confirmed, long fund, long deduction) {
        return new DatedRecord(new ClearingRecord(Fixtures.id(n), new Admdvs(insured), Fixtures.CHANGSHA, "H43010200001",
                confirmed, Fen.of(fund), Fen.of(deduction)), confirmed.minusDays(25));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    @DisplayName("R-CLR-8: two files sharing record ids clear each record once; late records go to an open period")
    void onceAcrossFiles(String db) {
        DataSource ds = dataSource(db);
        List<DatedRecord> fileA = new ArrayList<>();
        List<DatedRecord> fileB = new ArrayList<>();
        for (int n = 0; n < 40; n++) {
            DatedRecord r = record(n, n % 2 == 0 ? "110105" : "150102", LocalDate.of(2025, 10, 1 + n % 28), 10_000 + n, n);
            fileA.add(r);
            if (n >= 20) {
                fileB.add(r); // the second file repeats half of the first
            }
        }
        fileB.add(record(99, "110105", LocalDate.of(2025, 11, 5), 777, 0));
        try (JdbcClearingDesk desk = JdbcClearingDesk.open(ds, Fixtures.CLOCK)) {
            assertEquals(40, desk.registerRecords("file:a.csv", fileA).registered().size());
            Registration b = desk.registerRecords("file:b.csv", fileB);
            assertEquals(1, b.registered().size());
            assertEquals(20, b.alreadyCleared().size());
            assertEquals(Quarter.of(2025, 4), b.alreadyCleared().values().iterator().next());
            ClearingWorkflow w = desk.generate(Quarter.of(2025, 4), LocalDate.of(2025, 12, 21), "system");
            assertEquals(41, w.tables().nationalTable().stream().mapToLong(t -> t.records()).sum(), "no pair double-counted");
            Registration late = desk.registerRecords("file:c.csv", List.of(record(100, "110105",
                    LocalDate.of(2025, 12, 19), 5, 0)));
            assertEquals(1, late.movedLater().size(), "Q4 is generated: its tables never change");
            assertEquals(1, desk.records(Quarter.of(2026, 1)).size());
            assertEquals(41, desk.workflow(Quarter.of(2025, 4)).tables().nationalTable().stream()
                    .mapToLong(t -> t.records()).sum());
            Registration old = desk.registerRecords("file:d.csv", List.of(new DatedRecord(new ClearingRecord(
                    Fixtures.id(101), BJ, HN, "H1", LocalDate.of(2026, 4, 2), Fen.of(9), Fen.ZERO), LocalDate.of(2025, 3, 1))));
            assertEquals(1, old.missYearBound().size(), "a 2025 cost in 2026Q2 misses the Q1 bound");
            assertEquals(1, desk.missingYearBound(Quarter.of(2026, 2)).size());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    @DisplayName("R-CLR-7: confirm, dispute, escalate, resolve by an adjustment in a later period; replayed after restart; tables checked")
    void workflowSurvivesRestart(String db) throws Exception {
        DataSource ds = dataSource(db);
        Quarter q4 = Quarter.of(2025, 4);
        try (JdbcClearingDesk desk = JdbcClearingDesk.open(ds, Fixtures.CLOCK)) {
            desk.registerRecords("file:q4.csv", List.of(record(1, "110105", LocalDate.of(2025, 11, 3), 10_000, 100),
                    record(2, "150102", LocalDate.of(2025, 11, 4), 5_000, 0)));
            assertEquals("ILLEGAL_TRANSITION", assertThrows(WcsettleException.class,
                    () -> desk.generate(q4, LocalDate.of(2025, 12, 20), "system")).code());
            desk.generate(q4, LocalDate.of(2025, 12, 21), "system");
            desk.distribute(q4, LocalDate.of(2025, 12, 21), "hn-province");
            desk.confirm(q4, BJ, LocalDate.of(2025, 12, 23), "bj-clerk");
            desk.confirm(q4, BJ, LocalDate.of(2025, 12, 23), "bj-clerk");
            DisputedItem item = new DisputedItem("D-2025Q4-1", HN, new ProvincePair(NM, HN), Fixtures.id(2), "H43010200001",
                    Fen.of(-1_000), "record cancelled after confirmation");
            desk.dispute(q4, item, LocalDate.of(2025, 12, 24), "hn-clerk");
            desk.dispute(q4, item, LocalDate.of(2025, 12, 24), "hn-clerk");
            assertEquals(PeriodState.DISTRIBUTED, desk.workflow(q4).state(), "150000 has not answered");
            assertEquals(List.of(NM), desk.workflow(q4).overdue(LocalDate.of(2025, 12, 26)));
            desk.confirm(q4, NM, LocalDate.of(2025, 12, 26), "nm-clerk");
            assertEquals(PeriodState.DISPUTED, desk.workflow(q4).state());
        }
        try (JdbcClearingDesk desk = JdbcClearingDesk.open(ds, Fixtures.CLOCK)) {
            ClearingWorkflow w = desk.workflow(q4);
            assertEquals(PeriodState.DISPUTED, w.state());
            assertEquals(true, w.events().get(w.events().size() - 1).late(), "the answer after the 25th is marked late");
            assertEquals(1, desk.openDisputes().size());
            desk.escalate(q4, "D-2025Q4-1", LocalDate.of(2025, 12, 28), "hn-province");
            assertEquals(PeriodState.ESCALATED, desk.workflow(q4).state());
            desk.resolve(q4, "D-2025Q4-1", Fen.of(-1_000), LocalDate.of(2026, 1, 20), "ministry", "agreed");
            desk.resolve(q4, "D-2025Q4-1", Fen.of(-1_000), LocalDate.of(2026, 1, 20), "ministry", "agreed");
            assertEquals("IDEMPOTENCY_CONFLICT", assertThrows(WcsettleException.class, () -> desk.resolve(q4, "D-2025Q4-1",
                    Fen.of(-2_000), LocalDate.of(2026, 1, 20), "ministry", "")).code());
            assertEquals(PeriodState.RESOLVED, desk.workflow(q4).state());
            assertEquals(Fen.of(14_900), desk.workflow(q4).tables().totalPayable(), "the disputed table stands");
            ClearingWorkflow q1 = desk.generate(Quarter.of(2026, 1), LocalDate.of(2026, 3, 21), "system");
            assertEquals(Fen.of(-1_000), q1.tables().totalPayable(), "the adjustment is cleared in 2026Q1");
            assertEquals(Fen.of(-1_000), q1.tables().payableTable(NM).get(0).payable());
            assertEquals(0, desk.openDisputes().size());
            assertEquals(List.of(q4, Quarter.of(2026, 1)), desk.periods());
        }
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO wcs_clearing_record VALUES ('forged', 20254, '110105', '430102', 'H', "
                    + "DATE '2025-11-01', 1, 0, DATE '2025-11-01', 'sql', 0)");
        }
        try (JdbcClearingDesk desk = JdbcClearingDesk.open(ds, Fixtures.CLOCK)) {
            assertThrows(IllegalStateException.class, () -> desk.workflow(q4), "a generated table is checked on load");
        }
    }
}
