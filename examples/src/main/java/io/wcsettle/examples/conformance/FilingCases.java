package io.wcsettle.examples.conformance;

import java.util.HashSet;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.wcsettle.core.calendar.WorkingDayCalendar;
import io.wcsettle.core.filing.ApplicationCheck;
import io.wcsettle.core.filing.ApplicationResult;
import io.wcsettle.core.filing.ChangeDecision;
import io.wcsettle.core.filing.ChangeLock;
import io.wcsettle.core.filing.Confirmation;
import io.wcsettle.core.filing.FilingApplication;
import io.wcsettle.core.filing.FilingScope;
import io.wcsettle.core.filing.FilingType;
import io.wcsettle.core.filing.FilingValidity;
import io.wcsettle.core.filing.Material;
import io.wcsettle.core.policy.RegionalPolicies;
import io.wcsettle.core.policy.RegionalPolicy;

/** {@code filing.*} kinds (R-FIL-1..5, R-FIL-10, R-CAL-3). */
final class FilingCases {

    private FilingCases() {
    }

    static void register(Map<String, CaseHandler> kinds, RegionalPolicies policies, WorkingDayCalendar calendar) {
        kinds.put("filing.validity", in -> {
            RegionalPolicy policy = policies.get(In.text(in, "policy"));
            FilingValidity v = FilingValidity.of(policy, FilingType.parse("type", In.text(in, "type")),
                    In.date(in, "filedOn"));
            return Out.object().put("validFrom", Out.date(v.validFrom()))
                    .put("validThrough", Out.date(v.validThrough()));
        });

        kinds.put("filing.application", in -> {
            RegionalPolicy policy = policies.get(In.text(in, "policy"));
            int months = In.integer(in, "monthsOutsideInsuredProvince");
            if (months < 0) {
                throw In.invalid("monthsOutsideInsuredProvince", "a non-negative integer");
            }
            FilingApplication application = new FilingApplication(
                    FilingType.parse("type", In.text(in, "type")),
                    FilingScope.parse("scope", In.text(in, "scope")),
                    In.date(in, "submittedOn"),
                    new HashSet<>(In.textArray(in, "confirmations", Confirmation::parse)),
                    months,
                    new HashSet<>(In.textArray(in, "materials", Material::parse)));
            ApplicationResult r = new ApplicationCheck(policy, calendar).check(application);
            ObjectNode out = Out.object().put("decision", r.decision().name());
            out.set("missing", Out.names(r.missing()));
            out.set("reasons", Out.names(r.reasons()));
            r.decisionDue().ifPresent(d -> out.put("decisionDue", Out.date(d)));
            return out;
        });

        kinds.put("filing.change", in -> {
            RegionalPolicy policy = policies.get(In.text(in, "policy"));
            ChangeDecision d = ChangeLock.decide(policy, FilingType.parse("type", In.text(in, "type")),
                    In.date(in, "filedOn"), In.date(in, "requestedOn"), In.optionalText(in, "override"));
            ObjectNode out = Out.object().put("allowed", d.allowed());
            out.set("reasons", Out.names(d.reasons()));
            d.earliest().ifPresent(e -> out.put("earliest", Out.date(e)));
            return out;
        });
    }
}
