package io.wcsettle.examples.demo;

import java.io.PrintStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import io.wcsettle.core.clearing.ClearingRecord;
import io.wcsettle.core.clearing.ClearingSchedule;
import io.wcsettle.core.clearing.ClearingTables;
import io.wcsettle.core.clearing.ClearingTotals;
import io.wcsettle.core.clearing.PairTotal;
import io.wcsettle.core.clearing.Payment;
import io.wcsettle.core.clearing.Quarter;
import io.wcsettle.core.clearing.Transfer;
import io.wcsettle.core.money.Fen;
import io.wcsettle.core.prepayment.UsageRate;
import io.wcsettle.core.region.Admdvs;

/**
 * A quarter's clearing over generated monthly-settlement records: the national table, each pair's
 * prepayment usage level, the bilateral payments (the instruction, IM Art. 41), and net positions
 * with a netted plan as an analysis only.
 */
public final class ClearingWalkthrough {

    /** Province codes of the demo, receiving-heavy first (Beijing, Shanghai, Guangdong, Hunan ...). */
    private static final String[] PROVINCES = {"110000", "310000", "440000", "430000", "150000", "330000", "510000",
        "420000"};
    private static final int[] WEIGHT = {30, 25, 20, 12, 4, 4, 3, 2};

    private ClearingWalkthrough() {
    }

    /**
     * {@code n} records confirmed inside {@code quarter}'s period, from a fixed seed. Records are
     * generated in four partitions and cleared separately, then merged (any order gives the same
     * totals).
     */
    public static ClearingTotals generate(Quarter quarter, int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        LocalDate first = quarter.periodStart();
        int days = (int) (quarter.periodEnd().toEpochDay() - first.toEpochDay()) + 1;
        ClearingTotals total = ClearingTotals.empty();
        for (int part = 0; part < 4; part++) {
            List<ClearingRecord> records = new ArrayList<>();
            for (int i = part; i < n; i += 4) {
                Admdvs treatment = new Admdvs(PROVINCES[weighted(random)]);
                Admdvs insured;
                do {
                    insured = new Admdvs(PROVINCES[random.nextInt(PROVINCES.length)]);
                } while (insured.equals(treatment));
                long paid = 50_000 + random.nextLong(3_000_000);
                long deduction = random.nextInt(10) == 0 ? random.nextLong(paid / 5 + 1) : 0;
                records.add(new ClearingRecord("R" + i, insured, treatment, "H" + treatment.code().substring(0, 2) + "01",
                        first.plusDays(random.nextInt(days)), Fen.of(paid), Fen.of(deduction)));
            }
            total = total.merge(ClearingTotals.of(records));
        }
        return total;
    }

    private static int weighted(SplittableRandom random) {
        int r = random.nextInt(100);
        for (int i = 0; i < WEIGHT.length; i++) {
            r -= WEIGHT[i];
            if (r < 0) {
                return i;
            }
        }
        return WEIGHT.length - 1;
    }

    /** Prints the clearing of Q4 2025 and returns the tables. */
    public static ClearingTables run(PrintStream out) {
        Quarter quarter = Quarter.of(2025, 4);
        ClearingSchedule s = ClearingSchedule.of(quarter);
        out.printf("-- clearing %s: period %s .. %s, generated %s, confirm by %s, pay by %s (R-CLR-2..4) --%n",
                quarter, quarter.periodStart(), quarter.periodEnd(), s.generatedOn(), s.confirmBy(), s.paymentDue());
        ClearingTables tables = ClearingTables.of(generate(quarter, 20_000, 2025_4L));
        out.println("national clearing table (R-CLR-5):");
        out.printf("  %-8s %-9s %8s %16s %14s %16s  %s%n", "insured", "treatment", "records", "fund paid", "deductions",
                "payable", "prepayment usage (R-PRE-5)");
        SplittableRandom quotas = new SplittableRandom(7);
        for (PairTotal p : tables.nationalTable()) {
            // a quota of 1.1–1.6 × this quarter's amount, as if set from last year (R-PRE-2)
            long quota = p.payable().value() * (110 + quotas.nextInt(50)) / 100;
            UsageRate usage = UsageRate.of(p.payable(), Fen.of(Math.max(quota, 1)));
            out.printf("  %-8s %-9s %8d %16s %14s %16s  %6s%% %s%n", p.pair().insured(), p.pair().treatment(), p.records(),
                    p.fundPaid().toYuanString(), p.deductions().toYuanString(), p.payable().toYuanString(),
                    usage.percentText(), usage.level());
        }
        out.printf("  total payable = total receivable = %s%n", tables.totalPayable().toYuanString());
        List<Payment> payments = tables.payments();
        out.printf("payments (the instruction, bilateral: each insured province pays each treatment province its payable;"
                + " R-CLR-6, IM Art. 41): %d%n", payments.size());
        for (Payment p : payments) {
            out.printf("  %s -> %s %16s%s%n", p.from(), p.to(), p.amount().toYuanString(), p.refund() ? " (refund)" : "");
        }
        out.println("ANALYSIS, not a payment instruction (beyond the sources, R-CLR-6):");
        out.println("  net positions (receivable − payable):");
        for (Map.Entry<Admdvs, Fen> e : tables.netPositions().entrySet()) {
            out.printf("    %s %16s%n", e.getKey(), e.getValue().toYuanString());
        }
        List<Transfer> plan = tables.nettingAnalysis();
        out.printf("  netted plan: %d transfers for %d provinces instead of %d payments; it may have a province pay"
                + " one it owes nothing%n", plan.size(), tables.netPositions().size(), payments.size());
        plan.stream().sorted(Comparator.comparing(Transfer::from)).forEach(t ->
                out.printf("    %s -> %s %16s%n", t.from(), t.to(), t.amount().toYuanString()));
        return tables;
    }
}
