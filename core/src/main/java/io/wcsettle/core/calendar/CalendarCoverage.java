package io.wcsettle.core.calendar;

import java.time.LocalDate;
import java.time.Period;
import java.util.Collections;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Which years a working-day calendar has data for (R-CAL-1), so an integrator learns ahead of time
 * that next year's State Council schedule is missing (the bundled data ends with 2026; the schedule
 * is usually published in the last weeks of the year before).
 *
 * @param knownYears the years with data, ascending
 */
public record CalendarCoverage(SortedSet<Integer> knownYears) {

    /** The default look-ahead of {@link #missingYearsAhead(LocalDate)}: 90 days, i.e. from early October. */
    public static final Period DEFAULT_HORIZON = Period.ofDays(90);

    /** Copies the set. */
    public CalendarCoverage {
        knownYears = Collections.unmodifiableSortedSet(new TreeSet<>(Objects.requireNonNull(knownYears, "knownYears")));
    }

    /** Whether {@code year} has data. */
    public boolean covers(int year) {
        return knownYears.contains(year);
    }

    /**
     * The years from {@code today}'s through {@code today + horizon}'s that have no data: empty when
     * deadlines counted within the horizon can all be computed. A deadline of n working days from a
     * day within the horizon may still reach a little beyond it; choose the horizon with margin.
     */
    public SortedSet<Integer> missingYearsAhead(LocalDate today, Period horizon) {
        Objects.requireNonNull(today, "today");
        Objects.requireNonNull(horizon, "horizon");
        LocalDate end = today.plus(horizon);
        if (end.isBefore(today)) {
            throw new IllegalArgumentException("horizon must not be negative");
        }
        SortedSet<Integer> missing = new TreeSet<>();
        for (int y = today.getYear(); y <= end.getYear(); y++) {
            if (!knownYears.contains(y)) {
                missing.add(y);
            }
        }
        return Collections.unmodifiableSortedSet(missing);
    }

    /** {@link #missingYearsAhead(LocalDate, Period)} with {@link #DEFAULT_HORIZON}. */
    public SortedSet<Integer> missingYearsAhead(LocalDate today) {
        return missingYearsAhead(today, DEFAULT_HORIZON);
    }
}
