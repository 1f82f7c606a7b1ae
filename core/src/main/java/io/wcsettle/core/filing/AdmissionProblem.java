package io.wcsettle.core.filing;

import java.util.List;

import io.wcsettle.core.rule.Citation;
import io.wcsettle.core.rule.Reason;
import io.wcsettle.core.rule.Sources;

/** Why a filing does not allow direct settlement of an admission (R-FIL-8, R-FIL-9). Codes never change meaning. */
public enum AdmissionProblem implements Reason {
    /** R-FIL-8 (IM Art. 11, 13; BJ §二(二)): admitted outside the validity; the worker must file again. */
    NOT_VALID_AT_ADMISSION("R-FIL-8", Sources.IM_11, Sources.IM_13, Sources.BJ_2_2),
    /** R-FIL-9 (BJ §二(二)): the filing ended early (entitlement lost) before the admission. */
    ENDED("R-FIL-9", Sources.BJ_2_2);

    private final String rule;
    private final List<Citation> citations;

    AdmissionProblem(String rule, Citation... citations) {
        this.rule = rule;
        this.citations = List.of(citations);
    }

    /** The rule id in RULES.md. */
    @Override
    public String rule() {
        return rule;
    }

    /** The source articles. */
    @Override
    public String source() {
        return Citation.refs(citations);
    }
}
