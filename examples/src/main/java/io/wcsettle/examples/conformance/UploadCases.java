package io.wcsettle.examples.conformance;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Map;

import io.wcsettle.core.calendar.WorkingDayCalendar;
import io.wcsettle.core.error.CoreErrorCode;
import io.wcsettle.core.error.InvalidInputException;
import io.wcsettle.core.policy.RegionalPolicies;
import io.wcsettle.core.upload.UploadDeadlines;

/** {@code upload.deadline} (R-UPL-1, R-UPL-2); the policy defaults to {@code default}. */
final class UploadCases {

    private UploadCases() {
    }

    static void register(Map<String, CaseHandler> kinds, RegionalPolicies policies, WorkingDayCalendar calendar) {
        kinds.put("upload.deadline", in -> {
            String policyId = in.has("policy") ? In.text(in, "policy") : "default";
            UploadDeadlines deadlines = new UploadDeadlines(policies.get(policyId), calendar);
            if (in.has("month")) {
                String text = In.text(in, "month");
                YearMonth month;
                try {
                    month = YearMonth.parse(text);
                } catch (DateTimeParseException e) {
                    throw new InvalidInputException(CoreErrorCode.INVALID_DATE, "month", "not yyyy-MM");
                }
                return Out.object().put("monthlyDue", Out.date(deadlines.monthlySettlementDue(month)));
            }
            return Out.object().put("due", Out.date(deadlines.dischargeUploadDue(In.date(in, "settledOn"))));
        });
    }
}
