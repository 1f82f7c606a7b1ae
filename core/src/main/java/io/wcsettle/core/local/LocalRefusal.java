package io.wcsettle.core.local;

import io.wcsettle.core.rule.Reason;

/**
 * Why the agency refuses an online application for local networked settlement. The source is the
 * Qinhuangdao report ({@code 000}), which names no article. Codes never change meaning.
 */
public enum LocalRefusal implements Reason {
    /** R-LOC-1, R-FIL-1 (000): an old injury needs a recognition, a recurrence its confirmation. */
    NO_QUALIFYING_CONFIRMATION("R-LOC-1"),
    /** R-LOC-1 (000): the institution is outside the insured city; that is a cross-province or in-province referral. */
    INSTITUTION_OUTSIDE_INSURED_CITY("R-LOC-1"),
    /** R-LOC-1 (000): local networked settlement covers medical and rehab costs, not device configuration. */
    SCOPE_NOT_SERVED("R-LOC-1");

    private final String rule;

    LocalRefusal(String rule) {
        this.rule = rule;
    }

    /** The rule id in RULES.md. */
    @Override
    public String rule() {
        return rule;
    }

    /** {@code 000}: the Qinhuangdao report on local networked settlement. */
    @Override
    public String source() {
        return "000";
    }
}
