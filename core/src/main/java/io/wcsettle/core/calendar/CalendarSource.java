package io.wcsettle.core.calendar;

import java.util.Objects;

/**
 * Where the working-day calendar comes from at the moment it is needed, so it can be updated at run
 * time (R-CAL-1: "other years must be loaded") without restarting: a fixed calendar, or a
 * {@link ReloadingCalendarSource} that takes a file the integrator drops in. Implementations are
 * thread-safe and never throw from {@link #current()}.
 */
@FunctionalInterface
public interface CalendarSource {

    /** The calendar to use now. */
    WorkingDayCalendar current();

    /** The coverage of {@link #current()}. */
    default CalendarCoverage coverage() {
        return current().coverage();
    }

    /** A source that always gives {@code calendar}. */
    static CalendarSource fixed(WorkingDayCalendar calendar) {
        Objects.requireNonNull(calendar, "calendar");
        return () -> calendar;
    }
}
