package io.wcsettle.core.filing;

import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;

/**
 * Whether a change or cancellation of a filing is allowed now (R-FIL-10).
 *
 * @param allowed  whether the request may go ahead
 * @param reasons  why not (empty when allowed)
 * @param earliest the first day the lock lets a change through without override, when a lock applies
 */
public record ChangeDecision(boolean allowed, Set<ChangeReason> reasons, Optional<LocalDate> earliest) {
}
