package io.wcsettle.core.clearing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.wcsettle.core.error.CoreErrorCode;
import io.wcsettle.core.error.WcsettleException;
import io.wcsettle.core.money.Fen;

/**
 * Aggregated clearing amounts of a set of records: per province pair (the national table,
 * R-CLR-5) and, when collected, per pair and institution (payment and audit-deduction details).
 *
 * <p>Immutable. {@link #merge} is associative and commutative with {@link #empty()} as identity,
 * so files or partitions can be cleared separately and combined in any order.
 */
public final class ClearingTotals {

    private static final ClearingTotals EMPTY = new ClearingTotals(new long[Accumulator.PAIRS],
            new long[Accumulator.PAIRS], new long[Accumulator.PAIRS], Collections.emptyMap());

    /** Indexed by insured province number × 100 + treatment province number. */
    private final long[] fund;
    private final long[] deduction;
    private final long[] count;
    private final Map<DetailKey, long[]> details;

    private ClearingTotals(long[] fund, long[] deduction, long[] count, Map<DetailKey, long[]> details) {
        this.fund = fund;
        this.deduction = deduction;
        this.count = count;
        this.details = details;
    }

    /** No records. */
    public static ClearingTotals empty() {
        return EMPTY;
    }

    /** Aggregates {@code records}, details included. */
    public static ClearingTotals of(Iterable<ClearingRecord> records) {
        Accumulator acc = new Accumulator(true);
        for (ClearingRecord r : records) {
            acc.add(r);
        }
        return acc.toTotals();
    }

    /** The totals of both inputs together: associative, commutative, {@link #empty()} is neutral. */
    public ClearingTotals merge(ClearingTotals other) {
        long[] f = new long[Accumulator.PAIRS];
        long[] d = new long[Accumulator.PAIRS];
        long[] c = new long[Accumulator.PAIRS];
        try {
            for (int i = 0; i < f.length; i++) {
                f[i] = Math.addExact(fund[i], other.fund[i]);
                d[i] = Math.addExact(deduction[i], other.deduction[i]);
                c[i] = Math.addExact(count[i], other.count[i]);
            }
        } catch (ArithmeticException e) {
            throw overflow(e);
        }
        Map<DetailKey, long[]> m = new TreeMap<>();
        try {
            mergeInto(m, details);
            mergeInto(m, other.details);
        } catch (ArithmeticException e) {
            throw overflow(e);
        }
        return new ClearingTotals(f, d, c, Collections.unmodifiableMap(m));
    }

    private static void mergeInto(Map<DetailKey, long[]> target, Map<DetailKey, long[]> source) {
        for (Map.Entry<DetailKey, long[]> e : source.entrySet()) {
            long[] s = e.getValue();
            target.merge(e.getKey(), s.clone(), (a, b) -> new long[] {
                Math.addExact(a[0], b[0]), Math.addExact(a[1], b[1]), Math.addExact(a[2], b[2])});
        }
    }

    /** The national table: every pair with at least one record, sorted by (insured, treatment). */
    public List<PairTotal> pairs() {
        List<PairTotal> out = new ArrayList<>();
        for (int i = 0; i < count.length; i++) {
            if (count[i] != 0) {
                out.add(new PairTotal(ProvincePair.ofIndex(i), Fen.of(fund[i]), Fen.of(deduction[i]), count[i]));
            }
        }
        return out;
    }

    /**
     * Payment and audit-deduction details per pair and institution, sorted by pair then institution;
     * empty when the totals were built without details (the streaming reader by default).
     */
    public List<InstitutionTotal> institutionDetails() {
        List<InstitutionTotal> out = new ArrayList<>(details.size());
        for (Map.Entry<DetailKey, long[]> e : details.entrySet()) {
            long[] v = e.getValue();
            out.add(new InstitutionTotal(ProvincePair.ofIndex(e.getKey().pairIndex()), e.getKey().institution(),
                    Fen.of(v[0]), Fen.of(v[1]), v[2]));
        }
        return out;
    }

    /** Number of records aggregated. */
    public long records() {
        long n = 0;
        for (long c : count) {
            n += c;
        }
        return n;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ClearingTotals t && Arrays.equals(fund, t.fund) && Arrays.equals(deduction, t.deduction)
                && Arrays.equals(count, t.count) && detailsEqual(details, t.details);
    }

