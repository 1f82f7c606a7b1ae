package io.wcsettle.his.outbox;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Versioned migrations. Applied versions are recorded in {@code wcs_schema_version}; each script
 * runs in one transaction (where the database has transactional DDL: PostgreSQL; H2 and MariaDB
 * commit each DDL statement). The script of version n is {@code <dialect>/Vn__name.sql} where the
 * {@link SqlDialect} has its own, else the standard {@code Vn__name.sql} (H2, PostgreSQL).
 *
 * <p>Two processes may open the same fresh database at once: the one that loses a race (its
 * {@code CREATE TABLE} finds the table, its version row finds the row, a lock is held) rolls back
 * and waits until the winner has recorded that version, then goes on with the next one. H2 runs
 * embedded, in one process (its file lock keeps others out), and does not survive two sessions
 * altering one table at once: there the migrations of one JVM take turns instead.
 */
final class OutboxSchema {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxSchema.class);

    /** Scripts in order; append, never edit a released one. */
    static final List<String> SCRIPTS = List.of("V1__outbox.sql", "V2__large_text.sql");

    /** How long a loser of a migration race waits for the winner to record a version. */
    static final long WAIT_FOR_PEER_MILLIS = 30_000;

    private OutboxSchema() {
    }

    static void migrate(Connection c) throws SQLException {
        migrate(c, SCRIPTS.size());
    }

    /** Migrates up to version {@code upTo} (the tests' way to create a database of an older release). */
    static void migrate(Connection c, int upTo) throws SQLException {
        SqlDialect dialect = SqlDialect.of(c.getMetaData());
        if (dialect == SqlDialect.H2) {
            synchronized (H2_TURNS) {
                migrate(c, upTo, dialect);
            }
        } else {
            migrate(c, upTo, dialect);
        }
    }

    /** One H2 migration at a time in this JVM. */
    private static final Object H2_TURNS = new Object();

    private static void migrate(Connection c, int upTo, SqlDialect dialect) throws SQLException {
        c.setAutoCommit(false);
        ensureVersionTable(c);
        for (int i = 0; i < upTo; i++) {
            int version = i + 1;
            if (isApplied(c, version)) {
                continue;
            }
            String resource = dialect.resource(SCRIPTS.get(i), OutboxSchema.class);
            try {
                try (Statement s = c.createStatement()) {
                    // comments first (they may hold a ';'), then one statement per ';'
                    for (String sql : stripComments(read(resource)).split(";")) {
                        if (!sql.isBlank()) {
                            s.execute(sql);
                        }
                    }
                }
                try (PreparedStatement p = c.prepareStatement("INSERT INTO wcs_schema_version (version, script) VALUES (?, ?)")) {
                    p.setInt(1, version);
                    p.setString(2, SCRIPTS.get(i));
                    p.executeUpdate();
                }
                c.commit();
                LOG.debug("outbox schema migrated [version={}, script={}, dialect={}]", version, resource, dialect);
            } catch (SQLException e) {
                rollbackQuietly(c);
                if (!SqlDialect.isConcurrentMigration(e) || !awaitVersion(c, version)) {
                    throw e;
                }
                LOG.debug("outbox schema version {} applied by another opener [sqlstate={}]", version, e.getSQLState());
            }
        }
    }

    /** Creates {@code wcs_schema_version} unless it exists (a concurrent creator wins quietly). */
    private static void ensureVersionTable(Connection c) throws SQLException {
        if (versionTableExists(c)) {
            return;
        }
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE wcs_schema_version (version INTEGER NOT NULL PRIMARY KEY, script VARCHAR(200) NOT NULL)");
            c.commit();
        } catch (SQLException e) {
            rollbackQuietly(c);
            if (!versionTableExists(c)) {
                throw e;
            }
        }
    }

    private static boolean versionTableExists(Connection c) {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM wcs_schema_version")) {
            rs.next();
            c.commit();
            return true;
        } catch (SQLException e) {
            rollbackQuietly(c);
            return false;
        }
    }

    private static boolean isApplied(Connection c, int version) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT COUNT(*) FROM wcs_schema_version WHERE version = ?")) {
            p.setInt(1, version);
            try (ResultSet rs = p.executeQuery()) {
                rs.next();
                boolean applied = rs.getInt(1) > 0;
                c.commit(); // a fresh snapshot on the next read (MariaDB's REPEATABLE READ)
                return applied;
            }
        }
    }

    /** Waits until another opener has recorded {@code version}; false when it never does. */
    private static boolean awaitVersion(Connection c, int version) throws SQLException {
        long deadline = System.nanoTime() + WAIT_FOR_PEER_MILLIS * 1_000_000;
        while (System.nanoTime() < deadline) {
            if (isApplied(c, version)) {
                return true;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }

    private static void rollbackQuietly(Connection c) {
        try {
            c.rollback();
        } catch (SQLException ignored) {
            // the original failure is reported
        }
    }

    private static String stripComments(String sql) {
        StringBuilder b = new StringBuilder();
        for (String line : sql.split("\n")) {
            if (!line.trim().startsWith("--")) {
                b.append(line).append('\n');
            }
        }
        return b.toString();
    }

    private static String read(String script) {
        try (InputStream in = OutboxSchema.class.getResourceAsStream(script)) {
            if (in == null) {
                throw new IllegalStateException("missing migration " + script);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("unreadable migration " + script, e);
        }
    }
}
