package io.wcsettle.core.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import io.wcsettle.core.clearing.ClearingTables;
import io.wcsettle.core.clearing.DisputeState;
import io.wcsettle.core.clearing.DisputedItem;
import io.wcsettle.core.clearing.PairTotal;
import io.wcsettle.core.clearing.ProvincePair;
import io.wcsettle.core.clearing.Quarter;
import io.wcsettle.core.money.Fen;
import io.wcsettle.core.monthly.StatementTotals;
import io.wcsettle.core.prepayment.UsageRate;
import io.wcsettle.core.region.Admdvs;

/**
 * The operation analysis of a period (R-REP-1; IM Art. 50; BJ §三(二)): per province pair and per
 * institution — counts, amounts, deduction rates, usage levels and their trend, overdue uploads,
 * open disputes — as plain tables that a renderer draws as charts. Every figure is exact fen; the
 * only rounded numbers are the display percentages (HALF_UP, 2 decimals), and usage levels come
 * from the exact ratio (R-PRE-5). Immutable; made by {@link #builder}.
 *
 * @param period       the period
 * @param pairs        per insured → treatment pair over the period, sorted by pair
 * @param usage        R-PRE-5 per quarter and pair with a known quota, sorted by quarter then pair
 * @param institutions per institution over the period's months, sorted by code
 * @param monthly      per month, every month of the period (zeros included)
 * @param overdue      R-UPL-1 overdue discharge uploads per institution, sorted by code, zeros left out
 * @param disputes     R-CLR-7 disputes still open, oldest period first
 */
