package io.wcsettle.core.filing;

import java.util.List;

import io.wcsettle.core.rule.Citation;
import io.wcsettle.core.rule.Reason;
import io.wcsettle.core.rule.Sources;

/** Why an application is ineligible. Codes never change meaning. */
public enum ApplicationReason implements Reason {
    /** R-FIL-1 (BJ §二(一); IM Art. 4): none of the four qualifying confirmations is completed. */
    NO_QUALIFYING_CONFIRMATION("R-FIL-1", Sources.BJ_2_1, Sources.IM_4),
    /** R-FIL-2 (BJ §二(一)1): under the policy's minimum months outside the insured province. */
    NOT_LONG_ENOUGH_OUTSIDE("R-FIL-2", Sources.BJ_2_1_1);

    private final String rule;
    private final List<Citation> citations;

    ApplicationReason(String rule, Citation... citations) {
        this.rule = rule;
        this.citations = List.of(citations);
    }

    /** The rule id in RULES.md. */
    @Override
    public String rule() {
        return rule;
    }

    /** The source article. */
    @Override
    public String source() {
        return Citation.refs(citations);
    }
}
