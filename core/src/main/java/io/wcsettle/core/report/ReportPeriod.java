package io.wcsettle.core.report;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import io.wcsettle.core.clearing.Quarter;

/**
 * The period an operation report covers (R-REP-1): one clearing quarter, or a year of four. The
 * clearing figures are those of the quarters' periods (R-CLR-2); the monthly figures those of the
 * calendar months settled in the quarter or year.
 *
 * @param label    e.g. {@code 2025Q4} or {@code 2025}
 * @param quarters the clearing quarters, in order
 * @param months   the settlement months, in order
 */
public record ReportPeriod(String label, List<Quarter> quarters, List<YearMonth> months) {

    /** Copies the lists. */
    public ReportPeriod {
        Objects.requireNonNull(label, "label");
        quarters = List.copyOf(quarters);
        months = List.copyOf(months);
    }

    /** One quarter and its three months. */
    public static ReportPeriod quarter(Quarter q) {
        List<YearMonth> months = new ArrayList<>();
        for (int m = q.lastMonth() - 2; m <= q.lastMonth(); m++) {
            months.add(YearMonth.of(q.year(), m));
        }
        return new ReportPeriod(q.toString(), List.of(q), months);
    }

    /** A year: its four quarters and twelve months. */
    public static ReportPeriod year(int year) {
        List<Quarter> quarters = new ArrayList<>();
        List<YearMonth> months = new ArrayList<>();
        for (int q = 1; q <= 4; q++) {
            quarters.add(Quarter.of(year, q));
        }
        for (int m = 1; m <= 12; m++) {
            months.add(YearMonth.of(year, m));
        }
        return new ReportPeriod(Integer.toString(year), quarters, months);
    }
}
