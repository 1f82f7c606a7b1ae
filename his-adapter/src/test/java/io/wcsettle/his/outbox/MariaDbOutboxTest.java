package io.wcsettle.his.outbox;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import io.wcsettle.testdb.MariaDbServer;

/**
 * The outbox contract on a real MariaDB server (Debian's {@code mariadb-server}, started by
 * {@link MariaDbServer} as the current user on a free loopback port), a fresh database per test.
 */
class MariaDbOutboxTest extends OutboxContract {

    private DataSource dataSource;

    @BeforeEach
    void freshDatabase() {
        dataSource = MariaDbServer.server().freshDatabase();
    }

    @Override
    Outbox open() {
        return Outbox.open(dataSource, INSTITUTION, clock, DEADLINES);
    }
}
