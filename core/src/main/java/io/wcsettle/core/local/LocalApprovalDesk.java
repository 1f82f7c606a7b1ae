package io.wcsettle.core.local;

import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Optional;

import io.wcsettle.core.error.CoreErrorCode;
import io.wcsettle.core.error.InvalidInputException;
import io.wcsettle.core.filing.Confirmation;
import io.wcsettle.core.filing.FilingScope;
import io.wcsettle.core.filing.FilingValidity;

/**
 * R-LOC-1 (000, Qinhuangdao): the agency's online approval of the employer's application, with
 * its own validity and every refusal reason at once. The source names no validity; the SDK's
 * default is 3 months from the decision (the shorter referral period of RULES.md), set per region
 * with the constructor.
 */
public final class LocalApprovalDesk {

    /** The documented default validity of an approval, in months. */
    public static final int DEFAULT_VALIDITY_MONTHS = 3;

    private final int validityMonths;

    /**
     * A desk granting approvals valid for {@code validityMonths} months (R-CAL-3).
     *
     * @throws InvalidInputException {@code INVALID_INPUT} unless positive
     */
    public LocalApprovalDesk(int validityMonths) {
        if (validityMonths <= 0) {
            throw new InvalidInputException(CoreErrorCode.INVALID_INPUT, "validityMonths", "must be positive");
        }
        this.validityMonths = validityMonths;
    }

    /** Decides {@code application} on {@code decidedOn}. */
    public LocalDecision decide(LocalApplication application, LocalDate decidedOn) {
        EnumSet<LocalRefusal> refusals = EnumSet.noneOf(LocalRefusal.class);
        Confirmation needed = application.kind() == LocalInjuryKind.OLD_INJURY
                ? Confirmation.INJURY_RECOGNITION : Confirmation.RECURRENCE_CONFIRMATION;
        if (!application.confirmations().contains(needed)) {
            refusals.add(LocalRefusal.NO_QUALIFYING_CONFIRMATION);
        }
        if (!application.insuredCity().city().covers(application.institution())) {
            refusals.add(LocalRefusal.INSTITUTION_OUTSIDE_INSURED_CITY);
        }
        if (application.scope() == FilingScope.DEVICE) {
            refusals.add(LocalRefusal.SCOPE_NOT_SERVED);
        }
        if (!refusals.isEmpty()) {
            return new LocalDecision(Optional.empty(), Collections.unmodifiableSet(refusals));
        }
        return new LocalDecision(Optional.of(new LocalApproval(application.applicationId(),
                application.insuredCity().city(), application.scope(),
                new FilingValidity(decidedOn, decidedOn.plusMonths(validityMonths)))), Collections.emptySet());
    }
}
