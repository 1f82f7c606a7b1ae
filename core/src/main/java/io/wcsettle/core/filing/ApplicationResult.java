package io.wcsettle.core.filing;

import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;

/**
 * The result of checking a filing application: the decision, every missing material at once
 * (R-FIL-3), every eligibility reason (R-FIL-1, -2), and for a complete application the date the
 * agency must decide by (R-FIL-5).
 *
 * @param decision    complete, incomplete or ineligible
 * @param missing     all missing materials (unmodifiable, enum order)
 * @param reasons     all eligibility reasons (unmodifiable, enum order)
 * @param decisionDue the decision due date, present only for {@link ApplicationDecision#COMPLETE}
 */
public record ApplicationResult(
        ApplicationDecision decision,
        Set<Material> missing,
        Set<ApplicationReason> reasons,
        Optional<LocalDate> decisionDue) {
}
