package io.wcsettle.core.calendar;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Year;
import java.util.BitSet;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

import io.wcsettle.core.error.CoreErrorCode;
import io.wcsettle.core.error.InvalidInputException;
import io.wcsettle.core.error.WcsettleException;

/**
 * Working days (工作日) under the State Council holiday schedule, make-up working weekends
 * (调休) included (R-CAL-1), and deadlines "within n working days of D" (R-CAL-2).
 *
 * <p>A date is a working day iff it is a listed make-up working day, or a Monday to Friday not
 * listed as a rest day. Years are known only when loaded: any computation that needs an
 * unknown year fails with {@code CALENDAR_YEAR_UNKNOWN}; it never guesses.
 *
 * <p>Deadlines that must not stop the work they belong to are computed as values with
 * {@link #deadline(LocalDate, int)}: an explicit {@link Deadline.Unknown} instead of the exception.
 * {@link #coverage()} tells ahead of time which years are missing.
 *
 * <p>Immutable and thread-safe. {@link #chinaOfficial()} is the bundled 2024–2026 schedule; add
 * years with {@link #withYear} or {@link #withJson}; to take a file the integrator drops in at run
 * time, use a {@link ReloadingCalendarSource}.
 */
public final class WorkingDayCalendar {

    private static final String BUNDLED = "cn-workdays.json";
    private static volatile WorkingDayCalendar official;

    /** Per known year: bit (dayOfYear - 1) set when that day is a working day. */
    private final Map<Integer, BitSet> years;

    private WorkingDayCalendar(Map<Integer, BitSet> years) {
        this.years = Collections.unmodifiableMap(years);
    }

    /** A calendar that knows no year at all; add years with {@link #withYear}. */
    public static WorkingDayCalendar empty() {
        return new WorkingDayCalendar(new TreeMap<>());
    }

