package io.wcsettle.core.clearing;

import java.time.LocalDate;
import java.util.Objects;

/**
 * R-CLR-8 (IM Art. 42): a year's costs are cleared by Q1 of the next year, so a cost of year Y
 * belongs in a clearing period generated no later than March 21 of Y + 1. Late records are still
 * cleared (in the period they fall in) but reported.
 */
public final class YearBound {

    private YearBound() {
    }

    /** The last period that may clear a cost incurred on {@code costOn}: Q1 of the next year. */
    public static Quarter lastPeriodFor(LocalDate costOn) {
        return Quarter.of(Objects.requireNonNull(costOn, "costOn").getYear() + 1, 1);
    }

    /** Whether clearing a cost of {@code costOn} in {@code period} misses the bound. */
    public static boolean misses(LocalDate costOn, Quarter period) {
        return period.compareTo(lastPeriodFor(costOn)) > 0;
    }
}
