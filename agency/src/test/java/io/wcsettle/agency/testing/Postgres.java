package io.wcsettle.agency.testing;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import io.wcsettle.testdb.PostgresServer;

/**
 * The agency tests' view of the shared real PostgreSQL ({@link PostgresServer}): its
 * {@code postgres} database, emptied of the agency's tables between tests.
 */
public final class Postgres {

    private Postgres() {
    }

    /** The server's {@code postgres} database, starting the server on first use. */
    public static DataSource dataSource() {
        return PostgresServer.postgresDatabase();
    }

    /** A JDBC URL of the server's {@code postgres} database, for a child process. */
    public static String jdbcUrl() {
        return PostgresServer.postgresJdbcUrl();
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
