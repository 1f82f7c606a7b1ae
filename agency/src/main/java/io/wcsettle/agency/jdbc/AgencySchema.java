package io.wcsettle.agency.jdbc;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import javax.sql.DataSource;

import org.h2.jdbcx.JdbcDataSource;

/**
 * The agency database's versioned migrations: the same scripts for H2 and PostgreSQL (portable
 * SQL: no vendor types, large text as {@code TEXT}), their MariaDB/MySQL form under {@code mariadb/}
 * (chosen from {@link DatabaseMetaData#getDatabaseProductName()}: {@code AUTO_INCREMENT},
 * {@code LONGTEXT}, {@code utf8mb4_bin}); other databases (Oracle, DM) are refused with
 * {@code MIGRATION_FAILED} (see {@code docs/databases.md}). Applied versions are recorded in
 * {@code wcs_agency_schema_version} (apart from the HIS outbox's own version table, so both may
 * share one database). Each script runs in one transaction where the database has transactional
 * DDL (PostgreSQL); H2 commits each DDL statement, so every statement of a script is written
 * {@code IF NOT EXISTS} and a script cut short by a crash is simply run again. The version row is
 * written last. Every store migrates on open, so any store may be opened first, also by two
 * processes at once (the loser of the version row re-reads and goes on).
 */
public final class AgencySchema {

    /** Scripts in order; append, never edit a released one. */
    static final List<String> SCRIPTS = List.of("V1__ledger.sql", "V2__institutions.sql", "V3__monthly.sql",
            "V4__clearing.sql", "V5__payments.sql", "V6__quotas.sql");

    private AgencySchema() {
    }

    /**
     * The zero-configuration default: an embedded H2 database in {@code file} (without {@code .mv.db}).
     * {@code FILE_LOCK=FS}: the OS releases the lock when a crashed process dies, so a restart opens at
     * once; {@code WRITE_DELAY=0}: every commit reaches the file before {@code commit()} returns, so a
     * killed process loses nothing it was told was committed.
     */
    public static DataSource h2File(Path file) {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:file:" + file.toAbsolutePath() + ";FILE_LOCK=FS;WRITE_DELAY=0");
        return ds;
    }

    /**
     * Opens a connection of {@code dataSource} with auto-commit off, the schema migrated to the
     * latest version.
     *
     * @throws AgencyStorageException {@code STORAGE_FAILURE}, {@code MIGRATION_FAILED}, {@code SCHEMA_TOO_NEW}
     */
    public static Connection open(DataSource dataSource) {
        Connection c;
        try {
            c = dataSource.getConnection();
        } catch (SQLException e) {
            throw new AgencyStorageException(StorageErrorCode.STORAGE_FAILURE, "cannot connect", e);
        }
        try {
            migrate(c);
            return c;
        } catch (RuntimeException e) {
            closeQuietly(c);
            throw e;
        }
    }

    static void migrate(Connection c) {
        String dialect = dialect(c);
        try {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE IF NOT EXISTS wcs_agency_schema_version (version INTEGER NOT NULL PRIMARY KEY, "
                        + "script VARCHAR(200) NOT NULL)");
            }
            c.commit();
        } catch (SQLException e) {
            rollback(c);
            // another process may have created it at the same moment: go on and read it
        }
        for (int attempt = 0; ; attempt++) {
            try {
                applyMissing(c, dialect);
                return;
            } catch (SQLException e) {
                rollback(c);
                if (attempt >= 2) {
                    throw new AgencyStorageException(StorageErrorCode.MIGRATION_FAILED, "migration failed", e);
                }
                // a concurrent opener applied the same version first: re-read and continue
            }
        }
    }

    /**
     * The script directory of {@code c}'s database: {@code ""} for the standard scripts (H2, PostgreSQL,
     * KingbaseES), {@code "mariadb/"} for MariaDB and MySQL.
     */
    static String dialect(Connection c) {
        String product;
        try {
            product = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
        } catch (SQLException e) {
            throw new AgencyStorageException(StorageErrorCode.STORAGE_FAILURE, "cannot read the database's product name", e);
        }
        if (product.startsWith("h2") || product.contains("postgresql") || product.contains("kingbase")) {
            return "";
        }
        if (product.contains("mariadb") || product.contains("mysql")) {
            return "mariadb/";
        }
        throw new AgencyStorageException(StorageErrorCode.MIGRATION_FAILED, "no agency schema for database '" + product
                + "' (H2, PostgreSQL, KingbaseES, MariaDB and MySQL are supported; see docs/databases.md)", null);
    }

    private static void applyMissing(Connection c, String dialect) throws SQLException {
        Set<Integer> applied = new HashSet<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT version FROM wcs_agency_schema_version")) {
            while (rs.next()) {
                applied.add(rs.getInt(1));
            }
        }
        c.commit();
        for (int v : applied) {
            if (v > SCRIPTS.size()) {
                throw new AgencyStorageException(StorageErrorCode.SCHEMA_TOO_NEW,
                        "database at schema version " + v + ", this release knows " + SCRIPTS.size(), null);
            }
        }
        for (int i = 0; i < SCRIPTS.size(); i++) {
            int version = i + 1;
            if (applied.contains(version)) {
                continue;
            }
            try (Statement s = c.createStatement()) {
                // comments first (they may hold a ';'), then one statement per ';'
                for (String sql : stripComments(read(dialect + SCRIPTS.get(i))).split(";")) {
                    if (!sql.isBlank()) {
                        s.execute(sql);
                    }
                }
            }
            try (PreparedStatement p = c.prepareStatement("INSERT INTO wcs_agency_schema_version VALUES (?, ?)")) {
                p.setInt(1, version);
                p.setString(2, SCRIPTS.get(i));
                p.executeUpdate();
            }
            c.commit();
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
        try (InputStream in = AgencySchema.class.getResourceAsStream(script)) {
            if (in == null) {
                throw new IllegalStateException("missing migration " + script);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("unreadable migration " + script, e);
        }
    }

    /** Rolls back, ignoring a failure (the connection may already be broken). */
    public static void rollback(Connection c) {
        try {
            c.rollback();
        } catch (SQLException ignored) {
            // nothing more to undo on a broken connection
        }
    }

    /** Closes, ignoring a failure. */
    public static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException ignored) {
            // already closed or broken
        }
    }

    /**
     * Whether {@code e} is a unique-constraint violation: SQLState 23505 on H2 and PostgreSQL, error
     * 1062 (SQLState 23000) on MariaDB and MySQL.
     */
    public static boolean isUniqueViolation(SQLException e) {
        for (SQLException x = e; x != null; x = x.getNextException()) {
            if ("23505".equals(x.getSQLState()) || "23000".equals(x.getSQLState()) && x.getErrorCode() == 1062) {
                return true;
            }
        }
        return false;
    }
}
