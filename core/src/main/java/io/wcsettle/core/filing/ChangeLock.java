package io.wcsettle.core.filing;

import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;

import io.wcsettle.core.error.CoreErrorCode;
import io.wcsettle.core.error.InvalidInputException;
import io.wcsettle.core.policy.RegionalPolicy;

/**
 * R-FIL-10 (IM Art. 11, "原则上"): long-term residence and resident-work filings may be changed or
 * cancelled only {@link RegionalPolicy#changeLockMonths()} months after filing, unless an override
 * with a reason is given. A request exactly on the anniversary is allowed; referrals and policies
 * without a lock are never locked.
 */
public final class ChangeLock {

    private ChangeLock() {
    }

    /**
     * Decides a change request.
     *
     * @param override {@code null} for none, else a non-blank reason
     * @throws InvalidInputException {@code INVALID_OVERRIDE} for an empty or blank override
     */
    public static ChangeDecision decide(RegionalPolicy policy, FilingType type, LocalDate filedOn,
                                        LocalDate requestedOn, String override) {
        if (override != null && override.isBlank()) {
            throw new InvalidInputException(CoreErrorCode.INVALID_OVERRIDE, "override",
                    "an override needs a reason");
        }
        if (!type.isResidence() || policy.changeLockMonths() == 0) {
            return new ChangeDecision(true, Set.of(), Optional.empty());
        }
        LocalDate earliest = filedOn.plusMonths(policy.changeLockMonths());
        boolean locked = requestedOn.isBefore(earliest);
        if (!locked || override != null) {
            return new ChangeDecision(true, Set.of(), Optional.of(earliest));
        }
        return new ChangeDecision(false, Set.of(ChangeReason.CHANGE_LOCKED), Optional.of(earliest));
    }
}
