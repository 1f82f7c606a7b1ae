package io.wcsettle.agency.ledger;

import io.wcsettle.core.ledger.BookOfRecord;
import io.wcsettle.core.ledger.Ledger;

/** The contract on core's in-memory reference ledger (a restart is not simulated: same instance). */
class InMemoryLedgerContractTest extends BookOfRecordContract {

    @Override
    BookOfRecord open() {
        return new Ledger();
    }

    @Override
    BookOfRecord reopen(BookOfRecord old) {
        return old;
    }
}
