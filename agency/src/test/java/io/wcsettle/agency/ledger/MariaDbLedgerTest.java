package io.wcsettle.agency.ledger;

import java.time.Clock;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;

import io.wcsettle.testdb.MariaDbServer;
import io.wcsettle.core.ledger.BookOfRecord;

/** The contract on a real MariaDB server, a fresh database per test; a restart is a new connection and a new instance. */
class MariaDbLedgerTest extends BookOfRecordContract {

    private DataSource dataSource;

    @BeforeEach
    void freshDatabase() {
        dataSource = MariaDbServer.server().freshDatabase();
    }

    @Override
    BookOfRecord open() {
        return JdbcLedger.open(dataSource, Clock.systemUTC());
    }

    @Override
    BookOfRecord reopen(BookOfRecord old) {
        ((JdbcLedger) old).close();
        return open();
    }
}
