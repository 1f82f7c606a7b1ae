package io.wcsettle.core.filing;

/** Why an application is ineligible. Codes never change meaning. */
public enum ApplicationReason {
    /** R-FIL-1 (BJ §二(一); IM Art. 4): none of the four qualifying confirmations is completed. */
    NO_QUALIFYING_CONFIRMATION("R-FIL-1", "BJ §二(一); IM Art. 4"),
    /** R-FIL-2 (BJ §二(一)1): under the policy's minimum months outside the insured province. */
    NOT_LONG_ENOUGH_OUTSIDE("R-FIL-2", "BJ §二(一)1");

    private final String rule;
    private final String source;

    ApplicationReason(String rule, String source) {
        this.rule = rule;
        this.source = source;
    }

    /** The rule id in RULES.md. */
    public String rule() {
        return rule;
    }

    /** The source article. */
    public String source() {
        return source;
    }
}
