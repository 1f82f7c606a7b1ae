package io.wcsettle.core.audit;

import io.wcsettle.core.rule.Reason;

/** The audit and risk rules; each finding's reason. Codes never change meaning. */
public enum AuditRuleId implements Reason {
    /** R-AUD-1 (BJ §四(三); IM Art. 49): a single record's fund payment at or above the large-amount threshold. */
    LARGE_AMOUNT("R-AUD-1", "BJ §四(三); IM Art. 49"),
    /** R-AUD-1 (IM Art. 49): N or more admissions of one worker within M days. */
    HIGH_FREQUENCY("R-AUD-1", "IM Art. 49"),
    /** R-AUD-1 (BJ §四(三); IM Art. 49): spending at both the filing place and the insured place during one filing (两地双向支出). */
    DUAL_PLACE_SPENDING("R-AUD-1", "BJ §四(三); IM Art. 49"),
    /** R-AUD-3, R-UPL-3 (IM Art. 37, 48): a manual claim for costs already settled directly. */
    MANUAL_CLAIM_DUPLICATE("R-AUD-3", "IM Art. 37, 48; 004");

    private final String rule;
    private final String source;

    AuditRuleId(String rule, String source) {
        this.rule = rule;
        this.source = source;
    }

    /** The rule id in RULES.md. */
    @Override
    public String rule() {
        return rule;
    }

    /** The source article. */
    @Override
    public String source() {
        return source;
    }
}
