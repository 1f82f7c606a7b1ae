package io.wcsettle.core.calendar;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import io.wcsettle.core.error.CoreErrorCode;
import io.wcsettle.core.error.InvalidInputException;
import io.wcsettle.core.error.WcsettleException;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class WorkingDayCalendarTest {

    private final WorkingDayCalendar calendar = WorkingDayCalendar.chinaOfficial();

    @Test
    @DisplayName("R-CAL-1: the bundled calendar is a byte-for-byte copy of shared/calendar/cn-workdays.json")
    void bundledCopy_equalsSharedFile() throws IOException {
        Path shared = findShared();
        assumeTrue(shared != null, "shared/calendar/cn-workdays.json not found beside the checkout: copy check skipped");
        byte[] bundled;
        try (InputStream in = WorkingDayCalendar.class.getResourceAsStream("cn-workdays.json")) {
            bundled = in.readAllBytes();
        }
        assertArrayEquals(Files.readAllBytes(shared), bundled,
                "core/src/main/resources/io/wcsettle/core/calendar/cn-workdays.json differs from " + shared);
    }

    @Test
    @DisplayName("R-CAL-1: make-up Saturdays work, holiday weekdays rest")
    void officialSchedule() {
        assertTrue(calendar.isWorkingDay(LocalDate.of(2026, 2, 14)));   // make-up Saturday
        assertFalse(calendar.isWorkingDay(LocalDate.of(2025, 5, 5)));   // Labour Day Monday
        assertTrue(calendar.isWorkingDay(LocalDate.of(2025, 10, 11)));  // make-up Saturday
        assertFalse(calendar.isWorkingDay(LocalDate.of(2025, 10, 12))); // plain Sunday
        assertTrue(calendar.isWorkingDay(LocalDate.of(2025, 10, 9)));
        assertEquals(Set.of(2024, 2025, 2026), calendar.knownYears());
    }

    @Test
    @DisplayName("R-CAL-2: 5 working days after 2025-09-30 is 2025-10-14, across National Day and a make-up Saturday")
    void addWorkingDays_acrossNationalDay() {
        assertEquals(LocalDate.of(2025, 10, 14), calendar.addWorkingDays(LocalDate.of(2025, 9, 30), 5));
        assertEquals(LocalDate.of(2025, 9, 30), calendar.addWorkingDays(LocalDate.of(2025, 9, 30), 0));
    }

    @Test
    @DisplayName("R-CAL-1: a year without data is CALENDAR_YEAR_UNKNOWN, never a guess")
    void unknownYear_isTypedError() {
        WcsettleException e = assertThrows(WcsettleException.class,
                () -> calendar.addWorkingDays(LocalDate.of(2026, 12, 28), 5));
        assertEquals(CoreErrorCode.CALENDAR_YEAR_UNKNOWN, e.errorCode());
        assertThrows(WcsettleException.class, () -> calendar.isWorkingDay(LocalDate.of(2023, 12, 31)));
    }

    @Test
    @DisplayName("R-CAL-2: a negative day count is INVALID_DAYS")
    void negativeDays_isInvalidDays() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> calendar.addWorkingDays(LocalDate.of(2025, 1, 2), -1));
        assertEquals(CoreErrorCode.INVALID_DAYS, e.errorCode());
    }

    @Test
    @DisplayName("R-CAL-1: the caller can load further years")
    void callerLoadsFurtherYears() throws IOException {
        String json = "{\"years\": {\"2027\": {\"rest\": [\"2027-01-01\"], \"work\": [\"2027-01-02\"]}}}";
        WorkingDayCalendar extended = calendar.withJson(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
        assertEquals(LocalDate.of(2027, 1, 4), extended.addWorkingDays(LocalDate.of(2026, 12, 31), 2));
        assertFalse(extended.isWorkingDay(LocalDate.of(2027, 1, 1)));
        assertTrue(extended.isWorkingDay(LocalDate.of(2027, 1, 2)));
        // the original is unchanged
        assertThrows(WcsettleException.class, () -> calendar.isWorkingDay(LocalDate.of(2027, 1, 4)));
    }

    @Test
    @DisplayName("R-CAL-1: contradictory or malformed calendar data is CALENDAR_DATA_INVALID")
    void badData_isRefused() {
        assertCode(() -> WorkingDayCalendar.empty().withYear(2027, List.of(LocalDate.of(2027, 1, 2)),
                List.of(LocalDate.of(2027, 1, 2))));
        assertCode(() -> WorkingDayCalendar.empty().withYear(2027, List.of(), List.of(LocalDate.of(2027, 1, 4))));
        assertCode(() -> WorkingDayCalendar.empty().withYear(2027, List.of(LocalDate.of(2028, 1, 3)), List.of()));
        assertCode(() -> WorkingDayCalendar.empty().withJson(new ByteArrayInputStream("{\"years\": [".getBytes(StandardCharsets.UTF_8))));
        assertCode(() -> WorkingDayCalendar.empty().withJson(new ByteArrayInputStream(
                "{\"years\": {\"2027\": {\"rest\": [\"2027-13-01\"]}}}".getBytes(StandardCharsets.UTF_8))));
    }

    @Property
    @Label("R-CAL-2: addWorkingDays(d, a + b) == addWorkingDays(addWorkingDays(d, a), b)")
    void addWorkingDays_composes(@ForAll @IntRange(min = 0, max = 900) int offset,
                                 @ForAll @IntRange(min = 0, max = 60) int a,
                                 @ForAll @IntRange(min = 0, max = 60) int b) {
        LocalDate d = LocalDate.of(2024, 1, 1).plusDays(offset);
        assertEquals(calendar.addWorkingDays(d, a + b), calendar.addWorkingDays(calendar.addWorkingDays(d, a), b));
    }

    @Property
    @Label("R-CAL-2: the deadline is a working day after D, and exactly n working days lie in (D, deadline]")
    void addWorkingDays_countsExactly(@ForAll @IntRange(min = 0, max = 900) int offset,
                                      @ForAll @IntRange(min = 1, max = 30) int n) {
        LocalDate d = LocalDate.of(2024, 1, 1).plusDays(offset);
        LocalDate due = calendar.addWorkingDays(d, n);
        assertTrue(calendar.isWorkingDay(due));
        int count = 0;
        for (LocalDate x = d.plusDays(1); !x.isAfter(due); x = x.plusDays(1)) {
            if (calendar.isWorkingDay(x)) {
                count++;
            }
        }
        assertEquals(n, count);
    }

    private static void assertCode(org.junit.jupiter.api.function.Executable e) {
        WcsettleException ex = assertThrows(WcsettleException.class, e);
        assertEquals(CoreErrorCode.CALENDAR_DATA_INVALID, ex.errorCode());
    }

    private static Path findShared() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared/calendar/cn-workdays.json");
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        return null;
    }
}
