package io.wcsettle.examples.conformance;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.wcsettle.core.calendar.CalendarSource;
import io.wcsettle.core.calendar.Deadline;
import io.wcsettle.core.calendar.WorkingDayCalendar;
import io.wcsettle.core.error.CoreErrorCode;
import io.wcsettle.core.error.InvalidInputException;
import io.wcsettle.core.policy.RegionalPolicies;
import io.wcsettle.core.policy.RegionalPolicy;
import io.wcsettle.core.region.Admdvs;
import io.wcsettle.core.upload.UploadDeadlines;

/**
 * {@code upload.deadline} (R-UPL-1, R-UPL-2). The duty is the treatment place's: with
 * {@code treatmentAdmdvs} the deadline follows that place's profile (its province's, else
 * {@code default}); without it, {@code policy} names the profile (default {@code default}). A
 * discharge deadline the calendar cannot compute is {@code {"due": null, "missingYear": Y}}.
 */
final class UploadCases {

    private UploadCases() {
    }

    static void register(Map<String, CaseHandler> kinds, RegionalPolicies policies, WorkingDayCalendar calendar) {
        UploadDeadlines byPlace = UploadDeadlines.byTreatmentPlace(policies, CalendarSource.fixed(calendar));
        kinds.put("upload.deadline", in -> {
            Admdvs place = in.has("treatmentAdmdvs") ? Admdvs.parse("treatmentAdmdvs", In.text(in, "treatmentAdmdvs")) : null;
            RegionalPolicy profile = place != null ? null : policies.get(in.has("policy") ? In.text(in, "policy") : "default");
            if (in.has("month")) {
                String text = In.text(in, "month");
                YearMonth month;
                try {
                    month = YearMonth.parse(text);
                } catch (DateTimeParseException e) {
                    throw new InvalidInputException(CoreErrorCode.INVALID_DATE, "month", "not yyyy-MM");
                }
                LocalDate due = place != null ? byPlace.monthlySettlement(place, month)
                        : month.plusMonths(1).atDay(profile.monthlySettlementDueDay());
                return Out.object().put("monthlyDue", Out.date(due));
            }
            LocalDate settledOn = In.date(in, "settledOn");
            Deadline due = place != null ? byPlace.dischargeUpload(place, settledOn)
                    : calendar.deadline(settledOn, profile.dischargeUploadWorkingDays());
            ObjectNode out = Out.object();
            if (due instanceof Deadline.Unknown unknown) {
                return out.putNull("due").put("missingYear", unknown.missingYear());
            }
            return out.put("due", Out.date(due.date().orElseThrow()));
        });
    }
}
