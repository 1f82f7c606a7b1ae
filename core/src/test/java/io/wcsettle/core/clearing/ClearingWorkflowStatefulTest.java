package io.wcsettle.core.clearing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import io.wcsettle.core.error.WcsettleException;
import io.wcsettle.core.money.Fen;
import io.wcsettle.core.region.Admdvs;
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
 * R-CLR-7, -8 stateful property: quarters of a programme with random records (some ids sent
 * twice), generations, distributions, confirmations, disputes, escalations and resolutions. After
 * every step every period's tables balance (Σ payable tables = Σ receivable tables), a generated
 * table never changes, each record (adjustments included) is cleared in exactly one period, and
 * what the periods clear adds up to what was recorded.
 */
class ClearingWorkflowStatefulTest {

    static final String[] PROVINCES = {"110000", "150000", "430000", "440000"};

    /** The programme: a registry of records by period, the workflows of generated periods. */
    static final class Programme {
        final Map<String, Quarter> registry = new HashMap<>();
        final Map<String, DatedRecord> records = new LinkedHashMap<>();
        final Map<Quarter, ClearingWorkflow> workflows = new LinkedHashMap<>();
        final Map<Quarter, List<PairTotal>> snapshots = new HashMap<>();
        Quarter next = Quarter.of(2025, 1);
        int ids;
        int disputes;

        /** R-CLR-8: registers a record once; into a generated period never (it goes to the next open one). */
        boolean register(DatedRecord r) {
            if (registry.containsKey(r.record().recordId())) {
                return false;
            }
            Quarter q = r.period();
            while (workflows.containsKey(q)) {
                q = q.next();
            }
            registry.put(r.record().recordId(), q);
            records.put(r.record().recordId(), r);
            return true;
        }

        List<ClearingRecord> recordsOf(Quarter q) {
            return records.values().stream().filter(r -> registry.get(r.record().recordId()).equals(q))
                    .map(DatedRecord::record).toList();
        }

        List<ClearingWorkflow> open() {
            return workflows.values().stream().filter(w -> w.state() != PeriodState.CONFIRMED
                    && w.state() != PeriodState.RESOLVED).toList();
        }
    }

    static final class Records implements Action.Independent<Programme> {
        @Override
        public Arbitrary<Transformer<Programme>> transformer() {
            Arbitrary<int[]> one = Combinators.combine(Arbitraries.integers().between(0, 3),
                    Arbitraries.integers().between(0, 3), Arbitraries.integers().between(0, 200),
                    Arbitraries.integers().between(0, 9_000_000), Arbitraries.integers().between(0, 100))
                    .as((i, t, day, fund, pct) -> new int[] {i, t, day, fund, pct}).filter(a -> a[0] != a[1]);
            return one.list().ofMinSize(1).ofMaxSize(8).map(list -> Transformer.mutate(list.size() + " records", p -> {
                for (int[] a : list) {
                    LocalDate confirmed = p.next.periodStart().plusDays(a[2]);
                    String id = a[4] % 10 == 0 && p.ids > 0 ? String.format("%030d", p.ids - 1)
                            : String.format("%030d", p.ids++);
                    ClearingRecord r = new ClearingRecord(id, new Admdvs(PROVINCES[a[0]]), new Admdvs(PROVINCES[a[1]]),
                            "H" + a[1], confirmed, Fen.of(a[3]), Fen.of(a[3] / 100L * (a[4] % 30)));
                    boolean fresh = !p.registry.containsKey(id);
                    assertEquals(fresh, p.register(new DatedRecord(r, confirmed.minusDays(20))), "registered once");
                }
            }));
        }
    }

    static final class Generate implements Action.Independent<Programme> {
        @Override
        public Arbitrary<Transformer<Programme>> transformer() {
            return Arbitraries.just(Transformer.mutate("generate", p -> {
                Quarter q = p.next;
                ClearingWorkflow w = ClearingWorkflow.generate(q, ClearingTables.of(p.recordsOf(q)), "system",
                        q.schedule().generatedOn());
                p.workflows.put(q, w);
                p.snapshots.put(q, List.copyOf(w.tables().nationalTable()));
                p.next = q.next();
                w.distribute("province-agency", q.schedule().generatedOn());
            }));
        }
    }

    static final class Answer implements Action.Dependent<Programme> {
        @Override
        public boolean precondition(Programme p) {
            return p.open().stream().anyMatch(w -> w.state() == PeriodState.DISTRIBUTED);
        }

