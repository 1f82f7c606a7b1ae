package io.wcsettle.examples.conformance;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

import io.wcsettle.core.calendar.WorkingDayCalendar;
import io.wcsettle.core.policy.RegionalPolicies;

/**
 * The registry of implemented case kinds. A kind missing here is reported as an error by the
 * runner, never skipped. Each family registers itself from its own class.
 */
final class CaseKinds {

    private CaseKinds() {
    }

    static Map<String, CaseHandler> all(RegionalPolicies policies, WorkingDayCalendar calendar) {
        Map<String, CaseHandler> kinds = new TreeMap<>();
        CalendarCases.register(kinds, calendar);
        FilingCases.register(kinds, policies, calendar);
        UploadCases.register(kinds, policies, calendar);
        SettlementCases.register(kinds, policies);
        ManualClaimCases.register(kinds);
        PrepaymentCases.register(kinds, calendar);
        ClearingCases.register(kinds);
        return Collections.unmodifiableMap(kinds);
    }
}
