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
 * The clearing tables of one period (R-CLR-2, -5, -6; IM Art. 38–39): the national table, each
 * province's payable and receivable tables, payment and audit-deduction details, net positions
 * and the transfer plan.
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
     * R-CLR-6: net position per province, receivable minus payable, sorted by province, zeros
     * omitted. The positions sum to zero.
     */
    public SortedMap<Admdvs, Fen> netPositions() {
        return net;
    }

    /**
     * R-CLR-6: a plan of at most n−1 transfers that settles every net position exactly: repeatedly
     * the largest debtor pays the largest creditor the smaller of the two amounts, ties broken by
     * the lower province code. Identical input gives an identical plan.
     */
    public List<Transfer> transferPlan() {
        return plan(net);
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
