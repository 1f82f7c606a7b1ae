package io.wcsettle.core.settlement;

import static io.wcsettle.core.rule.Sources.BJ_1;
import static io.wcsettle.core.rule.Sources.BJ_2_2;
import static io.wcsettle.core.rule.Sources.BJ_2_3;
import static io.wcsettle.core.rule.Sources.BJ_3_1;
import static io.wcsettle.core.rule.Sources.BJ_3_2;
import static io.wcsettle.core.rule.Sources.BJ_5_3;
import static io.wcsettle.core.rule.Sources.IM_11;
import static io.wcsettle.core.rule.Sources.IM_12;
import static io.wcsettle.core.rule.Sources.IM_13;
import static io.wcsettle.core.rule.Sources.IM_16;
import static io.wcsettle.core.rule.Sources.IM_17;
import static io.wcsettle.core.rule.Sources.IM_3;
import static io.wcsettle.core.rule.Sources.IM_32;
import static io.wcsettle.core.rule.Sources.IM_33;
import static io.wcsettle.core.rule.Sources.IM_4;
import static io.wcsettle.core.rule.Sources.IM_48;
import static io.wcsettle.core.rule.Sources.QINHUANGDAO_000;

import java.util.List;

import io.wcsettle.core.rule.Citation;
import io.wcsettle.core.rule.WorkerReason;

/**
 * Why a bill is not settled directly (R-SET-1, -2, -9; R-FIL-6, -8, -9, -11; R-LOC-1). A bill gets
 * every reason that applies, never just the first. On the cross-province basis any reason means
 * nothing is paid directly; {@link #TREATED_IN_INSURED_PLACE} is a routing to the insured place's
 * own settlement (R-FIL-11, see {@link SettlementRouter}), the others send the worker to a claim
 * at the insured place (R-UPL-3). Codes never change meaning.
 */
public enum BillReason implements WorkerReason {
    /** R-SET-1 (IM Art. 16; BJ §二(二)): the worker has no filing. */
    NO_FILING("R-SET-1", "未办理异地就医备案", "参保地异地就医备案规定", BJ_2_2, IM_16),
    /**
     * R-FIL-8 (IM Art. 11, 13; BJ §二(二)): admitted outside the filing's validity; file again. For
     * local networked settlement (R-LOC-1), outside the online approval's validity.
     */
    FILING_NOT_VALID_AT_ADMISSION("R-FIL-8", "入院时备案不在有效期内，需重新办理备案", "参保地异地就医备案规定",
            BJ_2_2, IM_11, IM_13),
    /** R-FIL-9 (BJ §二(二)): the filing ended early (entitlement lost) before the admission. */
    FILING_ENDED("R-FIL-9", "入院前已丧失待遇享受资格，备案有效期终止", "参保地异地就医备案规定", BJ_2_2),
    /** R-SET-1 (IM Art. 16–17; BJ §二(三), §三(一)): the institution is not enabled for cross-province settlement. */
    INSTITUTION_NOT_ENABLED("R-SET-1", "该医疗机构未开通跨省异地就医直接结算", "就医地协议机构管理规定",
            BJ_2_3, BJ_3_1, IM_16, IM_17),
    /** R-SET-1 (IM Art. 17; BJ §二(三), §三(二)): the institution is suspended from direct settlement. */
    INSTITUTION_SUSPENDED("R-SET-1", "该医疗机构已被中止直接结算", "就医地协议机构管理规定", BJ_2_3, BJ_3_2, IM_17),
    /**
     * R-FIL-6 (IM Art. 12; BJ §二(三)): the institution is outside the filing's target city; for
     * local networked settlement (R-LOC-1), outside the insured city; for the insured place's own
     * settlement (R-FIL-11), outside the insured province.
     */
    INSTITUTION_NOT_IN_FILED_CITY("R-FIL-6", "该医疗机构不在备案的就医城市", "参保地异地就医备案规定", BJ_2_3, IM_12),
    /** R-SET-1 (IM Art. 48): the worker is suspended from direct settlement for violations. */
    WORKER_SUSPENDED("R-SET-1", "职工因违规已被暂停直接结算", "工伤保险经办机构的稽核规定", IM_48),
    /** R-SET-1 (BJ §二(三); IM Art. 3): a third party is liable for the costs. */
    THIRD_PARTY_LIABILITY("R-SET-1", "费用涉及第三方责任，不纳入直接结算", "工伤保险有关规定", BJ_2_3, IM_3),
    /**
     * R-SET-2 (BJ §一, §五(三); IM Art. 3, 4): the stay is outside direct settlement (outpatient while
     * the policy has it off), or (interpretation) outside the filing's scope: medical, rehab or device.
     */
    OUT_OF_SCOPE("R-SET-2", "不属于本次备案的直接结算范围（住院医疗、住院康复、辅助器具配置）", "工伤保险有关规定",
            BJ_1, BJ_5_3, IM_3, IM_4),
    /** R-SET-9 (IM Art. 32): a rehab stay without the rehab plan uploaded before discharge. */
    REHAB_PLAN_MISSING("R-SET-9", "康复方案未在出院结算前上传", "就医地经办规定", IM_32),
    /** R-SET-9 (IM Art. 33): a device configured without the approval notice (核付通知单). */
    DEVICE_APPROVAL_MISSING("R-SET-9", "配置辅助器具前未取得配置费用核付通知单", "就医地经办规定", IM_33),
    /**
     * R-FIL-11 (BJ §二(三); IM Art. 13): a long-term filer treated back in the insured province. Not a
     * refusal: the bill is settled directly under the insured place's own policy and catalogues
     * ({@link SettlementBasis#HOME_PLACE}), nothing goes to the cross-province platform.
     */
    TREATED_IN_INSURED_PLACE("R-FIL-11", "在参保地就医，按参保地政策直接结算，不经跨省异地就医结算", "参保地工伤保险政策",
            BJ_2_3, IM_13),
    /**
     * R-LOC-1 (000): local networked settlement, or the insured place's own settlement of R-FIL-11,
     * at an institution without an agreement for local networked settlement.
     */
    INSTITUTION_NOT_LOCAL_NETWORKED("R-LOC-1", "该医疗机构未开通工伤医疗费联网结算", "参保地工伤医疗费联网结算规定",
            QINHUANGDAO_000);

    private final String rule;
    private final String chinese;
    private final String fallbackBasis;
    private final List<Citation> citations;

    BillReason(String rule, String chinese, String fallbackBasis, Citation... citations) {
        this.rule = rule;
        this.chinese = chinese;
        this.fallbackBasis = fallbackBasis;
        this.citations = List.of(citations);
    }

    /** The rule id of RULES.md, e.g. {@code R-SET-1}. */
    @Override
    public String rule() {
        return rule;
    }

    /** The source articles, e.g. {@code BJ §二(二); IM Art. 16}. */
    @Override
    public String source() {
        return Citation.refs(citations);
    }

    /** A plain Chinese explanation for the worker's statement (R-SET-10). */
    @Override
    public String chinese() {
        return chinese;
    }

    @Override
    public List<Citation> citations() {
        return citations;
    }

    @Override
    public String fallbackBasis() {
        return fallbackBasis;
    }
}
