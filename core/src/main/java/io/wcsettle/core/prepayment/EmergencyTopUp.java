package io.wcsettle.core.prepayment;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Objects;

import io.wcsettle.core.calendar.WorkingDayCalendar;
import io.wcsettle.core.error.CoreErrorCode;
import io.wcsettle.core.error.InvalidInputException;
import io.wcsettle.core.money.Fen;

/**
 * R-PRE-6 (IM Art. 26): on a red warning the treatment province may request an emergency top-up
 * within 3 working days of the clearing signature date, at most once per quarter, of at most
 * 2 × the quarter's amount still to be settled monthly with institutions. All failing reasons are
 * returned. Immutable.
 */
public final class EmergencyTopUp {

    /** Working days after the signature date (R-PRE-6). */
    static final int WORKING_DAYS = 3;

    private final WorkingDayCalendar calendar;

    /** Checks against {@code calendar} (R-CAL-1). */
    public EmergencyTopUp(WorkingDayCalendar calendar) {
        this.calendar = Objects.requireNonNull(calendar, "calendar");
    }

    /**
     * @param level               the current warning level (R-PRE-5)
     * @param clearingSignedOn    the clearing signature date
     * @param requestedOn         the request date
     * @param requestsThisQuarter earlier requests in the same quarter, ≥ 0
     * @param pendingMonthly      the quarter's amount still to be settled monthly with institutions
     * @param amount              the requested amount
     * @throws InvalidInputException {@code INVALID_INPUT} for a negative request count
     */
    public TopUpDecision check(UsageLevel level, LocalDate clearingSignedOn, LocalDate requestedOn,
            int requestsThisQuarter, Fen pendingMonthly, Fen amount) {
        Objects.requireNonNull(level, "level");
        if (requestsThisQuarter < 0) {
            throw new InvalidInputException(CoreErrorCode.INVALID_INPUT, "requestsThisQuarter", "negative");
        }
        LocalDate lastDay = calendar.addWorkingDays(clearingSignedOn, WORKING_DAYS);
        Fen maximum = pendingMonthly.times(2);
        EnumSet<TopUpRefusal> reasons = EnumSet.noneOf(TopUpRefusal.class);
        if (level != UsageLevel.RED) {
            reasons.add(TopUpRefusal.NOT_RED);
        }
        if (requestedOn.isAfter(lastDay)) {
            reasons.add(TopUpRefusal.TOO_LATE);
        }
        if (requestsThisQuarter > 0) {
            reasons.add(TopUpRefusal.ALREADY_REQUESTED_THIS_QUARTER);
        }
        if (amount.compareTo(maximum) > 0) {
            reasons.add(TopUpRefusal.OVER_MAXIMUM);
        }
        return new TopUpDecision(reasons, maximum, lastDay);
    }
}
