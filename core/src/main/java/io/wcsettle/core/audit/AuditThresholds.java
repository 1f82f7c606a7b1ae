package io.wcsettle.core.audit;

import io.wcsettle.core.money.Fen;

/**
 * Thresholds of the audit rules (R-AUD-1: "thresholds are parameters"). The sources name the
 * focus but no numbers; the defaults below are this SDK's documented choice, to be overridden per
 * region.
 *
 * @param largeAmount             a record whose fund payment is at least this is a finding (default 100,000.00 yuan)
 * @param highFrequencyAdmissions this many admissions … (default 3)
 * @param highFrequencyDays       … within this many days, first to last admission inclusive, is a finding (default 30)
 */
public record AuditThresholds(Fen largeAmount, int highFrequencyAdmissions, int highFrequencyDays) {

    /** The documented defaults. */
    public static final AuditThresholds DEFAULTS = new AuditThresholds(Fen.of(10_000_000), 3, 30);

    /** Validates the values. */
    public AuditThresholds {
        if (largeAmount == null || largeAmount.compareTo(Fen.ZERO) <= 0) {
            throw new IllegalArgumentException("largeAmount must be positive");
        }
        if (highFrequencyAdmissions < 2 || highFrequencyDays < 1) {
            throw new IllegalArgumentException("high frequency needs at least 2 admissions within at least 1 day");
        }
    }
}