public record OperationReport(ReportPeriod period, List<PairRow> pairs, List<UsageRow> usage,
        List<InstitutionRow> institutions, List<MonthRow> monthly, List<OverdueRow> overdue, List<DisputeRow> disputes) {

    /** Copies the lists. */
    public OperationReport {
        pairs = List.copyOf(pairs);
        usage = List.copyOf(usage);
        institutions = List.copyOf(institutions);
        monthly = List.copyOf(monthly);
        overdue = List.copyOf(overdue);
        disputes = List.copyOf(disputes);
    }

    /** One pair over the period (R-CLR-5: payable = fund paid − deductions). */
    public record PairRow(ProvincePair pair, long records, Fen fundPaid, Fen deductions) {
        /** Σ fund paid − Σ deductions. */
        public Fen payable() {
            return fundPaid.minus(deductions);
        }
    }

    /** R-PRE-5: a pair's usage in one quarter. */
    public record UsageRow(Quarter quarter, ProvincePair pair, UsageRate rate) {
    }

    /** One institution over the period's months, with its deduction rate (Σ deductions ÷ Σ fund paid, display). */
    public record InstitutionRow(String institution, StatementTotals totals, BigDecimal deductionPercent) {
    }

    /** One month's statements. */
    public record MonthRow(YearMonth month, StatementTotals totals) {
    }

    /** R-UPL-1: an institution's overdue discharge uploads. */
    public record OverdueRow(String institution, long count) {
    }

    /** R-CLR-7: a dispute still open. */
    public record DisputeRow(Quarter quarter, DisputedItem item, DisputeState state) {
    }

    /** Σ payable over the pairs (= Σ of the quarters' national tables). */
    public Fen totalPayable() {
        Fen t = Fen.ZERO;
        for (PairRow r : pairs) {
            t = t.plus(r.payable());
        }
        return t;
    }

    /** Σ of the monthly statements. */
    public StatementTotals monthlyTotal() {
        StatementTotals t = StatementTotals.ZERO;
        for (MonthRow m : monthly) {
            t = t.plus(m.totals());
        }
        return t;
    }

    /** Σ overdue uploads. */
    public long overdueUploads() {
        return overdue.stream().mapToLong(OverdueRow::count).sum();
    }

    /** The provinces that appear in the pairs, sorted: the heat map's axes. */
    public List<Admdvs> provinces() {
        java.util.TreeSet<Admdvs> s = new java.util.TreeSet<>();
        pairs.forEach(p -> {
            s.add(p.pair().insured());
            s.add(p.pair().treatment());
        });
        return List.copyOf(s);
    }

    /** R-REP-1: the deduction rate in percent, HALF_UP to 2 decimals (display only); 0 without fund paid. */
    public static BigDecimal deductionPercent(StatementTotals t) {
        if (t.fundPaid().isZero()) {
            return BigDecimal.ZERO.setScale(2);
        }
        return BigDecimal.valueOf(t.deductions().value()).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(t.fundPaid().value()), 2, RoundingMode.HALF_UP);
    }

    /** A builder for the report of {@code period}. */
    public static Builder builder(ReportPeriod period) {
        return new Builder(period);
    }

    /** Collects the report's inputs; not thread-safe. */
    public static final class Builder {
        private final ReportPeriod period;
        private final Map<ProvincePair, long[]> pairs = new TreeMap<>();
        private final Map<Quarter, Map<ProvincePair, Fen>> quarterPayables = new TreeMap<>();
        private final Map<ProvincePair, Fen> quotas = new TreeMap<>();
        private final Map<String, StatementTotals> institutions = new TreeMap<>();
        private final Map<YearMonth, StatementTotals> months = new TreeMap<>();
        private final Map<String, Long> overdue = new TreeMap<>();
        private final List<DisputeRow> disputes = new ArrayList<>();

        private Builder(ReportPeriod period) {
            this.period = Objects.requireNonNull(period, "period");
            period.months().forEach(m -> months.put(m, StatementTotals.ZERO));
        }

        /** The national table of quarter {@code q} (a quarter outside the period is ignored). */
        public Builder clearing(Quarter q, ClearingTables tables) {
            if (!period.quarters().contains(q)) {
                return this;
            }
            Map<ProvincePair, Fen> byPair = quarterPayables.computeIfAbsent(q, k -> new TreeMap<>());
            for (PairTotal t : tables.nationalTable()) {
                long[] v = pairs.computeIfAbsent(t.pair(), k -> new long[3]);
                v[0] += t.records();
                v[1] = Math.addExact(v[1], t.fundPaid().value());
                v[2] = Math.addExact(v[2], t.deductions().value());
                byPair.merge(t.pair(), t.payable(), Fen::plus);
            }
            return this;
        }

        /** R-PRE-2: the annual prepayment quota of {@code pair} for the period's year. */
        public Builder quota(ProvincePair pair, Fen quota) {
            quotas.put(pair, quota);
            return this;
        }

        /** One institution's statement totals for {@code month} (a month outside the period is ignored). */
        public Builder statement(YearMonth month, String institution, StatementTotals totals) {
            if (!months.containsKey(month)) {
                return this;
            }
            months.merge(month, totals, StatementTotals::plus);
            institutions.merge(institution, totals, StatementTotals::plus);
            return this;
        }

        /** R-UPL-1: overdue discharge uploads of {@code institution}. */
        public Builder overdueUploads(String institution, long count) {
            if (count > 0) {
                overdue.merge(institution, count, Long::sum);
            }
            return this;
        }

        /** R-CLR-7: a dispute still open. */
        public Builder openDispute(Quarter q, DisputedItem item, DisputeState state) {
            disputes.add(new DisputeRow(q, item, state));
            return this;
        }

        /** The report. */
        public OperationReport build() {
            List<PairRow> pairRows = new ArrayList<>();
            pairs.forEach((p, v) -> pairRows.add(new PairRow(p, v[0], Fen.of(v[1]), Fen.of(v[2]))));
            List<UsageRow> usage = new ArrayList<>();
            quarterPayables.forEach((q, byPair) -> byPair.forEach((pair, payable) -> {
                Fen quota = quotas.get(pair);
                if (quota != null && !quota.isZero() && !quota.isNegative()) {
                    usage.add(new UsageRow(q, pair, UsageRate.of(payable.max(Fen.ZERO), quota)));
                }
            }));
            List<InstitutionRow> inst = new ArrayList<>();
            institutions.forEach((code, t) -> inst.add(new InstitutionRow(code, t, deductionPercent(t))));
            List<MonthRow> monthly = new ArrayList<>();
            months.forEach((m, t) -> monthly.add(new MonthRow(m, t)));
            List<OverdueRow> od = new ArrayList<>();
            overdue.forEach((code, n) -> od.add(new OverdueRow(code, n)));
            List<DisputeRow> ds = new ArrayList<>(disputes);
            ds.sort(Comparator.comparing(DisputeRow::quarter).thenComparing(d -> d.item().disputeId()));
            return new OperationReport(period, pairRows, usage, inst, monthly, od, ds);
        }
    }
}