    private static boolean detailsEqual(Map<DetailKey, long[]> a, Map<DetailKey, long[]> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (Map.Entry<DetailKey, long[]> e : a.entrySet()) {
            if (!Arrays.equals(e.getValue(), b.get(e.getKey()))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(fund) * 31 + Arrays.hashCode(count);
    }

    @Override
    public String toString() {
        return "ClearingTotals" + pairs();
    }

    static WcsettleException overflow(ArithmeticException e) {
        return new WcsettleException(CoreErrorCode.AMOUNT_OVERFLOW, null, "clearing total overflows a long of fen", e);
    }

    /** Key of a detail row. */
    record DetailKey(int pairIndex, String institution) implements Comparable<DetailKey> {
        @Override
        public int compareTo(DetailKey o) {
            int c = Integer.compare(pairIndex, o.pairIndex);
            return c != 0 ? c : institution.compareTo(o.institution);
        }
    }

    /**
     * The mutable hot-path accumulator: dense arrays indexed by province-number pair, so adding a
     * record is a few array additions. Not thread-safe; one per thread or partition.
     *
     * <p>Amounts are non-negative and below 2⁶³, and sums are kept as a 63-bit part plus a carry
     * count, so that a row can be added and later taken out again ({@link #subtract}, for a
     * duplicate found at the end of a read) without a spurious overflow in between; whether a
     * total fits in a long of fen is decided once, by {@link #toTotals()} ({@code AMOUNT_OVERFLOW}).
     */
    static final class Accumulator {

        static final int PAIRS = 100 * 100;

        private final long[] fund = new long[PAIRS];
        private final long[] deduction = new long[PAIRS];
        private final long[] count = new long[PAIRS];
        private final long[] fundCarry = new long[PAIRS];
        private final long[] deductionCarry = new long[PAIRS];
        /** Per detail: fund, deduction, count, fund carry, deduction carry. */
        private final Map<DetailKey, long[]> details;

        Accumulator(boolean withDetails) {
            this.details = withDetails ? new TreeMap<>() : null;
        }

        void add(ClearingRecord r) {
            int index = r.insured().provinceNumber() * 100 + r.treatment().provinceNumber();
            add(index, r.fundPaid().value(), r.deduction().value());
            if (details != null && r.institutionCode() != null) {
                addDetail(index, r.institutionCode(), r.fundPaid().value(), r.deduction().value());
            }
        }

        /** Adds one record's non-negative amounts to pair {@code pairIndex}. */
        void add(int pairIndex, long fundFen, long deductionFen) {
            long f = fund[pairIndex] + fundFen;
            if (f < 0) {
                f &= Long.MAX_VALUE;
                fundCarry[pairIndex]++;
            }
            fund[pairIndex] = f;
            long d = deduction[pairIndex] + deductionFen;
            if (d < 0) {
                d &= Long.MAX_VALUE;
                deductionCarry[pairIndex]++;
            }
            deduction[pairIndex] = d;
            count[pairIndex]++;
        }

        /** Takes out a record added before with the same amounts. */
        void subtract(int pairIndex, long fundFen, long deductionFen) {
            long f = fund[pairIndex] - fundFen;
            if (f < 0) {
                f &= Long.MAX_VALUE;
                fundCarry[pairIndex]--;
            }
            fund[pairIndex] = f;
            long d = deduction[pairIndex] - deductionFen;
            if (d < 0) {
                d &= Long.MAX_VALUE;
                deductionCarry[pairIndex]--;
            }
            deduction[pairIndex] = d;
            count[pairIndex]--;
        }

        boolean collectsDetails() {
            return details != null;
        }

        void addDetail(int pairIndex, String institution, long fundFen, long deductionFen) {
            long[] v = details.computeIfAbsent(new DetailKey(pairIndex, institution), k -> new long[5]);
            addWithCarry(v, 0, 3, fundFen);
            addWithCarry(v, 1, 4, deductionFen);
            v[2]++;
        }

        /** Takes out a detail added before with the same amounts. */
        void subtractDetail(int pairIndex, String institution, long fundFen, long deductionFen) {
            DetailKey key = new DetailKey(pairIndex, institution);
            long[] v = details.get(key);
            addWithCarry(v, 0, 3, -fundFen);
            addWithCarry(v, 1, 4, -deductionFen);
            if (--v[2] == 0 && v[0] == 0 && v[1] == 0 && v[3] == 0 && v[4] == 0) {
                details.remove(key);
            }
        }

        private static void addWithCarry(long[] v, int at, int carryAt, long delta) {
            long x = v[at] + delta;
            if (x < 0) {
                x &= Long.MAX_VALUE;
                v[carryAt] += delta > 0 ? 1 : -1;
            }
            v[at] = x;
        }

        ClearingTotals toTotals() {
            for (int i = 0; i < PAIRS; i++) {
                if (fundCarry[i] != 0 || deductionCarry[i] != 0) {
                    throw overflow(new ArithmeticException("long overflow"));
                }
            }
            Map<DetailKey, long[]> d = new TreeMap<>();
            if (details != null) {
                for (Map.Entry<DetailKey, long[]> e : details.entrySet()) {
                    long[] v = e.getValue();
                    if (v[3] != 0 || v[4] != 0) {
                        throw overflow(new ArithmeticException("long overflow"));
                    }
                    d.put(e.getKey(), new long[] {v[0], v[1], v[2]});
                }
            }
            return new ClearingTotals(fund.clone(), deduction.clone(), count.clone(),
                    Collections.unmodifiableMap(d));
        }
    }
}
