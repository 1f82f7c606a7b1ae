package io.wcsettle.core.upload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.YearMonth;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import io.wcsettle.core.calendar.WorkingDayCalendar;
import io.wcsettle.core.policy.RegionalPolicies;

class UploadDeadlinesTest {

    private final UploadDeadlines deadlines =
            new UploadDeadlines(RegionalPolicies.DEFAULT, WorkingDayCalendar.chinaOfficial());

    @Test
    @DisplayName("R-UPL-1: discharge data is due 5 working days after settlement")
    void dischargeUpload() {
        assertEquals(LocalDate.of(2025, 10, 14), deadlines.dischargeUploadDue(LocalDate.of(2025, 9, 30)));
        assertTrue(UploadDeadlines.isOverdue(LocalDate.of(2025, 10, 14), LocalDate.of(2025, 10, 15)));
        assertFalse(UploadDeadlines.isOverdue(LocalDate.of(2025, 10, 14), LocalDate.of(2025, 10, 14)));
    }

    @Test
    @DisplayName("R-UPL-2: the monthly settlement is due on the 20th of the next month, December into January")
    void monthlySettlement() {
        assertEquals(LocalDate.of(2025, 12, 20), deadlines.monthlySettlementDue(YearMonth.of(2025, 11)));
        assertEquals(LocalDate.of(2026, 1, 20), deadlines.monthlySettlementDue(YearMonth.of(2025, 12)));
    }
}
