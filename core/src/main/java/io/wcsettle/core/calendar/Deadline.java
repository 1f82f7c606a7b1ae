package io.wcsettle.core.calendar;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * A deadline "within n working days of D" (R-CAL-2) as a value that is either known or explicitly
 * unknown because the calendar has no data for a year the count runs through (R-CAL-1, R-UPL-1).
 * An unknown deadline is never guessed and never an exception that stops the work it belongs to
 * (a settlement, an upload); it keeps what is needed to compute it once the year is loaded
 * ({@link WorkingDayCalendar#resolve(Deadline)}).
 */
public sealed interface Deadline permits Deadline.Known, Deadline.Unknown {

    /** The day counted from (not itself counted, R-CAL-2). */
    LocalDate from();

    /** The number of working days. */
    int workingDays();

    /** The last day, when known. */
    Optional<LocalDate> date();

    /** Whether the last day is known. */
    default boolean isKnown() {
        return date().isPresent();
    }

    /**
     * Whether the deadline has passed on {@code today} (not yet on the last day itself); empty when
     * the deadline is unknown, since that cannot be told without the calendar.
     */
    default Optional<Boolean> isOverdueOn(LocalDate today) {
        Objects.requireNonNull(today, "today");
        return date().map(today::isAfter);
    }

    /**
     * A known deadline.
     *
     * @param from        the day counted from
     * @param workingDays the number of working days
     * @param due         the last day
     */
    record Known(LocalDate from, int workingDays, LocalDate due) implements Deadline {
        /** Rejects nulls. */
        public Known {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(due, "due");
        }

        @Override
        public Optional<LocalDate> date() {
            return Optional.of(due);
        }
    }

    /**
     * A deadline the calendar cannot compute yet.
     *
     * @param from        the day counted from
     * @param workingDays the number of working days
     * @param missingYear the first year the count needs and the calendar has no data for
     */
    record Unknown(LocalDate from, int workingDays, int missingYear) implements Deadline {
        /** Rejects nulls. */
        public Unknown {
            Objects.requireNonNull(from, "from");
        }

        @Override
        public Optional<LocalDate> date() {
            return Optional.empty();
        }
    }
}
