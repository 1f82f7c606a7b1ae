package io.wcsettle.core.upload;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Objects;

import io.wcsettle.core.calendar.WorkingDayCalendar;
import io.wcsettle.core.policy.RegionalPolicy;

/**
 * Upload deadlines: discharge data within n working days of settlement (R-UPL-1, IM Art. 32–33)
 * and the monthly settlement by the 20th of the next month (R-UPL-2, IM Art. 34).
 */
public final class UploadDeadlines {

    private final RegionalPolicy policy;
    private final WorkingDayCalendar calendar;

    /** Deadlines under {@code policy}, counting working days on {@code calendar}. */
    public UploadDeadlines(RegionalPolicy policy, WorkingDayCalendar calendar) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.calendar = Objects.requireNonNull(calendar, "calendar");
    }

    /**
     * R-UPL-1: the last day to upload the discharge data of a bill settled on {@code settledOn}.
     *
     * @throws io.wcsettle.core.error.WcsettleException {@code CALENDAR_YEAR_UNKNOWN}
     */
    public LocalDate dischargeUploadDue(LocalDate settledOn) {
        return calendar.addWorkingDays(settledOn, policy.dischargeUploadWorkingDays());
    }

    /** R-UPL-2: the last day to upload the monthly settlement of {@code month}. */
    public LocalDate monthlySettlementDue(YearMonth month) {
        return month.plusMonths(1).atDay(policy.monthlySettlementDueDay());
    }

    /** Whether an upload due on {@code due} is overdue on {@code today} (not yet on the due day itself). */
    public static boolean isOverdue(LocalDate due, LocalDate today) {
        return today.isAfter(due);
    }
}
