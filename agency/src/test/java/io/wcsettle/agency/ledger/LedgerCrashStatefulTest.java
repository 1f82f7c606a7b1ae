package io.wcsettle.agency.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterTry;
import net.jqwik.api.state.Action;
import net.jqwik.api.state.ActionChain;
import net.jqwik.api.state.Transformer;

import io.wcsettle.testdb.MariaDbServer;
import io.wcsettle.agency.testing.Postgres;
import io.wcsettle.core.ledger.Account;
import io.wcsettle.core.ledger.Ledger;
import io.wcsettle.core.ledger.PendingTransfer;
import io.wcsettle.core.ledger.Posting;
import io.wcsettle.core.ledger.PostingOutcome;
import io.wcsettle.core.money.Fen;

/**
 * R-PRE-8 stateful property with crashes: a child JVM ({@link LedgerChild}) owns the JDBC ledger;
 * random postings, repeats, reservations, postings and voids of reservations go to it, and a
 * crash action makes it write a burst of operations and kills it with SIGKILL
 * ({@code destroyForcibly}) part-way, then starts a new child on the same database. Core's
 * in-memory {@link Ledger} is the model. After every step the durable ledger balances (Σ debits =
 * Σ credits, Σ balances = 0, Σ pending = 0) and equals the model account by account; after a
 * crash every acknowledged operation is present, the present ones are a prefix of the burst
 * (nothing half-written, nothing out of order), and they apply once.
 */
class LedgerCrashStatefulTest {

    private static final String[] ACCOUNTS = {"BANK", "FUNDS_RECEIVED", "CLEARING_COLLECTED",
        "PREPAYMENT_ADVANCED:110000", "PREPAYMENT_ADVANCED:430000", "PREPAYMENT_ADVANCED:150000"};
    private static final int BURST = 150;
    private static final List<Subject> LIVE = new ArrayList<>();
    private static final List<String> STATS = new ArrayList<>();

    /** The child process beside its model. */
    static final class Subject {
        final String target;
        final Ledger model = new Ledger();
        final List<Posting> posted = new ArrayList<>();
        final List<PendingTransfer> open = new ArrayList<>();
        final Path logs;
        Process child;
        BufferedWriter in;
        BufferedReader out;
        int nextKey;
        int crashes;

        Subject(String target, Path logs) {
            this.target = target;
            this.logs = logs;
            start();
            LIVE.add(this);
        }

