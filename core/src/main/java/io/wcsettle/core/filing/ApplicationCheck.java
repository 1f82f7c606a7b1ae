package io.wcsettle.core.filing;

import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import io.wcsettle.core.calendar.WorkingDayCalendar;
import io.wcsettle.core.policy.RegionalPolicy;

/**
 * Checks a filing application against R-FIL-1 (eligibility), R-FIL-2 (time outside for the
 * residence types), R-FIL-3 (materials, all missing ones at once, IM Art. 14) and computes the
 * decision due date of R-FIL-5. The result does not depend on the order of the input sets.
 */
public final class ApplicationCheck {

    private final RegionalPolicy policy;
    private final WorkingDayCalendar calendar;

    /** A check under {@code policy}, counting working days on {@code calendar}. */
    public ApplicationCheck(RegionalPolicy policy, WorkingDayCalendar calendar) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.calendar = Objects.requireNonNull(calendar, "calendar");
    }

    /** R-FIL-3: the materials an application of this type and scope needs. */
    public static Set<Material> requiredMaterials(FilingType type, FilingScope scope) {
        EnumSet<Material> required = EnumSet.of(scope == FilingScope.DEVICE
                ? Material.DEVICE_FILING_FORM : Material.FILING_FORM);
        switch (type) {
            case REFERRAL:
                required.add(Material.REFERRAL_OPINION);
                break;
            case LONG_TERM_RESIDENCE:
                required.add(Material.RESIDENCE_PROOF);
                break;
            case RESIDENT_WORK:
                required.add(Material.WORK_ASSIGNMENT_PROOF);
                break;
            default:
                throw new AssertionError(type);
        }
        return Collections.unmodifiableSet(required);
    }

    /**
     * Checks the application.
     *
     * @throws io.wcsettle.core.error.WcsettleException {@code CALENDAR_YEAR_UNKNOWN} when a complete
     *         application's due date falls in a year without calendar data
     */
    public ApplicationResult check(FilingApplication application) {
        EnumSet<Material> missing = EnumSet.noneOf(Material.class);
        for (Material m : requiredMaterials(application.type(), application.scope())) {
            if (!application.materials().contains(m)) {
                missing.add(m);
            }
        }
        EnumSet<ApplicationReason> reasons = EnumSet.noneOf(ApplicationReason.class);
        if (application.confirmations().isEmpty()) {
            reasons.add(ApplicationReason.NO_QUALIFYING_CONFIRMATION);
        }
        if (application.type().isResidence()
                && application.monthsOutsideInsuredProvince() < policy.minMonthsOutsideForResidence()) {
            reasons.add(ApplicationReason.NOT_LONG_ENOUGH_OUTSIDE);
        }
        ApplicationDecision decision = !reasons.isEmpty() ? ApplicationDecision.INELIGIBLE
                : !missing.isEmpty() ? ApplicationDecision.INCOMPLETE
                : ApplicationDecision.COMPLETE;
        Optional<LocalDate> due = decision == ApplicationDecision.COMPLETE
                ? Optional.of(calendar.addWorkingDays(application.submittedOn(), policy.filingDecisionWorkingDays()))
                : Optional.empty();
        return new ApplicationResult(decision, Collections.unmodifiableSet(missing),
                Collections.unmodifiableSet(reasons), due);
    }
}
