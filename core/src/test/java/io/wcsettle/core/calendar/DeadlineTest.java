package io.wcsettle.core.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import io.wcsettle.core.error.WcsettleException;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class DeadlineTest {

    private static final WorkingDayCalendar OFFICIAL = WorkingDayCalendar.chinaOfficial();

    static WorkingDayCalendar with2027() throws IOException {
        String json = "{\"years\":{\"2027\":{\"rest\":[\"2027-01-01\"],\"work\":[]}}}";
        return OFFICIAL.withJson(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    @DisplayName("R-UPL-1, R-CAL-1: a deadline that needs a year without data is an explicit unknown, never an exception")
    void missingYear_isUnknown() throws IOException {
        Deadline d = OFFICIAL.deadline(LocalDate.of(2026, 12, 28), 5);
        assertFalse(d.isKnown());
        assertEquals(new Deadline.Unknown(LocalDate.of(2026, 12, 28), 5, 2027), d);
        assertEquals(Optional.empty(), d.isOverdueOn(LocalDate.of(2027, 3, 1)), "cannot tell without the calendar");
        Deadline resolved = with2027().resolve(d);
        assertEquals(Optional.of(LocalDate.of(2027, 1, 5)), resolved.date());
        assertEquals(Optional.of(true), resolved.isOverdueOn(LocalDate.of(2027, 1, 6)));
        assertEquals(Optional.of(false), resolved.isOverdueOn(LocalDate.of(2027, 1, 5)));
        assertEquals(resolved, with2027().resolve(resolved));
    }

    @Property
    @Label("R-CAL-2: a known deadline is the date addWorkingDays gives; unknown exactly where it would throw")
    void deadline_agreesWithAddWorkingDays(@ForAll @IntRange(min = 0, max = 1500) int offset,
                                           @ForAll @IntRange(min = 0, max = 30) int days) {
        LocalDate from = LocalDate.of(2023, 10, 1).plusDays(offset);
        Deadline d = OFFICIAL.deadline(from, days);
        try {
            LocalDate due = OFFICIAL.addWorkingDays(from, days);
            assertEquals(Optional.of(due), d.date());
        } catch (WcsettleException e) {
            assertEquals("CALENDAR_YEAR_UNKNOWN", e.code());
            assertFalse(d.isKnown());
            assertFalse(OFFICIAL.knownYears().contains(((Deadline.Unknown) d).missingYear()));
        }
    }

    @Test
    @DisplayName("R-CAL-1: coverage says ahead of time that next year's schedule is missing (bundled data ends with 2026)")
    void coverage_reportsMissingYearsAhead() throws IOException {
        CalendarCoverage c = OFFICIAL.coverage();
        assertEquals(Set.of(2024, 2025, 2026), c.knownYears());
        assertEquals(Set.of(), c.missingYearsAhead(LocalDate.of(2026, 9, 1)));
        assertEquals(Set.of(2027), c.missingYearsAhead(LocalDate.of(2026, 10, 15)));
        assertEquals(Set.of(2027, 2028), c.missingYearsAhead(LocalDate.of(2026, 6, 1), Period.ofMonths(20)));
        assertEquals(Set.of(2023), c.missingYearsAhead(LocalDate.of(2023, 12, 1), Period.ofDays(10)));
        assertEquals(Set.of(), with2027().coverage().missingYearsAhead(LocalDate.of(2026, 10, 15)));
        assertTrue(List.copyOf(c.missingYearsAhead(LocalDate.of(2026, 12, 31), Period.ofYears(2))).equals(List.of(2027, 2028)));
    }
}
