package io.wcsettle.benchmarks;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import io.wcsettle.core.catalogue.Catalogue;
import io.wcsettle.core.filing.Filing;
import io.wcsettle.core.filing.FilingScope;
import io.wcsettle.core.filing.FilingType;
import io.wcsettle.core.money.Quantity;
import io.wcsettle.core.money.UnitPrice;
import io.wcsettle.core.policy.RegionalPolicies;
import io.wcsettle.core.region.Admdvs;
import io.wcsettle.core.settlement.Bill;
import io.wcsettle.core.settlement.BillLine;
import io.wcsettle.core.settlement.Institution;
import io.wcsettle.core.settlement.LineCategory;
import io.wcsettle.core.settlement.ReviewFlag;
import io.wcsettle.core.settlement.SettlementEngine;
import io.wcsettle.core.settlement.SettlementResult;
import io.wcsettle.core.settlement.Stay;
import io.wcsettle.core.settlement.StayKind;
import io.wcsettle.core.settlement.WorkerStatus;

/**
 * Settlement engine speed (issue 4): a 60,000-entry treatment catalogue (a fifth of it with two
 * dated versions), a 500-entry device catalogue, and realistic bills — mostly drugs and items in
 * the catalogue, some over the maximum price, some outside it, meals, review flags, returns.
 *
 * <p>Goals: {@code linesThroughput} ≥ 5,000,000 lines/s on one thread (ops/s counts lines), and
 * {@code settle2000LineBill} p99 ≤ 1 ms in SampleTime. Run:
 * {@code java -jar benchmarks/target/benchmarks.jar SettlementBenchmark -f 1 -wi 3 -i 5 -t 1}.
 */
@State(Scope.Benchmark)
public class SettlementBenchmark {

    static final int CATALOGUE_SIZE = 60_000;
    static final int BILLS = 64;
    static final int LINES_PER_BILL = 200;

    private SettlementEngine engine;
    private Bill[] bills;
    private Bill bill2000;
    private List<BillLine> lines2000;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        SplittableRandom random = new SplittableRandom(42);
        LocalDate y2024 = LocalDate.of(2024, 1, 1);
        LocalDate y2025 = LocalDate.of(2025, 1, 1);
        Catalogue.Builder treatment = Catalogue.builder();
        for (int i = 0; i < CATALOGUE_SIZE; i++) {
            String code = code(i);
            UnitPrice max = i % 3 == 0 ? UnitPrice.ofFen(1_000 + random.nextInt(50_000)) : null;
            if (i % 5 == 0) {
                treatment.add(code, y2024, y2025.minusDays(1), max);
                treatment.add(code, y2025, null, max == null ? null : UnitPrice.ofFen(max.micros() / 10_000 + 500));
            } else {
                treatment.add(code, y2024, null, max);
            }
        }
        Catalogue.Builder devices = Catalogue.builder();
        for (int i = 0; i < 500; i++) {
            devices.add("D" + i, y2024, null, UnitPrice.ofFen(50_000 + random.nextInt(300_000)));
        }
        engine = new SettlementEngine(RegionalPolicies.BEIJING, treatment.build(), devices.build());
        bills = new Bill[BILLS];
        for (int b = 0; b < BILLS; b++) {
            bills[b] = bill(random, LINES_PER_BILL);
        }
        bill2000 = bill(random, 2_000);
        lines2000 = bill2000.lines();
    }

    /** Codes as a HIS sends them: fresh strings, not the catalogue's own instances. */
    private static String code(int i) {
        return "XB" + (1_000_000 + i * 7);
    }

    private static Bill bill(SplittableRandom random, int n) {
        LocalDate admitted = LocalDate.of(2025, 10, 1);
        LocalDate discharged = admitted.plusDays(20);
        List<BillLine> lines = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int kind = random.nextInt(100);
            LocalDate day = admitted.plusDays(random.nextInt(21));
            String id = Integer.toString(i);
            if (kind < 3 && i > 0) { // return part of an earlier ordinary line
                BillLine original = lines.get(random.nextInt(i));
                if (!original.isReturn() && original.quantity().tenThousandths() >= 20_000
                        && !returnedAlready(lines, original.id())) {
                    lines.add(BillLine.of(id, original.code(), original.category(), original.serviceDate(),
                            original.price(), Quantity.of(-1), null, Set.of(), original.id()));
                    continue;
                }
            }
            LineCategory category;
            String code;
            if (kind < 6) {
                category = LineCategory.MEAL;
                code = "MEAL01";
            } else if (kind < 8) {
                category = LineCategory.DEVICE;
                code = "D" + random.nextInt(600);
            } else if (kind < 12) {
                category = LineCategory.DRUG;
                code = "ZZ" + random.nextInt(1_000_000); // not in the catalogue
            } else {
                category = kind < 60 ? LineCategory.DRUG : kind < 85 ? LineCategory.ITEM : LineCategory.SERVICE;
                code = new String(code(random.nextInt(CATALOGUE_SIZE)).toCharArray());
            }
            Set<ReviewFlag> flags = kind == 50 ? Set.of(ReviewFlag.NON_WORK_INJURY)
                    : kind == 51 ? Set.of(ReviewFlag.CLINICAL_NORM_VIOLATION) : Set.of();
            UnitPrice price = new UnitPrice(10_000L * (100 + random.nextInt(60_000)) + random.nextInt(10_000));
            Quantity quantity = new Quantity(10_000L * (1 + random.nextInt(10)) + (random.nextInt(4) == 0 ? 5_000 : 0));
            lines.add(BillLine.of(id, code, category, day, price, quantity, null, flags, null));
        }
        Filing filing = Filing.of(RegionalPolicies.BEIJING, FilingType.LONG_TERM_RESIDENCE, FilingScope.MEDICAL,
                new Admdvs("110105"), new Admdvs("430100"), LocalDate.of(2025, 6, 1));
        return new Bill(Optional.of(filing), WorkerStatus.GOOD_STANDING,
                new Institution("H43010200001", new Admdvs("430102"), true, false),
                new Stay(StayKind.INPATIENT_MEDICAL, admitted, discharged, false, false), lines);
    }

    private static boolean returnedAlready(List<BillLine> lines, String id) {
        for (BillLine l : lines) {
            if (l.returnOf().isPresent() && l.returnOf().get().equals(id)) {
                return true;
            }
        }
        return false;
    }

    /** Throughput in lines per second: each invocation settles one 200-line bill. */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @OperationsPerInvocation(LINES_PER_BILL)
    public SettlementResult linesThroughput() {
        Bill b = bills[next];
        next = (next + 1) & (BILLS - 1);
        return engine.settle(b);
    }

    /** Latency of settling one prepared (already checked) 2,000-line bill. */
    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public SettlementResult settle2000LineBill() {
        return engine.settle(bill2000);
    }

    /** Latency of checking (ids, dates, returns) and settling a 2,000-line bill from its lines. */
    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public SettlementResult checkAndSettle2000LineBill() {
        return engine.settle(bill2000.withLines(lines2000));
    }
}
