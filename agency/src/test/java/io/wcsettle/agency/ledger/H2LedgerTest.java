package io.wcsettle.agency.ledger;

import java.nio.file.Path;
import java.time.Clock;

import org.junit.jupiter.api.io.TempDir;

import io.wcsettle.agency.jdbc.AgencySchema;
import io.wcsettle.core.ledger.BookOfRecord;

/** The contract on the zero-configuration default: an embedded H2 file database, reopened from the file. */
class H2LedgerTest extends BookOfRecordContract {

    @TempDir
    Path dir;

    @Override
    BookOfRecord open() {
        return JdbcLedger.open(AgencySchema.h2File(dir.resolve("agency")), Clock.systemUTC());
    }

    @Override
    BookOfRecord reopen(BookOfRecord old) {
        ((JdbcLedger) old).close();
        return open();
    }
}
