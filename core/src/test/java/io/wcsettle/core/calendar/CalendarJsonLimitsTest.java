package io.wcsettle.core.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.wcsettle.core.error.CoreErrorCode;
import io.wcsettle.core.error.WcsettleException;

/** R-CAL-1: the calendar JSON reader refuses what it cannot trust, with a code, within its limits. */
class CalendarJsonLimitsTest {

    @TempDir
    Path dir;

    private static WorkingDayCalendar load(String json) {
        return WorkingDayCalendar.empty().withJson(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }

    private static void assertInvalid(String json) {
        WcsettleException e = assertThrows(WcsettleException.class, () -> load(json), json.length() > 80
                ? json.substring(0, 80) : json);
        assertEquals(CoreErrorCode.CALENDAR_DATA_INVALID, e.errorCode());
    }

    @Test
    @DisplayName("R-CAL-1: 5,000 and 100,000 nested brackets are CALENDAR_DATA_INVALID, not StackOverflowError (issue 17)")
    void deepNesting_isRefused() {
        assertInvalid("[".repeat(5_000));
        assertInvalid("{\"years\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}");
        assertInvalid("{\"a\":".repeat(MiniJson.MAX_DEPTH + 1) + "1" + "}".repeat(MiniJson.MAX_DEPTH + 1));
        // the limit leaves room: 64 levels still parse (and then fail on the shape)
        WcsettleException e = assertThrows(WcsettleException.class,
                () -> load("{\"a\":".repeat(MiniJson.MAX_DEPTH) + "1" + "}".repeat(MiniJson.MAX_DEPTH)));
        assertTrue(e.getMessage().contains("years"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"1000000000", "0000", "10000", "+2025", "２０２５", "202", " 2025", "-001", "2025.0", ""})
    @DisplayName("R-CAL-1: a year key other than four ASCII digits 0001..9999 is CALENDAR_DATA_INVALID (issue 17)")
    void badYearKeys_areRefused(String key) {
        assertInvalid("{\"years\": {\"" + key + "\": {\"rest\": [], \"work\": []}}}");
    }

    @Test
    @DisplayName("R-CAL-1: withYear outside 1..9999, or with missing days, is CALENDAR_DATA_INVALID")
    void withYear_outOfRange_isRefused() {
        for (int year : new int[] {0, -1, 10_000, 1_000_000_000, Integer.MIN_VALUE}) {
            WcsettleException e = assertThrows(WcsettleException.class,
                    () -> WorkingDayCalendar.empty().withYear(year, List.of(), List.of()));
            assertEquals(CoreErrorCode.CALENDAR_DATA_INVALID, e.errorCode());
        }
        assertThrows(WcsettleException.class, () -> WorkingDayCalendar.empty().withYear(2027, null, List.of()));
        assertThrows(WcsettleException.class,
                () -> WorkingDayCalendar.empty().withYear(2027, java.util.Arrays.asList((LocalDate) null), List.of()));
        assertTrue(WorkingDayCalendar.empty().withYear(9999, List.of(), List.of()).isWorkingDay(LocalDate.of(9999, 12, 31)));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"years\": {\"2027\": {\"Rest\": []}}}",                     // unknown key in a year: a typo, not ignored
        "{\"years\": {\"2027\": {\"rest\": null}}}",                   // wrong type
        "{\"years\": {\"2027\": {}, \"2027\": {}}}",                   // duplicate key
        "{\"years\": {\"2027\": {\"rest\": [\"2027-01-01\"]}}} x",     // trailing characters
        "{\"years\": {}, \"x\": \"\\u-001\"}",                          // a signed unicode escape
        "{\"years\": {}, \"x\": \"\\u０００A\"}",                       // full-width hex digits
        "{\"years\": {}, \"x\": 01}",                                   // leading zero
        "{\"years\": {}, \"x\": 1.}",                                   // no fraction digits
        "{\"years\": {}, \"x\": --1}",
        "{\u00a0\"years\": {}}",                                        // not JSON whitespace
        "{\u3000\"years\": {}}"
    })
    @DisplayName("R-CAL-1: the reader is as strict as JSON and the format")
    void strictJson(String json) {
        assertInvalid(json);
    }

    @Test
    @DisplayName("R-CAL-1: numbers, escapes and whitespace that JSON allows are read")
    void lenientWhereJsonIs() {
        WorkingDayCalendar c = load("{\"n\": [-0.5e+3, 0, 12, 1E2], \"s\": \"\\u5de5\\n\", \"years\":\r\n\t{\"2027\": {\"rest\": [\"2027-01-01\"]}}}");
        assertFalse(c.isWorkingDay(LocalDate.of(2027, 1, 1)));
    }

    @Test
    @DisplayName("R-CAL-1: bytes that are not UTF-8, or a document over 16 MiB, are CALENDAR_DATA_INVALID")
    void encodingAndSize() {
        byte[] latin1 = "{\"years\": {}, \"x\": \"é\"}".getBytes(StandardCharsets.ISO_8859_1);
        WcsettleException e = assertThrows(WcsettleException.class,
                () -> WorkingDayCalendar.empty().withJson(new ByteArrayInputStream(latin1)));
        assertEquals(CoreErrorCode.CALENDAR_DATA_INVALID, e.errorCode());

        InputStream endless = new InputStream() {
            @Override
            public int read() {
                return ' ';
            }

            @Override
            public int read(byte[] b, int off, int len) {
                java.util.Arrays.fill(b, off, off + len, (byte) ' ');
                return len;
            }
        };
        e = assertThrows(WcsettleException.class, () -> WorkingDayCalendar.empty().withJson(endless));
        assertEquals(CoreErrorCode.CALENDAR_DATA_INVALID, e.errorCode());
        assertTrue(e.getMessage().contains("larger than"), e.getMessage());
    }

    @Test
    @DisplayName("R-CAL-1: a failing stream is IO_FAILURE (retryable), not a checked IOException (issue 17)")
    void failingStream_isIoFailure() {
        InputStream broken = new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("connection reset");
            }
        };
        WcsettleException e = assertThrows(WcsettleException.class, () -> WorkingDayCalendar.empty().withJson(broken));
        assertEquals(CoreErrorCode.IO_FAILURE, e.errorCode());
        assertTrue(e.retryable());
    }

    @Test
    @DisplayName("R-CAL-1: withJson(Path) reads a file and names the path when it cannot")
    void withJsonPath() throws IOException {
        Path f = Files.writeString(dir.resolve("2027.json"), "{\"years\": {\"2027\": {\"work\": [\"2027-01-02\"]}}}");
        assertTrue(WorkingDayCalendar.empty().withJson(f).isWorkingDay(LocalDate.of(2027, 1, 2)));
        Path missing = dir.resolve("none.json");
        WcsettleException e = assertThrows(WcsettleException.class, () -> WorkingDayCalendar.empty().withJson(missing));
        assertEquals(CoreErrorCode.IO_FAILURE, e.errorCode());
        assertEquals(missing.toString(), e.field());
        assertTrue(e.getMessage().contains("no such file"), e.getMessage());
    }

    @Test
    @DisplayName("R-CAL-1: every year 0001..9999 loads in one document and answers like the model")
    void allYears_load() {
        StringBuilder sb = new StringBuilder("{\"years\": {");
        for (int y = 1; y <= 9999; y++) {
            sb.append(y > 1 ? "," : "").append(String.format("\"%04d\": {\"rest\": [\"%s\"], \"work\": [\"%s\"]}", y,
                    first(y, DayOfWeek.MONDAY), first(y, DayOfWeek.SATURDAY)));
        }
        WorkingDayCalendar c = load(sb.append("}}").toString());
        assertEquals(9999, c.knownYears().size());
        for (int y : new int[] {1, 5, 1582, 2025, 9999}) {
            assertFalse(c.isWorkingDay(first(y, DayOfWeek.MONDAY)));
            assertTrue(c.isWorkingDay(first(y, DayOfWeek.SATURDAY)));
            assertTrue(c.isWorkingDay(first(y, DayOfWeek.TUESDAY)));
            assertFalse(c.isWorkingDay(first(y, DayOfWeek.SUNDAY)));
        }
    }

    private static LocalDate first(int year, DayOfWeek day) {
        return LocalDate.of(year, 1, 1).with(TemporalAdjusters.firstInMonth(day));
    }
}
