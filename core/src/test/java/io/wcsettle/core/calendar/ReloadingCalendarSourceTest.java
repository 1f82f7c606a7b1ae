package io.wcsettle.core.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Set;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReloadingCalendarSourceTest {

    private static final String Y2027 = "{\"years\":{\"2027\":{\"rest\":[\"2027-01-01\",\"2027-02-08\"],\"work\":[]}}}";

    @TempDir
    Path dir;

    /** A clock the test moves by hand. */
    static final class ManualClock extends Clock {
        private Instant now = Instant.parse("2026-11-15T02:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    @DisplayName("R-CAL-1: a calendar file dropped in at run time is taken on the next look, paced by the injected clock")
    void droppedFile_isTakenAtRunTime() throws IOException {
        ManualClock clock = new ManualClock();
        Path file = dir.resolve("cn-workdays-2027.json");
        ReloadingCalendarSource source = new ReloadingCalendarSource(WorkingDayCalendar.chinaOfficial(), file, clock,
                Duration.ofMinutes(5));
        assertEquals(Set.of(2027), source.coverage().missingYearsAhead(LocalDate.of(2026, 11, 15)));
        assertFalse(source.status().fromFile());
        Files.writeString(file, Y2027);
        assertFalse(source.current().knownYears().contains(2027), "not looked at again before the pace allows");
        clock.advance(Duration.ofMinutes(5));
        WorkingDayCalendar now = source.current();
        assertTrue(now.knownYears().containsAll(Set.of(2024, 2025, 2026, 2027)), now.knownYears().toString());
        assertTrue(source.status().fromFile());
        assertEquals(LocalDate.of(2027, 1, 5), now.addWorkingDays(LocalDate.of(2026, 12, 28), 5));
        assertSame(now, source.current(), "unchanged content is not parsed again");
    }

    @Test
    @DisplayName("R-CAL-1: a malformed file keeps the last good calendar and says why; a removed file leaves the base")
    void malformedOrRemoved_neverThrows() throws IOException {
        ManualClock clock = new ManualClock();
        Path file = dir.resolve("calendar.json");
        Files.writeString(file, Y2027);
        ReloadingCalendarSource source = new ReloadingCalendarSource(WorkingDayCalendar.chinaOfficial(), file, clock,
                Duration.ZERO);
        assertTrue(source.current().knownYears().contains(2027));
        Files.writeString(file, "{\"years\":{\"2028\":{\"rest\":[\"2027-05-01\"]}}}");
        assertTrue(source.current().knownYears().contains(2027), "the last good calendar stays");
        assertTrue(source.status().error().orElseThrow().contains("not taken"), source.status().toString());
        Files.writeString(file, "not json");
        assertTrue(source.reload().error().isPresent());
        Files.delete(file);
        assertEquals(Set.of(2024, 2025, 2026), source.current().knownYears());
        assertEquals(false, source.status().fromFile());
        assertTrue(source.status().error().isEmpty());
    }
}
