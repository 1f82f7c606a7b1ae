package io.wcsettle.agency.monthly;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.state.Action;
import net.jqwik.api.state.ActionChain;
import net.jqwik.api.state.Transformer;

import io.wcsettle.agency.clearing.RecordRegistry;
import io.wcsettle.agency.jdbc.Jdbc;
import io.wcsettle.agency.testing.Fixtures;
import io.wcsettle.core.clearing.DatedRecord;
import io.wcsettle.core.clearing.Quarter;
import io.wcsettle.core.institution.SettlementKind;
import io.wcsettle.core.money.Fen;
import io.wcsettle.core.monthly.DirectSettlement;
import io.wcsettle.core.monthly.MonthlyStatement;
import io.wcsettle.core.monthly.StatementState;
import io.wcsettle.core.monthly.StatementTotals;

/**
 * R-UPL-5 stateful property: random intake (with repeats), cancellations, issues, confirmations,
 * disputes, deduction revisions and reissues over two months. After every step: each issue's
 * statements summed to exactly the month's eligible settlements; a confirmed statement never
 * changes; the records registered for clearing are exactly the cross-province settlements of the
 * confirmed statements, each once.
 */
class MonthlyStatefulTest {

    static final YearMonth[] MONTHS = {YearMonth.of(2025, 10), YearMonth.of(2025, 11)};

    static final class Agency {
        final javax.sql.DataSource ds = Fixtures.h2Memory();
        final JdbcMonthlySettlement store = JdbcMonthlySettlement.open(ds, Fixtures.CLOCK, Fixtures.DEADLINES);
        final Jdbc jdbc = Jdbc.open(ds);
        final Map<String, DirectSettlement> known = new HashMap<>();
        final Set<String> cancelled = new HashSet<>();
        final Set<String> onLive = new HashSet<>();
        final Map<String, StatementView> confirmed = new HashMap<>();
        final Map<String, MonthlyStatement> confirmedContents = new HashMap<>();
        final List<String> open = new ArrayList<>();
        final List<String> disputed = new ArrayList<>();
        long next;
        int day = 1;

        LocalDate today() {
            return LocalDate.of(2025, 12, Math.min(28, day++));
        }
    }

