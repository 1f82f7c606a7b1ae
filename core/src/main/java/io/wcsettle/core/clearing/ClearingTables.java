package io.wcsettle.core.clearing;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

import io.wcsettle.core.money.Fen;
import io.wcsettle.core.region.Admdvs;

/**
 * The clearing tables of one period (R-CLR-2, -5, -6; IM Art. 38–41): the national table, each
 * province's payable and receivable tables, payment and audit-deduction details, and the payment
 * instruction: {@link #payments()}, bilateral per pair as the source prescribes (IM Art. 41).
 *
 * <p>Net positions and a netted plan of at most n−1 transfers ({@link #netPositions()},
 * {@link #nettingAnalysis()}) go beyond the sources: an <em>analysis</em> a region may adopt,
 * never the payment instruction. A netted plan can tell a province to pay one it owes nothing.
 *
 * <p>Immutable; built from {@link ClearingTotals}. Construction checks that the national table
 * balances (Σ payables = Σ receivables, R-CLR-5).
 */
public final class ClearingTables {

    private final ClearingTotals totals;
    private final List<PairTotal> pairs;
    private final Fen totalPayable;
    private final SortedMap<Admdvs, Fen> net;

    private ClearingTables(ClearingTotals totals) {
        this.totals = totals;
        this.pairs = Collections.unmodifiableList(totals.pairs());
        SortedMap<Admdvs, Fen> payableByProvince = new TreeMap<>();
        SortedMap<Admdvs, Fen> receivableByProvince = new TreeMap<>();
        SortedMap<Admdvs, Fen> positions = new TreeMap<>();
        for (PairTotal p : pairs) {
            Fen payable = p.payable();
            payableByProvince.merge(p.pair().insured(), payable, Fen::plus);
            receivableByProvince.merge(p.pair().treatment(), payable, Fen::plus);
            positions.merge(p.pair().treatment(), payable, Fen::plus);
            positions.merge(p.pair().insured(), payable.negate(), Fen::plus);
        }
        // R-CLR-5: the province payable tables and receivable tables balance nationally
        Fen payables = payableByProvince.values().stream().reduce(Fen.ZERO, Fen::plus);
        Fen receivables = receivableByProvince.values().stream().reduce(Fen.ZERO, Fen::plus);
        Fen sumOfPositions = positions.values().stream().reduce(Fen.ZERO, Fen::plus);
        if (!payables.equals(receivables) || !sumOfPositions.isZero()) {
            throw new IllegalStateException("R-CLR-5 violated: payables " + payables + ", receivables "
                    + receivables + ", Σ net " + sumOfPositions);
        }
        positions.values().removeIf(Fen::isZero);
        this.totalPayable = payables;
        this.net = Collections.unmodifiableSortedMap(positions);
    }

    /** The tables of {@code totals}. */
    public static ClearingTables of(ClearingTotals totals) {
        return new ClearingTables(Objects.requireNonNull(totals, "totals"));
    }

    /** The tables of {@code records}. */
    public static ClearingTables of(Iterable<ClearingRecord> records) {
        return of(ClearingTotals.of(records));
    }

    /** The national clearing table, sorted by (insured, treatment). */
    public List<PairTotal> nationalTable() {
        return pairs;
    }

    /** R-CLR-5: Σ payables over the national table (= Σ receivables). */
    public Fen totalPayable() {
        return totalPayable;
    }

    /** The payable table of {@code province}: the pairs where it is the insured province. */
    public List<PairTotal> payableTable(Admdvs province) {
        Admdvs p = province.province();
        return pairs.stream().filter(t -> t.pair().insured().equals(p)).toList();
    }

    /** The receivable table of {@code province}: the pairs where it is the treatment province. */
    public List<PairTotal> receivableTable(Admdvs province) {
        Admdvs p = province.province();
        return pairs.stream().filter(t -> t.pair().treatment().equals(p)).toList();
    }

    /** Payment details (fund paid per pair and institution), when collected. */
    public List<InstitutionTotal> paymentDetails() {
        return totals.institutionDetails().stream().filter(d -> !d.fundPaid().isZero()).toList();
    }

    /** Audit-deduction details (deductions per pair and institution), when collected. */
    public List<InstitutionTotal> auditDeductionDetails() {
        return totals.institutionDetails().stream().filter(d -> !d.deductions().isZero()).toList();
    }

    /**
     * R-CLR-6, IM Art. 41: the payment instruction, bilateral per pair: for every pair of the
     * national table with a non-zero payable, the insured province pays the treatment province its
     * payable (or, for a negative payable, is paid it back). Sorted by pair. The payments of a pair
     * sum to its payable, and over all provinces what is paid equals what is received.
     */
    public List<Payment> payments() {
        List<Payment> out = new ArrayList<>(pairs.size());
        for (PairTotal p : pairs) {
            Fen payable = p.payable();
            if (payable.isZero()) {
                continue;
            }
            ProvincePair pair = p.pair();
            out.add(payable.isNegative()
                    ? new Payment(pair, pair.treatment(), pair.insured(), payable.negate())
                    : new Payment(pair, pair.insured(), pair.treatment(), payable));
        }
        return Collections.unmodifiableList(out);
    }

    /**
     * Analysis, not the payment instruction (R-CLR-6, beyond the sources): net position per
     * province, receivable minus payable, sorted by province, zeros omitted. The positions sum to
     * zero.
     */
    public SortedMap<Admdvs, Fen> netPositions() {
        return net;
    }

    /**
     * Analysis, not the payment instruction (R-CLR-6, beyond the sources; the instruction is
     * {@link #payments()}): a netted plan of at most n−1 transfers that settles every net position
     * exactly: repeatedly the largest debtor pays the largest creditor the smaller of the two
     * amounts, ties broken by the lower province code. Identical input gives an identical plan. A
     * region may adopt it; it may have a province pay one it owes nothing.
     */
    public List<Transfer> nettingAnalysis() {
        return plan(net);
    }

    /**
     * The netted plan under its first name.
     *
     * @deprecated the netted plan is an analysis, not the payment instruction: use
     *             {@link #payments()} for the instruction and {@link #nettingAnalysis()} for the analysis
     */
    @Deprecated
    public List<Transfer> transferPlan() {
        return nettingAnalysis();
    }

    static List<Transfer> plan(SortedMap<Admdvs, Fen> positions) {
        List<Admdvs> codes = new ArrayList<>(positions.keySet());
        long[] balance = new long[codes.size()];
        for (int i = 0; i < balance.length; i++) {
            balance[i] = positions.get(codes.get(i)).value();
        }
        List<Transfer> transfers = new ArrayList<>();
        while (true) {
            int debtor = -1;
            int creditor = -1;
            // codes are ascending, so strict comparison keeps the lower code on ties
            for (int i = 0; i < balance.length; i++) {
                if (balance[i] < 0 && (debtor < 0 || balance[i] < balance[debtor])) {
                    debtor = i;
                }
                if (balance[i] > 0 && (creditor < 0 || balance[i] > balance[creditor])) {
                    creditor = i;
                }
            }
            if (debtor < 0 || creditor < 0) {
                break;
            }
            long amount = Math.min(-balance[debtor], balance[creditor]);
            balance[debtor] += amount;
            balance[creditor] -= amount;
            transfers.add(new Transfer(codes.get(debtor), codes.get(creditor), Fen.of(amount)));
        }
        return Collections.unmodifiableList(transfers);
    }
}
