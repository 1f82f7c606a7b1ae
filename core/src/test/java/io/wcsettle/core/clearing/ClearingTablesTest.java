package io.wcsettle.core.clearing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import io.wcsettle.core.error.InvalidInputException;
import io.wcsettle.core.money.Fen;
import io.wcsettle.core.region.Admdvs;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class ClearingTablesTest {

    private static final String[] PROVINCES = {"110000", "120000", "150000", "310000", "430000", "440000", "510000"};

    private static ClearingRecord rec(String insured, String treatment, long fund, long deduction) {
        return ClearingRecord.of(new Admdvs(insured), new Admdvs(treatment), Fen.of(fund), Fen.of(deduction));
    }

    @Test
    @DisplayName("R-CLR-5, -6: three provinces, payables, bilateral payments, and nets with a greedy plan as analysis")
    void threeProvinces() {
        ClearingTables t = ClearingTables.of(List.of(rec("150000", "110000", 10000, 1000),
                rec("150000", "430000", 5000, 0), rec("110000", "430000", 3000, 0),
                rec("150102", "110105", 2000, 500)));
        assertEquals(List.of(3000L, 10500L, 5000L),
                t.nationalTable().stream().map(p -> p.payable().value()).toList());
        assertEquals(Fen.of(18500), t.totalPayable());
        assertEquals(Map.of(new Admdvs("110000"), Fen.of(7500), new Admdvs("150000"), Fen.of(-15500),
                new Admdvs("430000"), Fen.of(8000)), t.netPositions());
        assertEquals(List.of(new Transfer(new Admdvs("150000"), new Admdvs("430000"), Fen.of(8000)),
                new Transfer(new Admdvs("150000"), new Admdvs("110000"), Fen.of(7500))), t.nettingAnalysis());
        assertEquals(List.of(payment("110000", "430000", "110000", "430000", 3000),
                payment("150000", "110000", "150000", "110000", 10500),
                payment("150000", "430000", "150000", "430000", 5000)), t.payments());
        assertEquals(t.nettingAnalysis(), t.transferPlan(), "the deprecated name gives the same analysis");
        assertEquals(2, t.payableTable(new Admdvs("150000")).size());
        assertEquals(2, t.receivableTable(new Admdvs("430000")).size());
    }

    private static Payment payment(String insured, String treatment, String from, String to, long fen) {
        return new Payment(new ProvincePair(new Admdvs(insured), new Admdvs(treatment)), new Admdvs(from), new Admdvs(to),
                Fen.of(fen));
    }

    @Test
    @DisplayName("R-CLR-6 (IM Art. 41): each insured province pays each treatment province, even where netting would skip it")
    void bilateralPayments_areTheInstruction() {
        ClearingTables t = ClearingTables.of(List.of(rec("150000", "110000", 10000, 0), rec("110000", "430000", 10000, 0)));
        assertEquals(List.of(payment("110000", "430000", "110000", "430000", 10000),
                payment("150000", "110000", "150000", "110000", 10000)), t.payments());
        assertEquals(List.of(new Transfer(new Admdvs("150000"), new Admdvs("430000"), Fen.of(10000))), t.nettingAnalysis(),
                "the netted plan has 150000 pay 430000, which it owes nothing: an analysis, not the instruction");
    }

    @Test
    @DisplayName("R-CLR-6: a negative payable is paid back by the treatment province; a zero payable has no payment")
    void negativeAndZeroPayables() {
        ClearingTables t = ClearingTables.of(List.of(rec("150000", "110000", 1000, 3000), rec("150000", "430000", 500, 500)));
        assertEquals(List.of(payment("150000", "110000", "110000", "150000", 2000)), t.payments());
        assertTrue(t.payments().get(0).refund());
        assertEquals(Fen.of(-2000), t.payments().get(0).towardsPayable());
        assertThrows(IllegalArgumentException.class, () -> payment("150000", "110000", "150000", "430000", 1));
        assertThrows(IllegalArgumentException.class, () -> payment("150000", "110000", "150000", "110000", 0));
    }

    @Test
    @DisplayName("R-CLR-6: ties between equal creditors go to the lower province code")
    void tiesByLowerCode() {
        ClearingTables t = ClearingTables.of(List.of(rec("150000", "430000", 100, 0), rec("150000", "110000", 100, 0)));
        assertEquals(new Admdvs("110000"), t.nettingAnalysis().get(0).to());
    }

    @Test
    @DisplayName("R-CLR-2: payment and audit-deduction details per institution")
    void details() {
        Admdvs a = new Admdvs("150000");
        Admdvs b = new Admdvs("110000");
        ClearingTables t = ClearingTables.of(List.of(
                new ClearingRecord("1", a, b, "H1", null, Fen.of(100), Fen.ZERO),
                new ClearingRecord("2", a, b, "H2", null, Fen.of(50), Fen.of(7)),
                new ClearingRecord("3", a, b, "H1", null, Fen.of(20), Fen.ZERO)));
        assertEquals(2, t.paymentDetails().size());
        assertEquals(Fen.of(120), t.paymentDetails().get(0).fundPaid());
        assertEquals(1, t.auditDeductionDetails().size());
        assertEquals("H2", t.auditDeductionDetails().get(0).institutionCode());
    }

    @Test
    @DisplayName("R-CLR-1: a record inside one province is not cleared")
    void sameProvinceRefused() {
        assertEquals("NOT_CROSS_PROVINCE",
                assertThrows(InvalidInputException.class, () -> rec("150100", "150200", 1, 0)).code());
    }

    @Provide
    Arbitrary<List<ClearingRecord>> records() {
        Arbitrary<String> province = Arbitraries.of(PROVINCES);
        Arbitrary<ClearingRecord> one = Combinators.combine(province, province,
                Arbitraries.longs().between(0, 10_000_000), Arbitraries.longs().between(0, 1_000_000))
                .filter((i, t, f, d) -> !i.equals(t))
                .as((i, t, f, d) -> new ClearingRecord(null, new Admdvs(i), new Admdvs(t), "H" + (f % 3), null,
                        Fen.of(f), Fen.of(d)));
        return one.list().ofMaxSize(40);
    }

    @Property
    @Label("R-CLR-5: merge is associative and commutative, empty is neutral")
    void mergeAssociativeCommutative(@ForAll("records") List<ClearingRecord> a,
            @ForAll("records") List<ClearingRecord> b, @ForAll("records") List<ClearingRecord> c) {
        ClearingTotals ta = ClearingTotals.of(a);
        ClearingTotals tb = ClearingTotals.of(b);
        ClearingTotals tc = ClearingTotals.of(c);
        assertEquals(ta.merge(tb).merge(tc), ta.merge(tb.merge(tc)));
        assertEquals(ta.merge(tb), tb.merge(ta));
        assertEquals(ta, ta.merge(ClearingTotals.empty()));
        List<ClearingRecord> all = new ArrayList<>(a);
        all.addAll(b);
        all.addAll(c);
        assertEquals(ClearingTotals.of(all), ta.merge(tb).merge(tc));
    }

    @Property(tries = 300)
    @Label("R-CLR-6: bilateral payments sum to each pair's payable and balance nationally")
    void paymentsSumToPayablesAndBalance(@ForAll("records") List<ClearingRecord> records) {
        ClearingTables t = ClearingTables.of(records);
        Map<ProvincePair, Long> paidPerPair = new HashMap<>();
        Map<Admdvs, Long> position = new HashMap<>();
        long paid = 0;
        long received = 0;
        for (Payment p : t.payments()) {
            assertTrue(p.amount().value() > 0);
            paidPerPair.merge(p.pair(), p.towardsPayable().value(), Long::sum);
            position.merge(p.from(), -p.amount().value(), Long::sum);
            position.merge(p.to(), p.amount().value(), Long::sum);
            paid += p.amount().value();
            received += p.amount().value();
        }
        for (PairTotal pair : t.nationalTable()) {
            assertEquals(pair.payable().value(), paidPerPair.getOrDefault(pair.pair(), 0L), pair.toString());
        }
        assertEquals(t.nationalTable().stream().filter(p -> !p.payable().isZero()).count(), t.payments().size(),
                "one payment per pair with a non-zero payable");
        assertEquals(paid, received);
        assertEquals(0L, position.values().stream().mapToLong(Long::longValue).sum());
        position.values().removeIf(v -> v == 0);
        Map<Admdvs, Long> nets = new HashMap<>();
        t.netPositions().forEach((p, f) -> nets.put(p, f.value()));
        assertEquals(nets, position, "each province receives net what the net positions say");
        assertEquals(t.totalPayable().value(), t.payments().stream().mapToLong(p -> p.towardsPayable().value()).sum());
    }

    @Property(tries = 200)
    @Label("R-CLR-6: identical input in any order gives identical payments")
    void paymentsAreStable(@ForAll("records") List<ClearingRecord> records, @ForAll long seed) {
        List<ClearingRecord> shuffled = new ArrayList<>(records);
        Collections.shuffle(shuffled, new Random(seed));
        assertEquals(ClearingTables.of(records).payments(), ClearingTables.of(shuffled).payments());
    }

    @Property
    @Label("R-CLR-6: the netted plan (analysis) settles every net position exactly in at most n-1 transfers")
    void planSettlesNets(@ForAll("records") List<ClearingRecord> records) {
        ClearingTables t = ClearingTables.of(records);
        Map<Admdvs, Long> left = new HashMap<>();
        t.netPositions().forEach((p, f) -> left.put(p, f.value()));
        List<Transfer> plan = t.nettingAnalysis();
        for (Transfer tr : plan) {
            assertTrue(tr.amount().value() > 0);
            left.merge(tr.from(), tr.amount().value(), Long::sum);
            left.merge(tr.to(), -tr.amount().value(), Long::sum);
        }
        left.values().forEach(v -> assertEquals(0L, v));
        assertTrue(plan.size() <= Math.max(0, t.netPositions().size() - 1));
        long sumNet = t.netPositions().values().stream().mapToLong(Fen::value).sum();
        assertEquals(0, sumNet);
    }

    @Property
    @Label("R-CLR-6: identical input in any order gives the identical plan")
    void planIsStable(@ForAll("records") List<ClearingRecord> records, @ForAll long seed) {
        List<ClearingRecord> shuffled = new ArrayList<>(records);
        Collections.shuffle(shuffled, new Random(seed));
        assertEquals(ClearingTables.of(records).nettingAnalysis(), ClearingTables.of(shuffled).nettingAnalysis());
    }
}
