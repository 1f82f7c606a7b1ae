package io.wcsettle.core.upload;

import java.time.LocalDate;
import java.time.Period;
import java.time.YearMonth;
import java.util.Objects;
import java.util.SortedSet;

import io.wcsettle.core.calendar.CalendarSource;
import io.wcsettle.core.calendar.Deadline;
import io.wcsettle.core.calendar.WorkingDayCalendar;
import io.wcsettle.core.policy.RegionalPolicies;
import io.wcsettle.core.policy.RegionalPolicy;
import io.wcsettle.core.region.Admdvs;

/**
 * Upload deadlines: discharge data within n working days of settlement (R-UPL-1, IM Art. 32–33)
 * and the monthly settlement by the 20th of the next month (R-UPL-2, IM Art. 34).
 *
 * <p>Both duties are the <em>treatment place's</em> ("外省工伤职工到自治区就医…在5个工作日内…上传",
 * IM Art. 32): build with {@link #byTreatmentPlace(RegionalPolicies, CalendarSource)} and ask with
 * the treatment place, e.g. the institution's admdvs. A discharge deadline is a {@link Deadline}
 * value: {@link Deadline.Unknown} when the calendar has no data for a year the count needs; it
 * never throws for that and never stops a settlement. The calendar is read from its
 * {@link CalendarSource} on every call, so a calendar file dropped in at run time applies at once.
 */
public final class UploadDeadlines {

    private final RegionalPolicies policies;
    private final RegionalPolicy fixedPolicy;
    private final CalendarSource calendar;

    private UploadDeadlines(RegionalPolicies policies, RegionalPolicy fixedPolicy, CalendarSource calendar) {
        this.policies = policies;
        this.fixedPolicy = fixedPolicy;
        this.calendar = Objects.requireNonNull(calendar, "calendar");
    }

    /**
     * Deadlines under the policy of each treatment place ({@link RegionalPolicies#forPlace}).
     *
     * @throws IllegalArgumentException when {@code policies} has no {@code default} profile, which
     *                                  every place without its own profile falls back to
     */
    public static UploadDeadlines byTreatmentPlace(RegionalPolicies policies, CalendarSource calendar) {
        Objects.requireNonNull(policies, "policies");
        if (!policies.hasDefault()) {
            throw new IllegalArgumentException("policies need a 'default' profile for places without their own");
        }
        return new UploadDeadlines(policies, null, calendar);
    }

    /**
     * Deadlines under {@code policy}, counting working days on {@code calendar}.
     *
     * @param policy   the treatment place's policy: the duty to upload is the treatment place's
     *                 (R-UPL-1); passing the insured place's policy here was the error this
     *                 constructor invited
     * @param calendar the calendar
     * @deprecated use {@link #byTreatmentPlace(RegionalPolicies, CalendarSource)} and
     *             {@link #dischargeUpload(Admdvs, LocalDate)}, which pick the treatment place's
     *             policy and report an unknown deadline as a value
     */
    @Deprecated
    public UploadDeadlines(RegionalPolicy policy, WorkingDayCalendar calendar) {
        this(null, Objects.requireNonNull(policy, "policy"), CalendarSource.fixed(calendar));
    }

    /**
     * R-UPL-1: the last day for the treatment place {@code treatmentPlace} to upload the discharge
     * data of a bill settled on {@code settledOn}, under that place's policy; unknown (never an
     * exception) when the calendar lacks a year. (An instance made with the deprecated constructor
     * has one policy and uses it for every place.)
     */
    public Deadline dischargeUpload(Admdvs treatmentPlace, LocalDate settledOn) {
        Objects.requireNonNull(treatmentPlace, "treatmentPlace");
        Objects.requireNonNull(settledOn, "settledOn");
        return calendar.current().deadline(settledOn, policyOf(treatmentPlace).dischargeUploadWorkingDays());
    }

    /** R-UPL-2: the last day for {@code treatmentPlace} to upload the monthly settlement of {@code month}. */
    public LocalDate monthlySettlement(Admdvs treatmentPlace, YearMonth month) {
        Objects.requireNonNull(treatmentPlace, "treatmentPlace");
        return month.plusMonths(1).atDay(policyOf(treatmentPlace).monthlySettlementDueDay());
    }

    /** {@code deadline} computed again on the current calendar: known once the missing year is loaded. */
    public Deadline resolve(Deadline deadline) {
        return calendar.current().resolve(deadline);
    }

    /**
     * The years from {@code today} through {@code today + horizon} the calendar has no data for:
     * report them ahead of time (e.g. daily at WARN) so next year's schedule is loaded before a
     * deadline needs it.
     */
    public SortedSet<Integer> missingYearsAhead(LocalDate today, Period horizon) {
        return calendar.coverage().missingYearsAhead(today, horizon);
    }

    /**
     * R-UPL-1 under the fixed policy of the deprecated constructor.
     *
     * @throws io.wcsettle.core.error.WcsettleException {@code CALENDAR_YEAR_UNKNOWN}
     * @deprecated throws when the calendar lacks a year, which must never stop a settlement; use
     *             {@link #dischargeUpload(Admdvs, LocalDate)}
     */
    @Deprecated
    public LocalDate dischargeUploadDue(LocalDate settledOn) {
        return calendar.current().addWorkingDays(settledOn, fixedOrDefault().dischargeUploadWorkingDays());
    }

    /**
     * R-UPL-2 under the fixed policy of the deprecated constructor.
     *
     * @deprecated use {@link #monthlySettlement(Admdvs, YearMonth)}, which takes the treatment place
     */
    @Deprecated
    public LocalDate monthlySettlementDue(YearMonth month) {
        return month.plusMonths(1).atDay(fixedOrDefault().monthlySettlementDueDay());
    }

    /** Whether an upload due on {@code due} is overdue on {@code today} (not yet on the due day itself). */
    public static boolean isOverdue(LocalDate due, LocalDate today) {
        return today.isAfter(due);
    }

    private RegionalPolicy policyOf(Admdvs treatmentPlace) {
        return fixedPolicy != null ? fixedPolicy : policies.forPlace(treatmentPlace);
    }

    private RegionalPolicy fixedOrDefault() {
        return fixedPolicy != null ? fixedPolicy : policies.get("default");
    }
}
