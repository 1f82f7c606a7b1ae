package io.wcsettle.his.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.wcsettle.core.money.Fen;
import io.wcsettle.his.platform.CanonicalJson;
import io.wcsettle.his.platform.Workstation;

/** The outbox schema's migrations on H2, PostgreSQL and MariaDB: forward from V1, and two first openers at once. */
class OutboxMigrationTest {

    @TempDir
    Path dir;

    private final Clock clock = Clock.systemUTC();

    @ParameterizedTest(name = "{0}")
    @EnumSource(TestDatabase.class)
    @DisplayName("R-UPL-4: an outbox written by schema V1 opens with this release; every entry survives, payloads become large text")
    void v1DatabaseMigratesForward(TestDatabase db) throws SQLException {
        DataSource ds = db.fresh(dir);
        try (Connection c = ds.getConnection()) {
            OutboxSchema.migrate(c, 1);
        }
        // an UNKNOWN entry as the V1 release left it, its input with Chinese text and some size
        String input = "{\"psn_name\":\"张三丰\",\"fee_list\":\"" + "门诊费用明细".repeat(3_000) + "\"}";
        String msgid = "H11010500001202510011230000001";
        try (Connection c = ds.getConnection(); PreparedStatement p = c.prepareStatement("INSERT INTO wcs_outbox (msgid, "
                + "business_key, generation, infno, state, insuplc_admdvs, input_json, settled_on, upload_due, medfee_fen, "
                + "fund_fen, attempts, last_error, response_json, reversal_msgid, reversal_result, created_at, updated_at) "
                + "VALUES (?, 'settle:V1-visit', 1, '2304', 'UNKNOWN', '150102', ?, ?, ?, 1234, 1000, 2, "
                + "'OUTCOME_UNKNOWN', NULL, NULL, NULL, 1, 2)")) {
            p.setString(1, msgid);
            p.setString(2, input);
            p.setObject(3, LocalDate.of(2025, 9, 30), Types.DATE);
            p.setObject(4, LocalDate.of(2025, 10, 14), Types.DATE);
            p.executeUpdate();
        }
        try (Outbox o = Outbox.open(ds, OutboxContract.INSTITUTION, clock, OutboxContract.DEADLINES)) {
            OutboxEntry e = o.find(msgid).orElseThrow();
            assertEquals(input, e.inputJson());
            assertEquals(OutboxState.UNKNOWN, e.state());
            assertEquals(LocalDate.of(2025, 10, 14), e.uploadDue());
            assertEquals(2, e.attempts());
            // the recovery the V1 release left undone completes under the new schema
            o.reversalMsgid(msgid);
            OutboxEntry redo = o.markResolved(msgid, Resolution.REVERSED);
            assertEquals(input, o.find(redo.msgid()).orElseThrow().inputJson());
            // beyond V1's VARCHAR(1000000)
            ObjectNode huge = CanonicalJson.mapper().createObjectNode().put("fee_list", "x".repeat(1_100_000));
            OutboxEntry big = o.enqueue(new NewMessage("settle:big", "2304", "150102", huge, null, Fen.of(1), Fen.of(1)));
            assertEquals(CanonicalJson.mapper().writeValueAsString(huge), o.find(big.msgid()).orElseThrow().inputJson());
        } catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
        assertEquals(List.of(1, 2), versions(ds));
        String type = columnType(ds, "input_json");
        assertEquals(switch (db) {
            case H2 -> "CHARACTER LARGE OBJECT";
            case POSTGRESQL -> "TEXT";
            case MARIADB -> "LONGTEXT";
        }, type);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TestDatabase.class)
    @DisplayName("two workstations opening the same fresh database at once both open it; each schema version is recorded once")
    void concurrentFirstOpen(TestDatabase db) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 6; round++) {
                DataSource ds = db.fresh(dir);
                CyclicBarrier start = new CyclicBarrier(2);
                List<Future<String>> opened = new ArrayList<>();
                for (int w = 0; w < 2; w++) {
                    String key = "settle:race-" + round + "-" + w;
                    opened.add(pool.submit(() -> {
                        start.await();
                        try (Outbox o = Outbox.open(ds, OutboxContract.INSTITUTION, clock, OutboxContract.DEADLINES,
                                Workstation.single(), null)) {
                            return o.enqueue(OutboxContract.settlement(key, null)).msgid();
                        }
                    }));
                }
                for (Future<String> f : opened) {
                    assertEquals(30, f.get().length());
                }
                assertEquals(List.of(1, 2), versions(ds), "round " + round);
                try (Outbox o = Outbox.open(ds, OutboxContract.INSTITUTION, clock, OutboxContract.DEADLINES)) {
                    assertEquals(2, o.all().size());
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    @DisplayName("the dialect comes from the product name: KingbaseES as PostgreSQL-like, DM (达梦) as Oracle-like, MySQL as MariaDB")
    void dialects() {
        assertEquals(SqlDialect.H2, SqlDialect.ofProduct("H2"));
        assertEquals(SqlDialect.POSTGRESQL, SqlDialect.ofProduct("PostgreSQL"));
        assertEquals(SqlDialect.KINGBASE, SqlDialect.ofProduct("KingbaseES"));
        assertEquals(SqlDialect.MARIADB, SqlDialect.ofProduct("MariaDB"));
        assertEquals(SqlDialect.MARIADB, SqlDialect.ofProduct("MySQL"));
        assertEquals(SqlDialect.ORACLE, SqlDialect.ofProduct("Oracle"));
        assertEquals(SqlDialect.ORACLE, SqlDialect.ofProduct("DM DBMS"));
        assertEquals(SqlDialect.STANDARD, SqlDialect.ofProduct("HSQL Database Engine"));
        assertEquals("mariadb/V1__outbox.sql", SqlDialect.MARIADB.resource("V1__outbox.sql", OutboxSchema.class));
        assertEquals("V1__outbox.sql", SqlDialect.POSTGRESQL.resource("V1__outbox.sql", OutboxSchema.class));
        assertEquals("V1__outbox.sql", SqlDialect.H2.resource("V1__outbox.sql", OutboxSchema.class));
        assertEquals("h2/V2__large_text.sql", SqlDialect.H2.resource("V2__large_text.sql", OutboxSchema.class));
        for (SqlDialect d : SqlDialect.values()) {
            for (String script : OutboxSchema.SCRIPTS) {
                assertTrue(OutboxSchema.class.getResource(d.resource(script, OutboxSchema.class)) != null, d + " " + script);
            }
        }
    }

    static List<Integer> versions(DataSource ds) throws SQLException {
        List<Integer> v = new ArrayList<>();
        try (Connection c = ds.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT version FROM wcs_schema_version ORDER BY version")) {
            while (rs.next()) {
                v.add(rs.getInt(1));
            }
        }
        return v;
    }

    static String columnType(DataSource ds, String column) throws SQLException {
        try (Connection c = ds.getConnection()) {
            DatabaseMetaData md = c.getMetaData();
            for (String table : List.of("wcs_outbox", "WCS_OUTBOX")) {
                try (ResultSet rs = md.getColumns(c.getCatalog(), null, table, null)) {
                    while (rs.next()) {
                        if (rs.getString("COLUMN_NAME").equalsIgnoreCase(column)) {
                            return rs.getString("TYPE_NAME").toUpperCase(Locale.ROOT);
                        }
                    }
                }
            }
        }
        throw new IllegalStateException("no column " + column);
    }
}
