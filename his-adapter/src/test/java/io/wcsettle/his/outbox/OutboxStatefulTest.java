package io.wcsettle.his.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import javax.sql.DataSource;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.state.Action;
import net.jqwik.api.state.ActionChain;
import net.jqwik.api.state.Transformer;


/**
 * Stateful property of the outbox: random enqueues, state changes and crashes (the H2 database is
 * shut down without a clean close, the PostgreSQL / MariaDB server kills the process's connections,
 * then the outbox is reopened) never lose, duplicate or corrupt an entry.
 */
class OutboxStatefulTest {

    private static final Set<List<OutboxState>> LEGAL = Set.of(
            List.of(OutboxState.PENDING, OutboxState.SENT), List.of(OutboxState.SENT, OutboxState.SENT),
            List.of(OutboxState.SENT, OutboxState.PENDING), List.of(OutboxState.SENT, OutboxState.UNKNOWN),
            List.of(OutboxState.SENT, OutboxState.DONE), List.of(OutboxState.SENT, OutboxState.FAILED),
            List.of(OutboxState.UNKNOWN, OutboxState.DONE), List.of(OutboxState.UNKNOWN, OutboxState.FAILED),
            List.of(OutboxState.UNKNOWN, OutboxState.REVERSED));

    /** The outbox under test beside its model. */
    static final class Subject {
        final Path dir;
        Outbox outbox;
        final Map<String, OutboxState> states = new LinkedHashMap<>();
        final Map<String, String> latest = new HashMap<>();
        final Map<String, String> keyOf = new HashMap<>();

        /** The server database of this try; null on H2 (the zero-configuration file default). */
        final TestDatabase server;
        final DataSource dataSource;

        Subject(TestDatabase server) {
            try {
                Files.createDirectories(Path.of("target", "jqwik-outbox"));
                dir = Files.createTempDirectory(Path.of("target", "jqwik-outbox"), "try");
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            this.server = server;
            this.dataSource = server == null ? null : server.fresh(dir);
            outbox = open();
        }

        Outbox open() {
            if (server != null) {
                return Outbox.open(dataSource, OutboxContract.INSTITUTION, Clock.systemUTC(), OutboxContract.DEADLINES);
            }
            return Outbox.h2File(dir.resolve("outbox"), OutboxContract.INSTITUTION, Clock.systemUTC(),
                    OutboxContract.DEADLINES);
        }

        void enqueue(String key) {
            OutboxEntry e = outbox.enqueue(OutboxContract.settlement(key, null));
            if (latest.containsKey(key)) {
                assertEquals(latest.get(key), e.msgid(), "same key, same msgid");
            } else {
                assertFalse(states.containsKey(e.msgid()), "fresh msgid");
                assertEquals(OutboxState.PENDING, e.state());
                states.put(e.msgid(), OutboxState.PENDING);
                latest.put(key, e.msgid());
                keyOf.put(e.msgid(), key);
            }
        }

        void change(String msgid, OutboxState to, boolean committed) {
            OutboxState from = states.get(msgid);
            boolean noop = from == to && to.isFinal();
            boolean legal = LEGAL.contains(List.of(from, to));
            if (!legal && !noop) {
                assertEquals("ILLEGAL_STATE_TRANSITION",
                        assertThrows(OutboxException.class, () -> apply(msgid, to, committed)).code());
                return;
            }
            Optional<OutboxEntry> redo = apply(msgid, to, committed);
            if (noop) {
                return;
            }
            states.put(msgid, to);
            if (to == OutboxState.REVERSED) {
                OutboxEntry r = redo.orElseThrow();
                String key = keyOf.get(msgid);
                states.put(r.msgid(), OutboxState.PENDING);
                latest.put(key, r.msgid());
                keyOf.put(r.msgid(), key);
            } else {
                assertTrue(redo.isEmpty());
            }
        }

        private Optional<OutboxEntry> apply(String msgid, OutboxState to, boolean committed) {
            switch (to) {
                case PENDING -> outbox.markPending(msgid, "PLATFORM_UNAVAILABLE");
                case SENT -> outbox.markSent(msgid);
                case UNKNOWN -> outbox.markUnknown(msgid, "OUTCOME_UNKNOWN");
                case DONE -> outbox.markDone(msgid, "{}");
                case FAILED -> outbox.markFailed(msgid, "REFUSED", null);
                case REVERSED -> {
                    if (states.get(msgid) == OutboxState.UNKNOWN) {
                        outbox.reversalMsgid(msgid);
                    }
                    return Optional.of(outbox.markResolved(msgid, committed ? Resolution.REVERSED : Resolution.ABANDONED));
                }
            }
            return Optional.empty();
        }

        /**
         * A crash: the database goes away without a clean close (H2), or the server drops every
         * connection of the process, its open transactions rolled back (PostgreSQL, MariaDB); a new
         * process reopens it.
         */
        void crash() {
            if (server != null) {
                server.crash(dataSource);
                try {
                    outbox.close();
                } catch (RuntimeException e) {
                    // its connections are already broken
                }
                outbox = open();
                return;
            }
            try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("outbox").toAbsolutePath()
                    + ";FILE_LOCK=FS"); Statement s = c.createStatement()) {
                s.execute("SHUTDOWN IMMEDIATELY");
            } catch (SQLException e) {
                // expected: the connection dies with the database
            }
            try {
                outbox.close();
            } catch (RuntimeException e) {
                // its connections are already broken
            }
            outbox = open();
        }

