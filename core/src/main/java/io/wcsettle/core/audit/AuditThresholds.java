package io.wcsettle.core.audit;

import io.wcsettle.core.error.CoreErrorCode;
import io.wcsettle.core.error.InvalidInputException;
import io.wcsettle.core.money.Fen;
import io.wcsettle.core.policy.RegionalPolicies;
import io.wcsettle.core.policy.RegionalPolicy;

/**
 * Thresholds of the audit rules (R-AUD-1: "thresholds are parameters"), taken from a
 * {@link RegionalPolicy} with {@link #of(RegionalPolicy)}. The sources name the focus but no
 * numbers; the defaults are this SDK's documented choice, overridden per region in its policy.
 *
 * @param largeAmount             a record whose fund payment is at least this is a finding (default 100,000.00 yuan)
 * @param highFrequencyAdmissions this many admissions … (default 3)
 * @param highFrequencyDays       … within this many days, first to last admission inclusive, is a finding (default 30)
 */
public record AuditThresholds(Fen largeAmount, int highFrequencyAdmissions, int highFrequencyDays) {

    /** The documented defaults (those of {@link io.wcsettle.core.policy.RegionalPolicies#DEFAULT}). */
    public static final AuditThresholds DEFAULTS = of(RegionalPolicies.DEFAULT);

    /** The thresholds {@code policy} sets. */
    public static AuditThresholds of(RegionalPolicy policy) {
        return new AuditThresholds(Fen.of(policy.auditLargeAmountFen()), policy.auditHighFrequencyAdmissions(),
                policy.auditHighFrequencyDays());
    }

    /**
     * Validates the values.
     *
     * @throws InvalidInputException {@code INVALID_INPUT}
     */
    public AuditThresholds {
        if (largeAmount == null || largeAmount.compareTo(Fen.ZERO) <= 0) {
            throw new InvalidInputException(CoreErrorCode.INVALID_INPUT, "largeAmount", "must be positive");
        }
        if (highFrequencyAdmissions < 2 || highFrequencyDays < 1) {
            throw new InvalidInputException(CoreErrorCode.INVALID_INPUT, "highFrequencyAdmissions",
                    "high frequency needs at least 2 admissions within at least 1 day");
        }
    }
}