    /** The official schedule bundled with the SDK (a copy of {@code shared/calendar/cn-workdays.json}). */
    public static WorkingDayCalendar chinaOfficial() {
        WorkingDayCalendar c = official;
        if (c == null) {
            try (InputStream in = WorkingDayCalendar.class.getResourceAsStream(BUNDLED)) {
                if (in == null) {
                    throw new IllegalStateException("bundled calendar resource missing: " + BUNDLED);
                }
                c = empty().withJson(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            official = c;
        }
        return c;
    }

    /**
     * A copy of this calendar with the years of a JSON document in the format of
     * {@code cn-workdays.json} ({@code {"years": {"2027": {"rest": [...], "work": [...]}}}}) added
     * or replaced.
     *
     * @throws WcsettleException {@code CALENDAR_DATA_INVALID} for a malformed document
     */
    public WorkingDayCalendar withJson(InputStream json) throws IOException {
        Object root = MiniJson.parse(new String(json.readAllBytes(), StandardCharsets.UTF_8));
        Map<?, ?> yearsNode = asMap(asMap(root, "document").get("years"), "years");
        WorkingDayCalendar result = this;
        for (Map.Entry<?, ?> e : yearsNode.entrySet()) {
            int year;
            try {
                year = Integer.parseInt((String) e.getKey());
            } catch (NumberFormatException ex) {
                throw invalid("year key is not a number");
            }
            Map<?, ?> y = asMap(e.getValue(), "years." + year);
            result = result.withYear(year, dates(y.get("rest"), year, "rest"), dates(y.get("work"), year, "work"));
        }
        return result;
    }

    /**
     * A copy of this calendar with one year added or replaced.
     *
     * @param year    the year
     * @param rest    official rest days of that year (weekdays off, weekends may be listed too)
     * @param work    make-up working days (must be Saturdays or Sundays)
     * @throws WcsettleException {@code CALENDAR_DATA_INVALID} when a date is outside the year,
     *                           a working day is not a weekend day, or a date is both
     */
    public WorkingDayCalendar withYear(int year, Collection<LocalDate> rest, Collection<LocalDate> work) {
        int length = Year.of(year).length();
        BitSet bits = new BitSet(length);
        LocalDate first = LocalDate.of(year, 1, 1);
        for (int i = 0; i < length; i++) {
            DayOfWeek d = first.plusDays(i).getDayOfWeek();
            if (d != DayOfWeek.SATURDAY && d != DayOfWeek.SUNDAY) {
                bits.set(i);
            }
        }
        for (LocalDate r : rest) {
            requireYear(r, year);
            if (work.contains(r)) {
                throw invalid(r + " is both a rest day and a working day");
            }
            bits.clear(r.getDayOfYear() - 1);
        }
        for (LocalDate w : work) {
            requireYear(w, year);
            DayOfWeek d = w.getDayOfWeek();
            if (d != DayOfWeek.SATURDAY && d != DayOfWeek.SUNDAY) {
                throw invalid(w + " is a make-up working day but not a weekend day");
            }
            bits.set(w.getDayOfYear() - 1);
        }
        Map<Integer, BitSet> copy = new TreeMap<>(years);
        copy.put(year, bits);
        return new WorkingDayCalendar(copy);
    }

    /** The years this calendar knows, ascending. */
    public SortedSet<Integer> knownYears() {
        return Collections.unmodifiableSortedSet(new TreeSet<>(years.keySet()));
    }

    /**
     * R-CAL-1: whether {@code date} is a working day.
     *
     * @throws WcsettleException {@code CALENDAR_YEAR_UNKNOWN} when the year has no data
     */
    public boolean isWorkingDay(LocalDate date) {
        BitSet bits = years.get(date.getYear());
        if (bits == null) {
            throw new WcsettleException(CoreErrorCode.CALENDAR_YEAR_UNKNOWN, "date",
                    "no working-day data for " + date.getYear() + "; load it with withYear/withJson");
        }
        return bits.get(date.getDayOfYear() - 1);
    }

    /**
     * R-CAL-2: the {@code days}-th working day after {@code date}, {@code date} itself not
     * counted; {@code days = 0} gives {@code date}.
     *
     * @throws InvalidInputException {@code INVALID_DAYS} for a negative count
     * @throws WcsettleException    {@code CALENDAR_YEAR_UNKNOWN} when a year on the way has no data
     */
    public LocalDate addWorkingDays(LocalDate date, int days) {
        Objects.requireNonNull(date, "date");
        if (days < 0) {
            throw new InvalidInputException(CoreErrorCode.INVALID_DAYS, "days", "negative working-day count");
        }
        LocalDate d = date;
        int left = days;
        while (left > 0) {
            d = d.plusDays(1);
            if (isWorkingDay(d)) {
                left--;
            }
        }
        return d;
    }

    /**
     * R-CAL-2 as a value: the {@code days}-th working day after {@code date}, or an explicit
     * {@link Deadline.Unknown} naming the first year on the way without data. Never throws for a
     * missing year and never guesses.
     *
     * @throws InvalidInputException {@code INVALID_DAYS} for a negative count
     */
    public Deadline deadline(LocalDate date, int days) {
        Objects.requireNonNull(date, "date");
        if (days < 0) {
            throw new InvalidInputException(CoreErrorCode.INVALID_DAYS, "days", "negative working-day count");
        }
        LocalDate d = date;
        int left = days;
        while (left > 0) {
            d = d.plusDays(1);
            BitSet bits = years.get(d.getYear());
            if (bits == null) {
                return new Deadline.Unknown(date, days, d.getYear());
            }
            if (bits.get(d.getDayOfYear() - 1)) {
                left--;
            }
        }
        return new Deadline.Known(date, days, d);
    }

    /** {@code deadline} computed again on this calendar: an unknown one becomes known once its years are loaded. */
    public Deadline resolve(Deadline deadline) {
        return deadline.isKnown() ? deadline : deadline(deadline.from(), deadline.workingDays());
    }

    /** Which years this calendar has data for, and which it lacks ahead of a day. */
    public CalendarCoverage coverage() {
        return new CalendarCoverage(knownYears());
    }

    private static void requireYear(LocalDate date, int year) {
        if (date.getYear() != year) {
            throw invalid(date + " listed under year " + year);
        }
    }

    private static List<LocalDate> dates(Object node, int year, String name) {
        if (node == null) {
            return List.of();
        }
        if (!(node instanceof List<?>)) {
            throw invalid("years." + year + "." + name + " is not an array");
        }
        List<LocalDate> out = new java.util.ArrayList<>();
        for (Object o : (List<?>) node) {
            if (!(o instanceof String)) {
                throw invalid("years." + year + "." + name + " holds a non-string");
            }
            try {
                out.add(IsoDate.parse("years." + year + "." + name, (String) o));
            } catch (InvalidInputException e) {
                throw invalid("years." + year + "." + name + " holds a bad date");
            }
        }
        return out;
    }

    private static Map<?, ?> asMap(Object node, String name) {
        if (!(node instanceof Map<?, ?>)) {
            throw invalid(name + " is not an object");
        }
        return (Map<?, ?>) node;
    }

    private static WcsettleException invalid(String message) {
        return new WcsettleException(CoreErrorCode.CALENDAR_DATA_INVALID, null, message);
    }
}