        @Override
        public Arbitrary<Transformer<Programme>> transformer(Programme state) {
            List<ClearingWorkflow> waiting = state.open().stream().filter(w -> w.state() == PeriodState.DISTRIBUTED).toList();
            return Combinators.combine(Arbitraries.of(waiting), Arbitraries.integers().between(0, 99),
                    Arbitraries.integers().between(0, 7), Arbitraries.longs().between(-500_000, 500_000))
                    .as((w, pick, day, claim) -> Transformer.mutate("answer " + w.quarter(), p -> {
                        List<Admdvs> silent = w.provinces().stream().filter(x -> w.answerOf(x).isEmpty()).toList();
                        Admdvs province = silent.get(pick % silent.size());
                        LocalDate on = w.quarter().schedule().generatedOn().plusDays(day);
                        if (pick % 3 == 0) {
                            PairTotal t = w.tables().nationalTable().stream().filter(x -> x.pair().insured().equals(province)
                                    || x.pair().treatment().equals(province)).findFirst().orElseThrow();
                            WorkflowEvent e = w.dispute(new DisputedItem("D" + p.disputes++, province, t.pair(), "", "",
                                    Fen.of(claim), "amounts differ"), province + "-clerk", on);
                            assertEquals(on.isAfter(w.quarter().schedule().confirmBy()), e.late());
                        } else {
                            w.confirm(province, province + "-clerk", on);
                            assertThrows(WcsettleException.class, () -> w.confirm(province, "again", on));
                        }
                    }));
        }
    }

    static final class Escalate implements Action.Dependent<Programme> {
        @Override
        public boolean precondition(Programme p) {
            return p.workflows.values().stream().anyMatch(w -> w.openDisputes().stream()
                    .anyMatch(d -> w.disputeState(d.disputeId()).orElseThrow() == DisputeState.RAISED));
        }

        @Override
        public Arbitrary<Transformer<Programme>> transformer(Programme state) {
            List<String[]> raised = new ArrayList<>();
            state.workflows.values().forEach(w -> w.openDisputes().stream()
                    .filter(d -> w.disputeState(d.disputeId()).orElseThrow() == DisputeState.RAISED)
                    .forEach(d -> raised.add(new String[] {w.quarter().toString(), d.disputeId()})));
            return Arbitraries.of(raised).map(r -> Transformer.mutate("escalate " + r[1], p -> {
                ClearingWorkflow w = p.workflows.values().stream().filter(x -> x.quarter().toString().equals(r[0]))
                        .findFirst().orElseThrow();
                w.escalate(r[1], "province-agency", w.quarter().schedule().confirmBy().plusDays(1));
            }));
        }
    }

    static final class Resolve implements Action.Dependent<Programme> {
        @Override
        public boolean precondition(Programme p) {
            return p.workflows.values().stream().anyMatch(w -> w.openDisputes().stream()
                    .anyMatch(d -> w.disputeState(d.disputeId()).orElseThrow() == DisputeState.ESCALATED));
        }

        @Override
        public Arbitrary<Transformer<Programme>> transformer(Programme state) {
            List<String[]> escalated = new ArrayList<>();
            state.workflows.values().forEach(w -> w.openDisputes().stream()
                    .filter(d -> w.disputeState(d.disputeId()).orElseThrow() == DisputeState.ESCALATED)
                    .forEach(d -> escalated.add(new String[] {w.quarter().toString(), d.disputeId()})));
            return Combinators.combine(Arbitraries.of(escalated), Arbitraries.longs().between(-300_000, 300_000))
                    .as((r, amount) -> Transformer.mutate("resolve " + r[1] + " by " + amount, p -> {
                        ClearingWorkflow w = p.workflows.values().stream()
                                .filter(x -> x.quarter().toString().equals(r[0])).findFirst().orElseThrow();
                        // resolved in the open period: after the latest generation day
                        LocalDate on = p.next.periodStart().plusDays(3);
                        assertThrows(WcsettleException.class, () -> w.resolve(r[1], Fen.of(amount), "ministry",
                                w.quarter().periodEnd(), ""), "never into the disputed period");
                        w.resolve(r[1], Fen.of(amount), "ministry", on, "coordinated");
                        if (amount != 0) {
                            Adjustment a = w.adjustments().stream().filter(x -> x.disputeId().equals(r[1])).findFirst()
                                    .orElseThrow();
                            assertEquals(true, a.target().compareTo(w.quarter()) > 0, "a later period");
                            assertEquals(true, p.register(a.toRecord()));
                        }
                    }));
        }
    }

    @Provide
    Arbitrary<ActionChain<Programme>> programme() {
        return ActionChain.startWith(Programme::new)
                .withAction(4, new Records())
                .withAction(2, new Generate())
                .withAction(5, new Answer())
                .withAction(2, new Escalate())
                .withAction(2, new Resolve())
                .withMaxTransformations(40);
    }

