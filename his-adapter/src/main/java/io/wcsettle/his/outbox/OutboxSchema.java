package io.wcsettle.his.outbox;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Versioned migrations, the same scripts for H2 and PostgreSQL. Applied versions are recorded in
 * {@code wcs_schema_version}; each script runs in one transaction.
 */
final class OutboxSchema {

    /** Scripts in order; append, never edit a released one. */
    static final List<String> SCRIPTS = List.of("V1__outbox.sql");

    private OutboxSchema() {
    }

    static void migrate(Connection c) throws SQLException {
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS wcs_schema_version (version INTEGER NOT NULL PRIMARY KEY, "
                    + "script VARCHAR(200) NOT NULL)");
        }
        c.commit();
        Set<Integer> applied = new HashSet<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT version FROM wcs_schema_version")) {
            while (rs.next()) {
                applied.add(rs.getInt(1));
            }
        }
        c.commit();
        for (int i = 0; i < SCRIPTS.size(); i++) {
            int version = i + 1;
            if (applied.contains(version)) {
                continue;
            }
            try {
                try (Statement s = c.createStatement()) {
                    for (String sql : read(SCRIPTS.get(i)).split(";")) {
                        String stripped = stripComments(sql);
                        if (!stripped.isBlank()) {
                            s.execute(stripped);
                        }
                    }
                }
                try (PreparedStatement p = c.prepareStatement("INSERT INTO wcs_schema_version VALUES (?, ?)")) {
                    p.setInt(1, version);
                    p.setString(2, SCRIPTS.get(i));
                    p.executeUpdate();
                }
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
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