        void checkMatchesModel() {
            Map<String, OutboxState> stored = new LinkedHashMap<>();
            Map<String, List<OutboxEntry>> byKey = new HashMap<>();
            for (OutboxEntry e : outbox.all()) {
                stored.put(e.msgid(), e.state());
                byKey.computeIfAbsent(e.businessKey(), k -> new ArrayList<>()).add(e);
            }
            assertEquals(states, stored, "every committed change survives, nothing else appears");
            byKey.forEach((key, es) -> {
                long live = es.stream().filter(e -> e.state() != OutboxState.REVERSED).count();
                assertTrue(live <= 1, "at most one live message per business key: " + key);
                OutboxEntry newest = es.stream().max(Comparator.comparingInt(OutboxEntry::generation)).orElseThrow();
                assertEquals(latest.get(key), newest.msgid());
            });
        }

        void dispose() {
            try {
                outbox.close();
            } catch (RuntimeException ignored) {
                // best effort
            }
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException ignored) {
                // best effort
            }
        }
    }

    @Property(tries = 40)
    @Label("R-UPL-4: enqueues, transitions and crashes never lose, duplicate or corrupt an outbox entry (H2 file)")
    void outboxSurvivesCrashes(@ForAll("h2") ActionChain<Subject> chain) {
        run(chain);
    }

    @Property(tries = 25)
    @Label("R-UPL-4: enqueues, transitions and crashes never lose, duplicate or corrupt an outbox entry (PostgreSQL)")
    void outboxSurvivesCrashes_postgresql(@ForAll("postgresql") ActionChain<Subject> chain) {
        run(chain);
    }

    @Property(tries = 25)
    @Label("R-UPL-4: enqueues, transitions and crashes never lose, duplicate or corrupt an outbox entry (MariaDB)")
    void outboxSurvivesCrashes_mariadb(@ForAll("mariadb") ActionChain<Subject> chain) {
        run(chain);
    }

    private static void run(ActionChain<Subject> chain) {
        try {
            chain.withInvariant("database matches the model", Subject::checkMatchesModel).run();
        } finally {
            chain.finalState().ifPresent(Subject::dispose);
        }
    }

    @Provide
    Arbitrary<ActionChain<Subject>> h2() {
        return chains(null);
    }

    @Provide
    Arbitrary<ActionChain<Subject>> postgresql() {
        return chains(TestDatabase.POSTGRESQL);
    }

    @Provide
    Arbitrary<ActionChain<Subject>> mariadb() {
        return chains(TestDatabase.MARIADB);
    }

    private static Arbitrary<ActionChain<Subject>> chains(TestDatabase server) {
        Action.Independent<Subject> enqueue = () -> Arbitraries.of("K0", "K1", "K2", "K3")
                .map(k -> Transformer.mutate("enqueue " + k, s -> s.enqueue(k)));
        Action.Dependent<Subject> change = new Action.Dependent<>() {
            @Override
            public boolean precondition(Subject s) {
                return !s.states.isEmpty();
            }

            @Override
            public Arbitrary<Transformer<Subject>> transformer(Subject s) {
                return Combinators.combine(Arbitraries.of(new ArrayList<>(s.states.keySet())),
                                Arbitraries.of(EnumSet.allOf(OutboxState.class)), Arbitraries.of(true, false))
                        .as((m, to, committed) -> Transformer.mutate(m.substring(26) + " -> " + to
                                + (to == OutboxState.REVERSED ? (committed ? " (committed)" : " (never committed)") : ""),
                                st -> st.change(m, to, committed)));
            }
        };
        Action.Independent<Subject> crash = Action.just(Transformer.mutate("crash and reopen", Subject::crash));
        return ActionChain.startWith(() -> new Subject(server))
                .withAction(3, enqueue)
                .withAction(8, change)
                .withAction(1, crash)
                .withMaxTransformations(30);
    }
}