    static void invariants(Programme p) {
        Fen cleared = Fen.ZERO;
        long recordsInTables = 0;
        for (ClearingWorkflow w : p.workflows.values()) {
            ClearingTables t = w.tables();
            assertEquals(p.snapshots.get(w.quarter()), t.nationalTable(), "a generated table never changes");
            Fen payables = Fen.ZERO;
            Fen receivables = Fen.ZERO;
            for (String code : PROVINCES) {
                for (PairTotal x : t.payableTable(new Admdvs(code))) {
                    payables = payables.plus(x.payable());
                }
                for (PairTotal x : t.receivableTable(new Admdvs(code))) {
                    receivables = receivables.plus(x.payable());
                }
            }
            assertEquals(payables, receivables, "Σ payable = Σ receivable in " + w.quarter());
            assertEquals(t.totalPayable(), payables);
            cleared = cleared.plus(t.totalPayable());
            recordsInTables += t.nationalTable().stream().mapToLong(PairTotal::records).sum();
        }
        Fen recorded = Fen.ZERO;
        long recordsInGenerated = 0;
        for (DatedRecord r : p.records.values()) {
            if (p.workflows.containsKey(p.registry.get(r.record().recordId()))) {
                recorded = recorded.plus(r.record().fundPaid().minus(r.record().deduction()));
                recordsInGenerated++;
            }
        }
        assertEquals(recordsInGenerated, recordsInTables, "each record in exactly one period");
        assertEquals(recorded, cleared, "the periods clear what was recorded, adjustments included");
    }

    @Property(tries = 200)
    @Label("R-CLR-7, R-CLR-8: confirmations, disputes and adjustments keep Σ payable = Σ receivable and never edit a table")
    void quarterWorkflow(@ForAll("programme") ActionChain<Programme> chain) {
        chain.withInvariant("R-CLR-5, -7, -8", ClearingWorkflowStatefulTest::invariants).run();
    }

    @Test
    @DisplayName("R-CLR-7, R-CLR-3: generated → distributed → disputed → escalated → resolved; overdue after the 25th")
    void lifecycle() {
        Quarter q = Quarter.of(2025, 4);
        ClearingRecord r1 = new ClearingRecord("1", new Admdvs("110105"), new Admdvs("430102"), "H1",
                LocalDate.of(2025, 11, 3), Fen.of(10_000), Fen.of(100));
        ClearingRecord r2 = new ClearingRecord("2", new Admdvs("150102"), new Admdvs("430102"), "H1",
                LocalDate.of(2025, 11, 3), Fen.of(5_000), Fen.ZERO);
        assertEquals("ILLEGAL_TRANSITION", assertThrows(WcsettleException.class, () -> ClearingWorkflow.generate(q,
                ClearingTables.of(List.of(r1, r2)), "system", LocalDate.of(2025, 12, 20))).code());
        ClearingWorkflow w = ClearingWorkflow.generate(q, ClearingTables.of(List.of(r1, r2)), "system",
                LocalDate.of(2025, 12, 21));
        assertEquals(PeriodState.GENERATED, w.state());
        w.distribute("agency", LocalDate.of(2025, 12, 21));
        assertEquals(PeriodState.DISTRIBUTED, w.state());
        w.confirm(new Admdvs("110000"), "bj", LocalDate.of(2025, 12, 23));
        w.dispute(new DisputedItem("D1", new Admdvs("430000"), new ProvincePair(new Admdvs("150000"),
                new Admdvs("430000")), "2", "H1", Fen.of(-1_000), "record 2 was cancelled"), "hn", LocalDate.of(2025, 12, 24));
        assertEquals(List.of(new Admdvs("150000")), w.overdue(LocalDate.of(2025, 12, 26)));
        assertEquals(List.of(), w.overdue(LocalDate.of(2025, 12, 25)), "due by the 25th");
        WorkflowEvent late = w.confirm(new Admdvs("150000"), "nm", LocalDate.of(2025, 12, 27));
        assertEquals(true, late.late());
        assertEquals(PeriodState.DISPUTED, w.state());
        w.escalate("D1", "hn-province", LocalDate.of(2025, 12, 28));
        assertEquals(PeriodState.ESCALATED, w.state());
        w.resolve("D1", Fen.of(-1_000), "ministry", LocalDate.of(2026, 1, 15), "agreed");
        assertEquals(PeriodState.RESOLVED, w.state());
        Adjustment a = w.adjustments().get(0);
        assertEquals(Quarter.of(2026, 1), a.target());
        assertEquals(new ClearingRecord("ADJ-D1", new Admdvs("150000"), new Admdvs("430000"), "H1",
                LocalDate.of(2026, 1, 15), Fen.ZERO, Fen.of(1_000)), a.toRecord().record());
        assertEquals(7, w.events().size(), "every change recorded");
        assertEquals(Fen.of(14_900), w.tables().totalPayable(), "the tables stand as generated");
    }

    @Test
    @DisplayName("R-CLR-8: a cost of 2025 cleared after 2026Q1 misses the year bound")
    void yearBound() {
        assertEquals(false, YearBound.misses(LocalDate.of(2025, 1, 5), Quarter.of(2026, 1)));
        assertEquals(true, YearBound.misses(LocalDate.of(2025, 12, 31), Quarter.of(2026, 2)));
        ClearingRecord late = new ClearingRecord("9", new Admdvs("110105"), new Admdvs("430102"), "H1",
                LocalDate.of(2026, 3, 21), Fen.of(1), Fen.ZERO);
        assertEquals(true, new DatedRecord(late, LocalDate.of(2025, 12, 30)).missesYearBound(),
                "confirmed on 2026-03-21: period 2026Q2");
    }
}
