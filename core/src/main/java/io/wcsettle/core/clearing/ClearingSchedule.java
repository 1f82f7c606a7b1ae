package io.wcsettle.core.clearing;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * The clearing calendar of one quarter (R-CLR-2, -3, -4; IM Art. 39–42). All dates are calendar
 * dates, not working days: the sources state them as days of the month.
 *
 * @param quarter       the quarter
 * @param generatedOn   R-CLR-2: tables generated on the 21st of the quarter's last month
 * @param confirmBy     R-CLR-3: provinces confirm by the 25th of the quarter's last month
 * @param noticesBy     R-CLR-3: payment and receipt notices by the end of the month after the quarter
 * @param paymentDue    R-CLR-4: payment due by the end of the second month of the next quarter
 * @param latestPayment R-CLR-4: delay at most one quarter: the due date's month plus three, month end
 */
public record ClearingSchedule(Quarter quarter, LocalDate generatedOn, LocalDate confirmBy,
        LocalDate noticesBy, LocalDate paymentDue, LocalDate latestPayment) {

    static final int CONFIRMATION_DAY = 25;

    /** The schedule of {@code quarter}. */
    public static ClearingSchedule of(Quarter quarter) {
        YearMonth last = YearMonth.of(quarter.year(), quarter.lastMonth());
        YearMonth due = last.plusMonths(2);
        return new ClearingSchedule(quarter,
                last.atDay(Quarter.GENERATION_DAY),
                last.atDay(CONFIRMATION_DAY),
                last.plusMonths(1).atEndOfMonth(),
                due.atEndOfMonth(),
                due.plusMonths(3).atEndOfMonth());
    }
}
