package io.wcsettle.agency.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.wcsettle.agency.jdbc.AgencySchema;
import io.wcsettle.testdb.MariaDbServer;
import io.wcsettle.agency.testing.Postgres;
import io.wcsettle.core.error.WcsettleException;
import io.wcsettle.core.ledger.Account;
import io.wcsettle.core.ledger.AccountKind;
import io.wcsettle.core.ledger.PendingTransfer;
import io.wcsettle.core.ledger.Posting;
import io.wcsettle.core.ledger.PostingOutcome;
import io.wcsettle.core.money.Fen;
import io.wcsettle.core.region.Admdvs;

/**
 * R-PRE-8 with concurrent writers: four ledger instances (four connections, as four processes
 * would have) post the same 300 keys in different orders and race to resolve the same
 * reservations with different keys. The database's unique constraints decide: each key is applied
 * once, each reservation is resolved once, and the book balances.
 */
class ConcurrentWritersTest {

    private static final int WRITERS = 4;
    private static final int KEYS = 300;
    private static final int RESERVATIONS = 60;
    private static final Account BANK = Account.of(AccountKind.BANK);

    @TempDir
    Path dir;

    @Test
    @DisplayName("R-PRE-8: concurrent writers on H2 apply every key once and keep the book balanced")
    void h2() throws Exception {
        race(AgencySchema.h2File(dir.resolve("agency")));
    }

    @Test
    @DisplayName("R-PRE-8: concurrent writers on PostgreSQL apply every key once and keep the book balanced")
    void postgres() throws Exception {
        Postgres.dropAgencyTables();
        race(Postgres.dataSource());
    }

    @Test
    @DisplayName("R-PRE-8: concurrent writers on MariaDB apply every key once and keep the book balanced")
    void mariadb() throws Exception {
        race(MariaDbServer.server().freshDatabase());
    }

    private static Posting posting(int i) {
        Account sub = Account.prepaymentAdvanced(new Admdvs(i % 3 == 0 ? "110000" : "430000"));
        return Posting.transfer("key-" + i, LocalDate.of(2025, 1, 1).plusDays(i % 90), "", sub, BANK, Fen.of(100 + i));
    }

    private static void race(DataSource ds) throws Exception {
        List<JdbcLedger> ledgers = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            ledgers.add(JdbcLedger.open(ds, Clock.systemUTC()));
        }
        try {
            for (int r = 0; r < RESERVATIONS; r++) {
                ledgers.get(0).reserve(new PendingTransfer("pay-" + r, LocalDate.of(2025, 3, 1), "",
                        Account.of(AccountKind.CLEARING_COLLECTED), BANK, Fen.of(1000 + r)));
            }
            AtomicInteger applied = new AtomicInteger();
            AtomicInteger repeated = new AtomicInteger();
            AtomicInteger resolved = new AtomicInteger();
            AtomicInteger refused = new AtomicInteger();
            ConcurrentHashMap<String, String> winners = new ConcurrentHashMap<>();
            CyclicBarrier start = new CyclicBarrier(WRITERS);
            ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
            List<Future<?>> futures = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                int writer = w;
                futures.add(pool.submit(() -> {
                    JdbcLedger l = ledgers.get(writer);
                    List<Integer> order = new ArrayList<>();
                    for (int i = 0; i < KEYS; i++) {
                        order.add(i);
                    }
                    Collections.shuffle(order, new Random(writer));
                    start.await();
                    for (int n = 0; n < KEYS; n++) {
                        int i = order.get(n);
                        (l.post(posting(i)) == PostingOutcome.APPLIED ? applied : repeated).incrementAndGet();
                        if (n < RESERVATIONS) {
                            int r = order.get(n) % RESERVATIONS;
                            String key = "resolve-" + r + "-by-" + writer;
                            try {
                                PostingOutcome o = writer % 2 == 0
                                        ? l.postPending(key, "pay-" + r, LocalDate.of(2025, 3, 5), Fen.of(1000 + r))
                                        : l.voidPending(key, "pay-" + r, LocalDate.of(2025, 3, 5));
                                if (o == PostingOutcome.APPLIED) { // a writer may meet its own key again
                                    resolved.incrementAndGet();
                                    winners.merge("pay-" + r, key, (a, b) -> a + "," + b);
                                }
                            } catch (WcsettleException e) {
                                assertEquals("PENDING_ALREADY_RESOLVED", e.code());
                                refused.incrementAndGet();
                            }
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
            pool.shutdown();
            assertEquals(KEYS, applied.get(), "each key applied once");
            assertEquals(KEYS * (WRITERS - 1), repeated.get());
            assertEquals(winners.size(), resolved.get(), "each reservation resolved once: " + winners);
            JdbcLedger l = ledgers.get(0);
            assertEquals(0, l.openPending().size() - (RESERVATIONS - winners.size()));
            assertEquals(l.totalDebits(), l.totalCredits());
            assertEquals(Fen.ZERO, l.balances().values().stream().reduce(Fen.ZERO, Fen::plus));
            long postedResolutions = winners.values().stream().filter(k -> k.endsWith("-by-0") || k.endsWith("-by-2"))
                    .count();
            assertEquals(KEYS + postedResolutions, l.journal().size());
            System.out.printf("concurrent writers: %d keys applied once, %d repeats, %d reservations resolved, "
                    + "%d late resolutions refused%n", applied.get(), repeated.get(), resolved.get(), refused.get());
        } finally {
            ledgers.forEach(JdbcLedger::close);
        }
    }
}