    static final class Receive implements Action.Independent<Agency> {
        @Override
        public Arbitrary<Transformer<Agency>> transformer() {
            return Arbitraries.integers().between(1, 12).map(n -> Transformer.mutate("receive " + n, a -> {
                List<DirectSettlement> batch = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    long k = a.next++;
                    YearMonth m = MONTHS[(int) (k % 2)];
                    batch.add(Fixtures.settlement(k, m.atDay(1 + (int) (k % 28))));
                }
                if (!a.known.isEmpty()) {
                    batch.add(a.known.values().iterator().next()); // a real duplicate
                }
                Intake in = a.store.receive(batch);
                assertEquals(n, in.accepted());
                batch.forEach(s -> a.known.putIfAbsent(s.settlementId(), s));
            }));
        }
    }

    static final class Cancel implements Action.Dependent<Agency> {
        @Override
        public boolean precondition(Agency a) {
            return !a.known.isEmpty();
        }

        @Override
        public Arbitrary<Transformer<Agency>> transformer(Agency state) {
            return Arbitraries.of(new ArrayList<>(state.known.keySet())).map(id -> Transformer.mutate("cancel " + id, a -> {
                CancelOutcome o = a.store.cancel(id, a.today(), "clerk");
                CancelOutcome expected = a.cancelled.contains(id) ? CancelOutcome.ALREADY_CANCELLED
                        : a.onLive.contains(id) ? CancelOutcome.LATE : CancelOutcome.CANCELLED;
                assertEquals(expected, o);
                a.cancelled.add(id);
            }));
        }
    }

    static final class Issue implements Action.Independent<Agency> {
        @Override
        public Arbitrary<Transformer<Agency>> transformer() {
            return Arbitraries.of(MONTHS).map(m -> Transformer.mutate("issue " + m, a -> {
                StatementTotals expected = StatementTotals.ZERO;
                for (DirectSettlement s : a.known.values()) {
                    if (YearMonth.from(s.settledOn()).equals(m) && !a.cancelled.contains(s.settlementId())
                            && !a.onLive.contains(s.settlementId())) {
                        expected = expected.plus(s);
                    }
                }
                StatementTotals sum = StatementTotals.ZERO;
                for (StatementView v : a.store.issue(m, a.today(), "clerk")) {
                    sum = sum.plus(v.total());
                    a.open.add(v.statementId());
                    a.store.contents(v.statementId()).settlements().forEach(s -> a.onLive.add(s.settlementId()));
                }
                assertEquals(expected, sum, "the statements sum to the month's eligible settlements exactly");
            }));
        }
    }

    static final class Answer implements Action.Dependent<Agency> {
        @Override
        public boolean precondition(Agency a) {
            return !a.open.isEmpty();
        }

        @Override
        public Arbitrary<Transformer<Agency>> transformer(Agency state) {
            return Arbitraries.of(new ArrayList<>(state.open)).flatMap(id -> Arbitraries.of(true, false).map(ok ->
                    Transformer.mutate((ok ? "confirm " : "dispute ") + id, a -> {
                        a.open.remove(id);
                        if (ok) {
                            Confirmation c = a.store.confirm(id, a.today(), "hospital");
                            a.confirmed.put(id, c.statement());
                            a.confirmedContents.put(id, a.store.contents(id));
                        } else {
                            a.store.dispute(id, a.today(), "hospital", "figures differ");
                            a.disputed.add(id);
                        }
                    })));
        }
    }

    static final class Correct implements Action.Dependent<Agency> {
        @Override
        public boolean precondition(Agency a) {
            return !a.disputed.isEmpty();
        }

        @Override
        public Arbitrary<Transformer<Agency>> transformer(Agency state) {
            return Arbitraries.of(new ArrayList<>(state.disputed)).map(id -> Transformer.mutate("revise and reissue " + id, a -> {
                a.disputed.remove(id);
                MonthlyStatement before = a.store.contents(id);
                for (DirectSettlement s : before.settlements()) {
                    a.onLive.remove(s.settlementId());
                }
                DirectSettlement first = before.settlements().get(0);
                Fen revised = first.fundPaid().isZero() ? Fen.ZERO : Fen.of(first.fundPaid().value() / 3);
                a.store.reviseDeduction(first.settlementId(), revised, "auditor");
                a.known.put(first.settlementId(), a.known.get(first.settlementId()).withDeduction(revised));
                a.store.reissue(id, a.today(), "clerk").ifPresent(v -> {
                    a.open.add(v.statementId());
                    a.store.contents(v.statementId()).settlements().forEach(s -> a.onLive.add(s.settlementId()));
                });
            }));
        }
    }

    @Provide
    Arbitrary<ActionChain<Agency>> agency() {
        return ActionChain.startWith(Agency::new)
                .withAction(3, new Receive())
                .withAction(1, new Cancel())
                .withAction(2, new Issue())
                .withAction(3, new Answer())
                .withAction(1, new Correct())
                .withMaxTransformations(25);
    }

    static void invariants(Agency a) {
        Set<String> expectedCleared = new HashSet<>();
        Fen expectedPayable = Fen.ZERO;
        for (Map.Entry<String, StatementView> e : a.confirmed.entrySet()) {
            StatementView now = a.store.statement(e.getKey());
            assertEquals(e.getValue(), now, "a confirmed statement never changes");
            MonthlyStatement contents = a.store.contents(e.getKey());
            assertEquals(a.confirmedContents.get(e.getKey()).settlements(), contents.settlements());
            assertEquals(StatementState.CONFIRMED, now.state());
            for (DirectSettlement s : contents.settlements()) {
                if (s.kind() == SettlementKind.CROSS_PROVINCE) {
                    expectedCleared.add(s.settlementId());
                }
            }
            expectedPayable = expectedPayable.plus(now.crossProvince().payable());
        }
        List<DatedRecord> registered = new ArrayList<>();
        for (Quarter q : List.of(Quarter.of(2025, 4), Quarter.of(2026, 1))) {
            registered.addAll(a.jdbc.inTransaction("read", c -> RecordRegistry.inPeriod(c, q)));
        }
        Set<String> ids = new HashSet<>();
        Fen payable = Fen.ZERO;
        for (DatedRecord r : registered) {
            assertEquals(true, ids.add(r.record().recordId()), "registered once");
            payable = payable.plus(r.record().fundPaid().minus(r.record().deduction()));
        }
        assertEquals(expectedCleared, ids, "cleared = the cross-province settlements of confirmed statements");
        assertEquals(expectedPayable, payable);
    }

    @Property(tries = 40)
    @Label("R-UPL-5: statements sum exactly, confirmed ones never change, confirmed records enter clearing exactly once")
    void monthlyWorkflow(@ForAll("agency") ActionChain<Agency> chain) {
        chain.withInvariant("R-UPL-5 invariants", MonthlyStatefulTest::invariants).run();
    }
}
