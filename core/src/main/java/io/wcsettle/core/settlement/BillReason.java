package io.wcsettle.core.settlement;

/**
 * Why a bill is not settled directly (R-SET-1, -2, -9; R-FIL-6, -8, -9, -11). A bill gets every
 * reason that applies, never just the first; any reason means nothing is paid directly and the
 * worker claims at the insured place (R-UPL-3). Codes never change meaning.
 */
public enum BillReason {
    /** R-SET-1 (IM Art. 10–11; BJ §二(一)): the worker has no filing. */
    NO_FILING("R-SET-1", "IM Art. 10–11; BJ §二(一)", "未办理异地就医备案"),
    /**
     * R-FIL-8 (IM Art. 11, 13; BJ §二(二)): admitted outside the filing's validity; file again. For
     * local networked settlement (R-LOC-1), outside the online approval's validity.
     */
    FILING_NOT_VALID_AT_ADMISSION("R-FIL-8", "IM Art. 11, 13; BJ §二(二)", "入院时备案不在有效期内"),
    /** R-FIL-9 (BJ §二(二)): the filing ended early (entitlement lost) before the admission. */
    FILING_ENDED("R-FIL-9", "BJ §二(二)", "入院前备案已因丧失待遇资格而终止"),
    /** R-SET-1 (IM Art. 16–17): the institution is not enabled for cross-province settlement. */
    INSTITUTION_NOT_ENABLED("R-SET-1", "IM Art. 16–17", "医疗机构未开通跨省直接结算"),
    /** R-SET-1 (IM Art. 16–17, 48): the institution is suspended from direct settlement. */
    INSTITUTION_SUSPENDED("R-SET-1", "IM Art. 16–17, 48", "医疗机构已被暂停直接结算"),
    /**
     * R-FIL-6 (IM Art. 12): the institution is outside the filing's target city; for local
     * networked settlement (R-LOC-1), outside the insured city.
     */
    INSTITUTION_NOT_IN_FILED_CITY("R-FIL-6", "IM Art. 12", "医疗机构不在备案的就医城市"),
    /** R-SET-1 (IM Art. 48): the worker is suspended from direct settlement for violations. */
    WORKER_SUSPENDED("R-SET-1", "IM Art. 48", "职工因违规被暂停直接结算"),
    /** R-SET-1 (BJ §三; IM Art. 3): a third party is liable for the costs. */
    THIRD_PARTY_LIABILITY("R-SET-1", "BJ §三; IM Art. 3", "费用应由第三人负担"),
    /**
     * R-SET-2 (BJ §五(三)): the stay is outside direct settlement (outpatient while the policy
     * has it off), or (interpretation) outside the filing's scope: medical, rehab or device.
     */
    OUT_OF_SCOPE("R-SET-2", "BJ §五(三); IM Art. 4, 10", "不属于直接结算范围"),
    /** R-SET-9 (IM Art. 32): a rehab stay without the rehab plan uploaded before discharge. */
    REHAB_PLAN_MISSING("R-SET-9", "IM Art. 32", "康复方案未在出院结算前上传"),
    /** R-SET-9 (IM Art. 33): a device configured without the approval notice (核付通知单). */
    DEVICE_APPROVAL_MISSING("R-SET-9", "IM Art. 33", "辅助器具配置前未取得核付通知单"),
    /** R-FIL-11 (BJ §二(三); IM Art. 13): treated back in the insured province: insured-place policy applies. */
    TREATED_IN_INSURED_PLACE("R-FIL-11", "BJ §二(三); IM Art. 13", "在参保地就医，按参保地政策结算");

    private final String rule;
    private final String source;
    private final String chinese;

    BillReason(String rule, String source, String chinese) {
        this.rule = rule;
        this.source = source;
        this.chinese = chinese;
    }

    /** The rule id of RULES.md, e.g. {@code R-SET-1}. */
    public String rule() {
        return rule;
    }

    /** The source articles. */
    public String source() {
        return source;
    }

    /** A plain Chinese explanation for the worker's statement (R-SET-10). */
    public String chinese() {
        return chinese;
    }
}
