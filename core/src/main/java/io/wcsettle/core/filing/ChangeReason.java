package io.wcsettle.core.filing;

import java.util.List;

import io.wcsettle.core.rule.Citation;
import io.wcsettle.core.rule.Reason;
import io.wcsettle.core.rule.Sources;

/** Why a filing change or cancellation is refused. Codes never change meaning. */
public enum ChangeReason implements Reason {
    /** R-FIL-10 (IM Art. 11): a residence filing is locked for the policy's months after filing. */
    CHANGE_LOCKED("R-FIL-10", Sources.IM_11),
    /** R-FIL-10 (IM Art. 15): the filing was already cancelled; history is closed. */
    ALREADY_CANCELLED("R-FIL-10", Sources.IM_15);

    private final String rule;
    private final List<Citation> citations;

    ChangeReason(String rule, Citation... citations) {
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
