package io.wcsettle.core.followup;

import java.util.List;

import io.wcsettle.core.rule.Citation;
import io.wcsettle.core.rule.Reason;
import io.wcsettle.core.rule.Sources;

/**
 * What a follow-up claim is for (R-SET-6, R-AUTO-1, R-UPL-3); each a {@link Reason} for raising it.
 * Codes never change meaning.
 */
public enum ClaimKind implements Reason {
    /**
     * R-SET-6, R-AUTO-1 (BJ §二(三); IM Art. 31; 004): the meal allowance (住院伙食补助费) of a directly
     * settled inpatient stay, computed from the data: the insured place's daily standard × inpatient
     * days ({@link io.wcsettle.core.policy.RegionalPolicy#mealAllowancePerDay()}).
     */
    MEAL_ALLOWANCE("R-SET-6", "住院伙食补助费", Sources.BJ_2_3, Sources.IM_31, Sources.BAOSHAN_004),
    /**
     * R-SET-6, R-AUTO-1 (BJ §二(三); IM Art. 31): transport and lodging of a referral (异地转诊转院)
     * only; never raised for long-term residence or resident-work filings.
     */
    TRANSPORT_LODGING("R-SET-6", "异地转诊转院交通食宿费", Sources.BJ_2_3, Sources.IM_31, Sources.BAOSHAN_004),
    /**
     * R-UPL-3 (IM Art. 37): a bill not settled directly, claimed at the insured place, which checks
     * first that the same costs were not settled directly. Never raised for a home-place route
     * (R-FIL-11).
     */
    MANUAL_CLAIM("R-UPL-3", "手工报销", Sources.IM_37);

    private final String rule;
    private final String chinese;
    private final List<Citation> citations;

    ClaimKind(String rule, String chinese, Citation... citations) {
        this.rule = rule;
        this.chinese = chinese;
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

    /** The benefit's name in Chinese, for the worker. */
    public String chinese() {
        return chinese;
    }
}
