package io.wcsettle.core.upload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.Period;
import java.time.YearMonth;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import io.wcsettle.core.calendar.CalendarSource;
import io.wcsettle.core.calendar.Deadline;
import io.wcsettle.core.calendar.WorkingDayCalendar;
import io.wcsettle.core.error.WcsettleException;
import io.wcsettle.core.policy.RegionalPolicies;
import io.wcsettle.core.region.Admdvs;

class UploadDeadlinesTest {

    private static final Admdvs CHANGSHA = new Admdvs("430102");
    private static final Admdvs HOHHOT = new Admdvs("150102");

    /** The insured place (IM) would allow 10 working days; Hunan, the treatment place, 3 and the 15th. */
    private static final RegionalPolicies POLICIES = RegionalPolicies.shipped()
            .with(RegionalPolicies.INNER_MONGOLIA.toBuilder().dischargeUploadWorkingDays(10).build())
            .with(io.wcsettle.core.policy.RegionalPolicy.builder("430000").dischargeUploadWorkingDays(3)
                    .monthlySettlementDueDay(15).build());

    private final UploadDeadlines deadlines = UploadDeadlines.byTreatmentPlace(POLICIES,
            CalendarSource.fixed(WorkingDayCalendar.chinaOfficial()));

    @Test
    @DisplayName("R-UPL-1: the deadline follows the treatment place's policy, not the insured place's")
    void dischargeUpload_followsTheTreatmentPlace() {
        LocalDate settled = LocalDate.of(2025, 9, 30);
        assertEquals(Optional.of(LocalDate.of(2025, 10, 11)), deadlines.dischargeUpload(CHANGSHA, settled).date(),
                "Hunan's 3 working days after 2025-09-30: National Day skipped, Saturday 11 October a make-up working day");
        assertEquals(Optional.of(LocalDate.of(2025, 10, 21)), deadlines.dischargeUpload(HOHHOT, settled).date(),
                "an IM hospital uploads under IM's 10 days");
        assertEquals(Optional.of(LocalDate.of(2025, 10, 14)),
                deadlines.dischargeUpload(new Admdvs("440104"), settled).date(), "no Guangdong profile: default 5 days");
    }

    @Test
    @DisplayName("R-UPL-1: a deadline the calendar cannot compute is unknown and never stops anything")
    void unknownYear_isAValue() {
        Deadline d = deadlines.dischargeUpload(CHANGSHA, LocalDate.of(2026, 12, 30));
        assertEquals(new Deadline.Unknown(LocalDate.of(2026, 12, 30), 3, 2027), d);
        assertEquals(Set.of(2027), deadlines.missingYearsAhead(LocalDate.of(2026, 10, 15), Period.ofDays(90)));
    }

    @Test
    @DisplayName("R-UPL-2: the monthly settlement is due by the treatment place's day of the next month")
    void monthlySettlement() {
        assertEquals(LocalDate.of(2025, 12, 15), deadlines.monthlySettlement(CHANGSHA, YearMonth.of(2025, 11)));
        assertEquals(LocalDate.of(2026, 1, 20), deadlines.monthlySettlement(HOHHOT, YearMonth.of(2025, 12)));
    }

    @Test
    @DisplayName("R-UPL-1: the deprecated API still answers as before (his-adapter compiles against it)")
    @SuppressWarnings("deprecation")
    void deprecatedApi_stillWorks() {
        UploadDeadlines old = new UploadDeadlines(RegionalPolicies.DEFAULT, WorkingDayCalendar.chinaOfficial());
        assertEquals(LocalDate.of(2025, 10, 14), old.dischargeUploadDue(LocalDate.of(2025, 9, 30)));
        assertEquals(LocalDate.of(2025, 12, 20), old.monthlySettlementDue(YearMonth.of(2025, 11)));
        assertThrows(WcsettleException.class, () -> old.dischargeUploadDue(LocalDate.of(2026, 12, 30)));
        assertTrue(UploadDeadlines.isOverdue(LocalDate.of(2025, 10, 14), LocalDate.of(2025, 10, 15)));
        assertFalse(UploadDeadlines.isOverdue(LocalDate.of(2025, 10, 14), LocalDate.of(2025, 10, 14)));
    }
}