        void start() {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            ProcessBuilder pb = new ProcessBuilder(java, "-XX:TieredStopAtLevel=1", "-Xshare:auto",
                    "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "-cp", System.getProperty("java.class.path"),
                    LedgerChild.class.getName(), target);
            pb.redirectError(logs.resolve("child-" + System.nanoTime() + ".err").toFile());
            try {
                child = pb.start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            in = new BufferedWriter(new OutputStreamWriter(child.getOutputStream(), StandardCharsets.UTF_8));
            out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
            assertEquals("READY", readLine(), "child started");
        }

        String send(String command) {
            try {
                in.write(command);
                in.newLine();
                in.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return readLine();
        }

        String readLine() {
            try {
                return out.readLine();
            } catch (IOException e) {
                return null; // the child was killed
            }
        }

        String key(String kind) {
            return kind + "-" + nextKey++;
        }

        void kill() {
            if (child != null && child.isAlive()) {
                try {
                    child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        /** The durable ledger, read through the child, equals the model and balances. */
        void checkBalanced() {
            String[] w = send("check").split(" ");
            assertEquals("CHECK", w[0]);
            assertEquals(w[1], w[2], "Σ debits = Σ credits");
            assertEquals("0", w[3], "Σ balances = 0");
            assertEquals("0", w[4], "Σ pending = 0");
            assertEquals(model.journal().size(), Integer.parseInt(w[5]), "journal size");
            for (int i = 0; i < ACCOUNTS.length; i++) {
                Account a = JdbcLedger.account(ACCOUNTS[i]);
                assertEquals(ACCOUNTS[i] + "=" + model.balance(a).value() + "/" + model.pendingBalance(a).value(),
                        w[6 + i], "balance/pending of " + ACCOUNTS[i]);
            }
            assertEquals(model.totalDebits().value(), Long.parseLong(w[1]));
        }
    }

    @AfterTry
    void killChildren() {
        LIVE.forEach(Subject::kill);
        LIVE.clear();
    }

    static Arbitrary<String> account() {
        return Arbitraries.of(ACCOUNTS);
    }

    static Arbitrary<LocalDate> date() {
        return Arbitraries.integers().between(0, 400).map(d -> LocalDate.of(2025, 1, 1).plusDays(d));
    }

    static Arbitrary<Long> fen() {
        return Arbitraries.longs().between(1, 5_000_000_000L);
    }

    /** A new posting between two different accounts. */
    static final class Post implements Action.Independent<Subject> {
        @Override
        public Arbitrary<Transformer<Subject>> transformer() {
            return Combinators.combine(account(), account(), date(), fen()).filter((d, c, on, f) -> !d.equals(c))
                    .as((d, c, on, f) -> Transformer.mutate("post " + d + " " + c + " " + f, s -> {
                        Posting p = Posting.transfer(s.key("post"), on, "", JdbcLedger.account(d), JdbcLedger.account(c),
                                Fen.of(f));
                        assertEquals("OK APPLIED", s.send("post " + p.idempotencyKey() + " " + on + " " + d + " " + c
                                + " " + f));
                        s.model.post(p);
                        s.posted.add(p);
                    }));
        }
    }

    /** A posting sent again, as after a timeout: nothing changes. */
    static final class Repeat implements Action.Dependent<Subject> {
        @Override
        public boolean precondition(Subject s) {
            return !s.posted.isEmpty();
        }

        @Override
        public Arbitrary<Transformer<Subject>> transformer(Subject state) {
            return Arbitraries.of(state.posted).map(p -> Transformer.mutate("repeat " + p.idempotencyKey(), s -> {
                assertEquals("OK ALREADY_APPLIED", s.send("post " + p.idempotencyKey() + " " + p.bookedOn() + " "
                        + JdbcLedger.name(p.entries().get(0).account()) + " "
                        + JdbcLedger.name(p.entries().get(1).account()) + " " + p.debits().value()));
                assertEquals(PostingOutcome.ALREADY_APPLIED, s.model.post(p));
            }));
        }
    }

    /** A payment initiated: a reservation. */
    static final class Reserve implements Action.Independent<Subject> {
        @Override
        public Arbitrary<Transformer<Subject>> transformer() {
            return Combinators.combine(account(), account(), date(), fen()).filter((d, c, on, f) -> !d.equals(c))
                    .as((d, c, on, f) -> Transformer.mutate("reserve " + d + " " + c + " " + f, s -> {
                        PendingTransfer t = new PendingTransfer(s.key("pay"), on, "", JdbcLedger.account(d),
                                JdbcLedger.account(c), Fen.of(f));
                        assertEquals("OK APPLIED", s.send("reserve " + t.idempotencyKey() + " " + on + " " + d + " "
                                + c + " " + f));
                        s.model.reserve(t);
                        s.open.add(t);
                    }));
        }
    }

    /** A payment confirmed (in full or in part) or given up. */
    static final class Resolve implements Action.Dependent<Subject> {
        @Override
        public boolean precondition(Subject s) {
            return !s.open.isEmpty();
        }

        @Override
        public Arbitrary<Transformer<Subject>> transformer(Subject state) {
            return Combinators.combine(Arbitraries.of(state.open), Arbitraries.integers().between(0, 100))
                    .as((t, percent) -> Transformer.mutate((percent == 0 ? "void " : "post " + percent + "% of ")
                            + t.idempotencyKey(), s -> {
                        String key = s.key("resolve");
                        if (percent == 0) {
                            assertEquals("OK APPLIED", s.send("void " + key + " " + t.idempotencyKey() + " "
                                    + t.bookedOn()));
                            s.model.voidPending(key, t.idempotencyKey(), t.bookedOn());
                        } else {
                            long amount = Math.max(1, t.amount().value() / 100 * percent);
                            assertEquals("OK APPLIED", s.send("postp " + key + " " + t.idempotencyKey() + " "
                                    + t.bookedOn() + " " + amount));
                            s.model.postPending(key, t.idempotencyKey(), t.bookedOn(), Fen.of(amount));
                        }
                        assertEquals("ERR PENDING_ALREADY_RESOLVED", s.send("void " + s.key("late") + " "
                                + t.idempotencyKey() + " " + t.bookedOn()), "a reservation resolves once");
                        s.open.remove(t);
                    }));
        }
    }

    /** kill -9 in the middle of a burst of writes, then a new process on the same database. */
    static final class Crash implements Action.Independent<Subject> {
        @Override
        public Arbitrary<Transformer<Subject>> transformer() {
            return Arbitraries.integers().between(5, 250).map(millis -> Transformer.mutate("kill -9 after " + millis
                    + " ms", s -> {
                String prefix = "burst" + s.crashes++;
                // Process.destroy closes our end of the pipes, so acknowledgements are read as they come
                java.util.concurrent.atomic.AtomicInteger acks = new java.util.concurrent.atomic.AtomicInteger();
                Thread reader = new Thread(() -> {
                    for (String line = s.readLine(); line != null && line.startsWith("ACK "); line = s.readLine()) {
                        acks.set(Integer.parseInt(line.substring(4)) + 1);
                    }
                });
                try {
                    s.in.write("burst " + prefix + " " + BURST);
                    s.in.newLine();
                    s.in.flush();
                    reader.start();
                    Thread.sleep(millis);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                int acked = acks.get();
                s.kill();
                try {
                    reader.join(10_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                s.start();
                String ops = s.send("ops " + prefix + " " + BURST).substring(4);
                int present = ops.indexOf('-') < 0 ? BURST : ops.indexOf('-');
                assertEquals("P".repeat(present) + "-".repeat(BURST - present), ops,
                        "the operations present are a prefix of the burst");
                assertTrue(present >= acked, "every acknowledged operation survived: " + present + " < " + acked);
                for (int i = 0; i < present; i++) {
                    LedgerChild.burstOp(s.model, prefix, i);
                }
                if (present % 4 == 2) { // the last operation present is a reservation not yet posted
                    s.open.addAll(s.model.openPending().stream()
                            .filter(t -> t.idempotencyKey().equals(LedgerChild.burstKey(prefix, present - 1))).toList());
                }
                // the new process sends the surviving part of the burst again (as a restarted caller
                // would): every operation is ALREADY_APPLIED and nothing changes (checked by the invariant)
                assertEquals("DONE", s.send("burst " + prefix + " " + present).equals("DONE") ? "DONE"
                        : drainUntilDone(s));
                STATS.add(acked + "/" + present);
            }));
        }
    }

    @Provide
    Arbitrary<ActionChain<Subject>> onH2() throws IOException {
        Path dir = dirFor("h2");
        return chain(() -> new Subject(dir.resolve("agency-" + System.nanoTime()).toString(), dir));
    }

    @Provide
    Arbitrary<ActionChain<Subject>> onPostgres() throws IOException {
        Path dir = dirFor("pg");
        return chain(() -> {
            Postgres.dropAgencyTables();
            return new Subject(Postgres.jdbcUrl(), dir);
        });
    }

    @Provide
    Arbitrary<ActionChain<Subject>> onMariaDb() throws IOException {
        Path dir = dirFor("mariadb");
        return chain(() -> new Subject(MariaDbServer.server().freshDatabaseUrl(), dir));
    }

    private static Path dirFor(String kind) throws IOException {
        Files.createDirectories(Path.of("target", "ledger-crash"));
        return Files.createTempDirectory(Path.of("target", "ledger-crash"), kind);
    }

    private static Arbitrary<ActionChain<Subject>> chain(java.util.function.Supplier<Subject> start) {
        return ActionChain.startWith(start)
                .withAction(4, new Post())
                .withAction(2, new Repeat())
                .withAction(3, new Reserve())
                .withAction(3, new Resolve())
                .withAction(2, new Crash())
                .withMaxTransformations(18);
    }

    @Property(tries = 8, shrinking = net.jqwik.api.ShrinkingMode.OFF)
    @Label("R-PRE-8: on H2, the durable ledger balances after every step, kill -9 and reopen included")
    void h2LedgerBalancesThroughCrashes(@ForAll("onH2") ActionChain<Subject> chain) {
        chain.withInvariant("balanced and equal to the model", Subject::checkBalanced).run();
    }

    @Property(tries = 4, shrinking = net.jqwik.api.ShrinkingMode.OFF)
    @Label("R-PRE-8: on PostgreSQL, the durable ledger balances after every step, kill -9 and reopen included")
    void postgresLedgerBalancesThroughCrashes(@ForAll("onPostgres") ActionChain<Subject> chain) {
        chain.withInvariant("balanced and equal to the model", Subject::checkBalanced).run();
    }

    @Property(tries = 4, shrinking = net.jqwik.api.ShrinkingMode.OFF)
    @Label("R-PRE-8: on MariaDB, the durable ledger balances after every step, kill -9 and reopen included")
    void mariadbLedgerBalancesThroughCrashes(@ForAll("onMariaDb") ActionChain<Subject> chain) {
        chain.withInvariant("balanced and equal to the model", Subject::checkBalanced).run();
    }

    private static String drainUntilDone(Subject s) {
        for (String line = s.readLine(); line != null; line = s.readLine()) {
            if (line.equals("DONE")) {
                return line;
            }
            assertTrue(line.startsWith("ACK "), line);
        }
        return "child died";
    }

    @net.jqwik.api.lifecycle.AfterContainer
    static void report() {
        System.out.println("ledger crashes (acknowledged/present of " + BURST + " burst operations): " + STATS);
    }
}
