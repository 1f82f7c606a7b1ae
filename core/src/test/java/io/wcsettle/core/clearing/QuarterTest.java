package io.wcsettle.core.clearing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import io.wcsettle.core.error.InvalidInputException;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class QuarterTest {

    @Test
    @DisplayName("R-CLR-2..4: schedule of Q3 2025")
    void scheduleOfQ3() {
        ClearingSchedule s = Quarter.of(2025, 3).schedule();
        assertEquals(LocalDate.of(2025, 9, 21), s.generatedOn());
        assertEquals(LocalDate.of(2025, 9, 25), s.confirmBy());
        assertEquals(LocalDate.of(2025, 10, 31), s.noticesBy());
        assertEquals(LocalDate.of(2025, 11, 30), s.paymentDue());
        assertEquals(LocalDate.of(2026, 2, 28), s.latestPayment());
    }

    @Test
    @DisplayName("R-CLR-3, -4: Q4 notices and payment fall in the next year, leap February")
    void scheduleOfQ4CrossesTheYear() {
        ClearingSchedule s = Quarter.of(2027, 4).schedule();
        assertEquals(LocalDate.of(2028, 1, 31), s.noticesBy());
        assertEquals(LocalDate.of(2028, 2, 29), s.paymentDue());
        assertEquals(LocalDate.of(2028, 5, 31), s.latestPayment());
    }

    @Test
    @DisplayName("R-CLR-2: a record confirmed on December 21 belongs to Q1 of the next year")
    void decemberRollsOverToNextYear() {
        assertEquals(Quarter.of(2026, 1), Quarter.containing(LocalDate.of(2025, 12, 21)));
        assertEquals(Quarter.of(2025, 4), Quarter.containing(LocalDate.of(2025, 12, 20)));
        assertEquals(Quarter.of(2025, 4), Quarter.containing(LocalDate.of(2025, 9, 21)));
        assertEquals(Quarter.of(2025, 3), Quarter.containing(LocalDate.of(2025, 9, 20)));
        assertEquals(LocalDate.of(2025, 9, 21), Quarter.of(2025, 4).periodStart());
        assertEquals(LocalDate.of(2025, 12, 20), Quarter.of(2025, 4).periodEnd());
    }

    @Test
    @DisplayName("R-CLR-2: a quarter outside 1..4 is INVALID_QUARTER")
    void quarterOutOfRange() {
        assertEquals("INVALID_QUARTER", assertThrows(InvalidInputException.class, () -> Quarter.of(2025, 5)).code());
        assertEquals("INVALID_QUARTER", assertThrows(InvalidInputException.class, () -> Quarter.of(2025, 0)).code());
    }

    @Property
    @Label("R-CLR-2: every confirmation date lies inside the period it is assigned to, periods tile the calendar")
    void periodContainsItsDates(@ForAll @IntRange(min = 0, max = 20_000) int dayOffset) {
        LocalDate d = LocalDate.of(2000, 1, 1).plusDays(dayOffset);
        Quarter q = Quarter.containing(d);
        assertFalse(d.isBefore(q.periodStart()));
        assertFalse(d.isAfter(q.periodEnd()));
        assertEquals(q.next().periodStart(), q.periodEnd().plusDays(1));
        assertTrue(q.schedule().generatedOn().isAfter(q.periodEnd()));
    }
}
