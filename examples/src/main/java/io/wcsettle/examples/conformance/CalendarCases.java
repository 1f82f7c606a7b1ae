package io.wcsettle.examples.conformance;

import java.util.Map;

import io.wcsettle.core.calendar.WorkingDayCalendar;

/** {@code calendar.*} kinds (R-CAL-1, R-CAL-2). */
final class CalendarCases {

    private CalendarCases() {
    }

    static void register(Map<String, CaseHandler> kinds, WorkingDayCalendar calendar) {
        kinds.put("calendar.addWorkingDays", in -> Out.object().put("date",
                Out.date(calendar.addWorkingDays(In.date(in, "date"), In.integer(in, "days")))));
        kinds.put("calendar.isWorkingDay", in -> Out.object().put("workingDay",
                calendar.isWorkingDay(In.date(in, "date"))));
    }
}
