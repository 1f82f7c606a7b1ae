package io.wcsettle.core.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Year;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import io.wcsettle.core.calendar.WorkingDayCalendar;
import io.wcsettle.core.error.CoreErrorCode;
import io.wcsettle.core.error.WcsettleException;

/**
 * R-CAL-1: calendar JSON documents of the {@code cn-workdays.json} format. Structured documents
 * (valid ones and ones with exactly known faults: bad or out-of-range year keys, dates outside
 * their year, make-up days on weekdays, a day both rest and work, wrong JSON types, unknown keys,
 * duplicate keys) are judged against a reference model of the working days; mutated and deeply
 * nested documents must be accepted or {@code CALENDAR_DATA_INVALID}, never a
 * {@code StackOverflowError}, {@code DateTimeException} or hang.
 */
class CalendarJsonFuzzTest {

    /** A generated document and, when unmutated, what the reference says about it. */
    record Doc(byte[] bytes, boolean structured, boolean valid, Map<Integer, boolean[]> working) {
        @Override
        public String toString() {
            return Fuzz.render(bytes);
        }
    }

    private static final class Builder {
        final SplittableRandom r;
        final StringBuilder json = new StringBuilder();
        boolean valid = true;
        final Map<Integer, boolean[]> working = new LinkedHashMap<>();
        boolean faults = true;

        Builder(SplittableRandom r) {
            this.r = r;
        }

        String ws() {
            return switch (r.nextInt(6)) {
                case 0 -> " ";
                case 1 -> "\n  ";
                case 2 -> "\t";
                case 3 -> "\r\n";
                default -> "";
            };
        }

        /** {@code percent} of the time a fault is written; the document is then known to be invalid. */
        boolean fault(int percent) {
            boolean f = faults && r.nextInt(100) < percent;
            if (f) {
                valid = false;
            }
            return f;
        }

        Doc build(boolean large) {
            json.append('{').append(ws());
            if (r.nextBoolean()) {
                json.append("\"description\":").append(ws()).append("\"生成 \\u5de5\\\"x\\\"\",").append(ws());
            }
            json.append("\"years\":").append(ws()).append('{');
            faults = !large;
            int n = large ? 200 + r.nextInt(800) : r.nextInt(5);
            Set<Integer> used = new HashSet<>();
            int base = 1 + r.nextInt(9999 - n);
            for (int i = 0; i < n; i++) {
                if (i > 0) {
                    json.append(',').append(ws());
                }
                int year = large ? base + i : 1 + r.nextInt(9999);
                if (!large && fault(2)) {
                    json.append('"').append(Mutate.pick(r, new String[] {"0000", "10000", "1000000000", "+2025", "２０２５",
                        "202", " 2025", "-001", "2025.0", "", "20x5"})).append("\":{}");
                    continue;
                }
                if (!used.add(year)) {
                    valid = false; // a duplicate key
                }
                json.append('"').append(year < 10 ? "000" : year < 100 ? "00" : year < 1000 ? "0" : "").append(year)
                        .append("\":").append(ws());
                year(year);
            }
            json.append('}').append(ws()).append('}');
            return new Doc(json.toString().getBytes(StandardCharsets.UTF_8), true, valid, working);
        }

        void year(int year) {
            if (fault(2)) {
                json.append(Mutate.pick(r, new String[] {"[]", "null", "1", "\"2025\"", "true"}));
                return;
            }
            int length = Year.of(year).length();
            LocalDate first = LocalDate.of(year, 1, 1);
            Set<LocalDate> work = new HashSet<>();
            Set<LocalDate> rest = new HashSet<>();
            boolean withRest = r.nextInt(10) > 0;
            boolean withWork = r.nextInt(10) > 0;
            String workJson = withWork ? dates(year, first, length, work, Set.of(), true) : null;
            String restJson = withRest ? dates(year, first, length, rest, work, false) : null;
            json.append('{').append(ws());
            boolean comma = false;
            if (withRest) {
                json.append("\"rest\":").append(ws()).append(restJson);
                comma = true;
            }
            if (withWork) {
                json.append(comma ? "," + ws() : "").append("\"work\":").append(ws()).append(workJson);
                comma = true;
            }
            if (fault(2)) {
                json.append(comma ? "," : "").append("\"Rest\":[]");
            }
            json.append('}');
            Set<LocalDate> both = new HashSet<>(rest);
            both.retainAll(work);
            if (!both.isEmpty()) {
                valid = false;
            }
            boolean[] w = new boolean[length];
            int dow = first.getDayOfWeek().getValue(); // 1 = Monday
            for (int d = 0; d < length; d++) {
                w[d] = (dow + d - 1) % 7 < 5;
            }
            rest.forEach(day -> {
                if (day.getYear() == year) {
                    w[day.getDayOfYear() - 1] = false;
                }
            });
            work.forEach(day -> {
                if (day.getYear() == year) {
                    w[day.getDayOfYear() - 1] = true;
                }
            });
            working.put(year, w);
        }

