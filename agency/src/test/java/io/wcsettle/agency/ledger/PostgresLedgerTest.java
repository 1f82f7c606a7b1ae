package io.wcsettle.agency.ledger;

import java.time.Clock;

import org.junit.jupiter.api.BeforeEach;

import io.wcsettle.agency.testing.Postgres;
import io.wcsettle.core.ledger.BookOfRecord;

/** The contract on a real PostgreSQL server; a restart is a new connection and a new instance. */
class PostgresLedgerTest extends BookOfRecordContract {

    @BeforeEach
    void freshSchema() {
        Postgres.dropAgencyTables();
    }

    @Override
    BookOfRecord open() {
        return JdbcLedger.open(Postgres.dataSource(), Clock.systemUTC());
    }

    @Override
    BookOfRecord reopen(BookOfRecord old) {
        ((JdbcLedger) old).close();
        return open();
    }
}
