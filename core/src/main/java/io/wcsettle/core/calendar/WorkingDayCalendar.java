package io.wcsettle.core.calendar;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
import io.wcsettle.core.error.IoFailureException;
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

    /** A calendar document is refused beyond 16 MiB (about 20,000 years of real schedules; 9999 years fit). */
    public static final int MAX_JSON_BYTES = 16 << 20;

    /** The first year a calendar can hold (the years an ISO {@code yyyy-MM-dd} date names). */
    public static final int MIN_YEAR = 1;

    /** The last year a calendar can hold. */
    public static final int MAX_YEAR = 9999;

    private static final String BUNDLED = "cn-workdays.json";
    private static final String JSON_SOURCE = "calendar JSON";
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
                throw new IoFailureException(BUNDLED, e);
            }
            official = c;
        }
        return c;
    }

    /**
     * A copy of this calendar with the years of a JSON document in the format of
     * {@code cn-workdays.json} ({@code {"years": {"2027": {"rest": [...], "work": [...]}}}}) added
     * or replaced. The stream is read to its end (at most {@link #MAX_JSON_BYTES} bytes, strict
     * UTF-8) and not closed. Year keys are four ASCII digits, 0001..9999; a year object has only
     * {@code rest} and {@code work}, each an array of ISO date strings of that year. Loading is
     * linear in the size of the document.
     *
     * @throws WcsettleException   {@code CALENDAR_DATA_INVALID} for a malformed, contradictory,
     *                             oversized or too deeply nested document
     * @throws IoFailureException  {@code IO_FAILURE} when reading the stream fails
     */
    public WorkingDayCalendar withJson(InputStream json) {
        return withJson(JSON_SOURCE, json);
    }

    /**
     * As {@link #withJson(InputStream)}, reading the file at {@code path}.
     *
     * @throws IoFailureException {@code IO_FAILURE} naming the path when it cannot be read
     */
    public WorkingDayCalendar withJson(Path path) {
        try (InputStream in = Files.newInputStream(path)) {
            return withJson(path.toString(), in);
        } catch (IOException e) {
            throw new IoFailureException(path.toString(), e);
        }
    }

    private WorkingDayCalendar withJson(String source, InputStream json) {
        Object root = MiniJson.parse(readUtf8(source, json));
        Map<?, ?> yearsNode = asMap(asMap(root, "document").get("years"), "years");
        Map<Integer, BitSet> copy = new TreeMap<>(years);
        for (Map.Entry<?, ?> e : yearsNode.entrySet()) {
            int year = yearKey((String) e.getKey());
            Map<?, ?> y = asMap(e.getValue(), "years." + year);
            for (Object key : y.keySet()) {
                if (!"rest".equals(key) && !"work".equals(key)) {
                    throw invalid("years." + year + " has a key other than rest and work");
                }
            }
            copy.put(year, yearBits(year, dates(y, year, "rest"), dates(y, year, "work")));
        }
        return new WorkingDayCalendar(copy);
    }

    /**
     * A copy of this calendar with one year added or replaced.
     *
     * @param year    the year, 1..9999
     * @param rest    official rest days of that year (weekdays off, weekends may be listed too)
     * @param work    make-up working days (must be Saturdays or Sundays)
     * @throws WcsettleException {@code CALENDAR_DATA_INVALID} when the year is out of range, a
     *                           collection or date is missing, a date is outside the year, a
     *                           working day is not a weekend day, or a date is both
     */
    public WorkingDayCalendar withYear(int year, Collection<LocalDate> rest, Collection<LocalDate> work) {
        if (year < MIN_YEAR || year > MAX_YEAR) {
            throw invalid("year " + year + " outside " + MIN_YEAR + ".." + MAX_YEAR);
        }
        if (rest == null || work == null) {
            throw invalid((rest == null ? "rest" : "work") + " days missing for " + year);
        }
        BitSet bits = yearBits(year, rest, work);
        Map<Integer, BitSet> copy = new TreeMap<>(years);
        copy.put(year, bits);
        return new WorkingDayCalendar(copy);
    }

    /** The working-day bits of one year; linear in the number of dates (no list lookups). */
    private static BitSet yearBits(int year, Collection<LocalDate> rest, Collection<LocalDate> work) {
        int length = Year.of(year).length();
        BitSet restBits = new BitSet(length);
        for (LocalDate r : rest) {
            requireYear(r, year);
            restBits.set(r.getDayOfYear() - 1);
        }
        BitSet workBits = new BitSet(length);
        for (LocalDate w : work) {
            requireYear(w, year);
            DayOfWeek d = w.getDayOfWeek();
            if (d != DayOfWeek.SATURDAY && d != DayOfWeek.SUNDAY) {
                throw invalid(w + " is a make-up working day but not a weekend day");
            }
            workBits.set(w.getDayOfYear() - 1);
        }
        if (restBits.intersects(workBits)) {
            BitSet both = (BitSet) restBits.clone();
            both.and(workBits);
            throw invalid(LocalDate.ofYearDay(year, both.nextSetBit(0) + 1) + " is both a rest day and a working day");
        }
        BitSet bits = new BitSet(length);
        LocalDate first = LocalDate.of(year, 1, 1);
        int dow = first.getDayOfWeek().getValue() - 1; // 0 = Monday
        for (int i = 0; i < length; i++) {
            if ((dow + i) % 7 < 5) {
                bits.set(i);
            }
        }
        bits.andNot(restBits);
        bits.or(workBits);
        return bits;
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
        if (date == null) {
            throw invalid("a date of " + year + " is missing");
        }
        if (date.getYear() != year) {
            throw invalid(date + " listed under year " + year);
        }
    }

    /** A year key: exactly four ASCII digits, 0001..9999 (not {@link Integer#parseInt}: no signs, no full-width digits). */
    private static int yearKey(String key) {
        if (key.length() != 4) {
            throw invalid("year key is not four digits");
        }
        int year = 0;
        for (int i = 0; i < 4; i++) {
            char c = key.charAt(i);
            if (c < '0' || c > '9') {
                throw invalid("year key is not four digits");
            }
            year = year * 10 + (c - '0');
        }
        if (year < MIN_YEAR) {
            throw invalid("year " + key + " outside " + MIN_YEAR + ".." + MAX_YEAR);
        }
        return year;
    }

    /** The whole stream as strict UTF-8, refusing more than {@link #MAX_JSON_BYTES}. */
    private static String readUtf8(String source, InputStream in) {
        Objects.requireNonNull(in, "json");
        byte[] bytes;
        try {
            bytes = in.readNBytes(MAX_JSON_BYTES + 1);
        } catch (IOException e) {
            throw new IoFailureException(source, e);
        }
        if (bytes.length > MAX_JSON_BYTES) {
            throw invalid("calendar JSON larger than " + MAX_JSON_BYTES + " bytes");
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw invalid("calendar JSON is not UTF-8");
        }
    }

    private static List<LocalDate> dates(Map<?, ?> yearNode, int year, String name) {
        if (!yearNode.containsKey(name)) {
            return List.of();
        }
        Object node = yearNode.get(name);
        if (!(node instanceof List<?>)) {
            throw invalid("years." + year + "." + name + " is not an array");
        }
        List<LocalDate> out = new java.util.ArrayList<>(((List<?>) node).size());
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