        /** A JSON array of dates of {@code year} (weekend days when {@code weekend}), avoiding {@code avoid} unless a fault is wanted. */
        String dates(int year, LocalDate first, int length, Set<LocalDate> into, Set<LocalDate> avoid, boolean weekend) {
            if (fault(2)) {
                into.add(first); // not really listed, but makes the document known-invalid either way
                return Mutate.pick(r, new String[] {"null", "{}", "\"2025-01-01\"", "7"});
            }
            java.util.List<String> items = new java.util.ArrayList<>();
            int n = r.nextInt(12);
            for (int i = 0; i < n; i++) {
                if (fault(1)) {
                    items.add(Mutate.pick(r, new String[] {"null", "20250101", "\"2025-13-01\"", "\"2025-1-1\"",
                        "\"\"", "[]", "\"１９９９-01-01\""}));
                    continue;
                }
                LocalDate d = first.plusDays(r.nextInt(length));
                if (weekend) {
                    while (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
                        d = d.plusDays(1);
                    }
                    if (d.getYear() != year) {
                        d = d.minusDays(7);
                    }
                    if (fault(1)) {
                        d = d.minusDays(2); // a Thursday or Friday
                    }
                } else if (avoid.contains(d) && !fault(5)) {
                    continue;
                } else if (fault(1)) {
                    d = d.plusYears(r.nextBoolean() ? 1 : -1); // listed under the wrong year
                }
                if (d.getYear() < 1 || d.getYear() > 9999) {
                    d = first;
                    valid = false;
                }
                into.add(d);
                items.add("\"" + d + "\""); // LocalDate.toString is yyyy-MM-dd for years 1..9999
            }
            return "[" + String.join("," + ws(), items) + "]";
        }
    }

    static Doc generate(SplittableRandom r) {
        int k = r.nextInt(1000);
        if (k < 40) { // deep nesting, up to 100,000 levels
            int depth = 1 + r.nextInt(r.nextBoolean() ? 100 : 100_000);
            String open = Mutate.pick(r, new String[] {"[", "{\"a\":", "[{\"years\":"});
            String text = r.nextBoolean() ? open.repeat(depth) : "{\"years\":" + open.repeat(depth) + "1"
                    + "]".repeat(depth) + "}";
            return new Doc(text.getBytes(StandardCharsets.UTF_8), false, false, Map.of());
        }
        Doc doc = new Builder(r).build(k == 40);
        if (k < 500 || doc.bytes().length > 50_000) {
            return doc;
        }
        byte[] bytes = r.nextInt(3) == 0
                ? Mutate.flip(r, doc.bytes())
                : Mutate.string(r, new String(doc.bytes(), StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
        return new Doc(bytes, false, false, Map.of());
    }

    @Test
    @DisplayName("R-CAL-1 fuzz: withJson equals the reference model of working days, or is CALENDAR_DATA_INVALID")
    void withJson() {
        Fuzz.run("WorkingDayCalendar.withJson", Fuzz.tries(1), CalendarJsonFuzzTest::generate,
                doc -> WorkingDayCalendar.empty().withJson(new ByteArrayInputStream(doc.bytes())),
                new Fuzz.Oracle<Doc, WorkingDayCalendar>() {
                    @Override
                    public void accepted(Doc doc, WorkingDayCalendar c) {
                        assertTrue(c.knownYears().isEmpty() || c.knownYears().first() >= 1 && c.knownYears().last() <= 9999,
                                "years within 1..9999");
                        if (!doc.structured()) {
                            return;
                        }
                        assertTrue(doc.valid(), "the reference refuses the document");
                        assertEquals(doc.working().keySet(), c.knownYears(), "known years");
                        for (Map.Entry<Integer, boolean[]> e : doc.working().entrySet()) {
                            boolean[] w = e.getValue();
                            for (int d = 0; d < w.length; d++) {
                                LocalDate day = LocalDate.ofYearDay(e.getKey(), d + 1);
                                assertEquals(w[d], c.isWorkingDay(day), day.toString());
                            }
                        }
                    }

                    @Override
                    public void rejected(Doc doc, WcsettleException e) {
                        assertEquals(CoreErrorCode.CALENDAR_DATA_INVALID, e.errorCode());
                        if (doc.structured()) {
                            assertTrue(!doc.valid(), "the reference accepts the document");
                        }
                    }
                });
    }
}
