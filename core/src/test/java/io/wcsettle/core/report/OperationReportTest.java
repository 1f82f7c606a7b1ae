package io.wcsettle.core.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import io.wcsettle.core.clearing.ClearingRecord;
import io.wcsettle.core.clearing.ClearingTables;
import io.wcsettle.core.clearing.ProvincePair;
import io.wcsettle.core.clearing.Quarter;
import io.wcsettle.core.money.Fen;
import io.wcsettle.core.monthly.StatementTotals;
import io.wcsettle.core.prepayment.UsageLevel;
import io.wcsettle.core.region.Admdvs;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class OperationReportTest {

    static final String[] P = {"110000", "150000", "430000", "440000"};

    @Provide
    Arbitrary<List<ClearingRecord>> records() {
        return Combinators.combine(Arbitraries.integers().between(0, 3), Arbitraries.integers().between(0, 3),
                Arbitraries.integers().between(0, 360), Arbitraries.longs().between(0, 5_000_000))
                .as((i, t, d, f) -> i.equals(t) ? null : new ClearingRecord(null, new Admdvs(P[i]), new Admdvs(P[t]), "H",
                        LocalDate.of(2024, 12, 21).plusDays(d), Fen.of(f), Fen.of(f / 10)))
                .filter(r -> r != null).list().ofMaxSize(60);
    }

    @Property(tries = 200)
    @Label("R-REP-1, R-CLR-5: the report's pairs add up to the quarters' tables; the months to the statements")
    void figuresAddUp(@ForAll("records") List<ClearingRecord> records) {
        OperationReport.Builder b = OperationReport.builder(ReportPeriod.year(2025));
        Fen tables = Fen.ZERO;
        for (int q = 1; q <= 4; q++) {
            Quarter quarter = Quarter.of(2025, q);
            List<ClearingRecord> in = new ArrayList<>();
            for (ClearingRecord r : records) {
                if (Quarter.containing(r.confirmedOn()).equals(quarter)) {
                    in.add(r);
                }
            }
            ClearingTables t = ClearingTables.of(in);
            tables = tables.plus(t.totalPayable());
            b.clearing(quarter, t);
        }
        b.clearing(Quarter.of(2026, 1), ClearingTables.of(records)); // outside the period: ignored
        StatementTotals month = new StatementTotals(3, Fen.of(1000), Fen.of(900), Fen.of(45));
        b.statement(YearMonth.of(2025, 3), "H1", month).statement(YearMonth.of(2025, 3), "H2", month)
                .statement(YearMonth.of(2026, 1), "H1", month);
        OperationReport r = b.build();
        assertEquals(tables, r.totalPayable());
        assertEquals(12, r.monthly().size());
        assertEquals(month.plus(month), r.monthlyTotal());
        assertEquals(new BigDecimal("5.00"), r.institutions().get(0).deductionPercent());
    }

    @Test
    @DisplayName("R-REP-1, R-PRE-5: usage per quarter and pair from the exact ratio; a quarter's months")
    void usage() {
        ClearingRecord r = new ClearingRecord("1", new Admdvs("110105"), new Admdvs("430102"), "H", LocalDate.of(2025, 11, 1),
                Fen.of(80_000), Fen.ZERO);
        ProvincePair pair = new ProvincePair(new Admdvs("110000"), new Admdvs("430000"));
        OperationReport rep = OperationReport.builder(ReportPeriod.quarter(Quarter.of(2025, 4)))
                .clearing(Quarter.of(2025, 4), ClearingTables.of(List.of(r))).quota(pair, Fen.of(100_000))
                .overdueUploads("H", 3).overdueUploads("H2", 0).build();
        assertEquals(UsageLevel.RED, rep.usage().get(0).rate().level());
        assertEquals("80.00", rep.usage().get(0).rate().percentText());
        assertEquals(List.of(YearMonth.of(2025, 10), YearMonth.of(2025, 11), YearMonth.of(2025, 12)), rep.period().months());
        assertEquals(3, rep.overdueUploads());
        assertEquals(1, rep.overdue().size());
        assertEquals(List.of(new Admdvs("110000"), new Admdvs("430000")), rep.provinces());
    }
}
