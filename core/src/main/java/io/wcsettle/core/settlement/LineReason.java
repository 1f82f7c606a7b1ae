package io.wcsettle.core.settlement;

import static io.wcsettle.core.rule.Sources.BJ_2_2;
import static io.wcsettle.core.rule.Sources.BJ_2_3;
import static io.wcsettle.core.rule.Sources.BJ_3_3;
import static io.wcsettle.core.rule.Sources.IM_31;
import static io.wcsettle.core.rule.Sources.IM_36;
import static io.wcsettle.core.rule.Sources.NATIONAL_INTERFACE;

import java.util.List;

import io.wcsettle.core.rule.Citation;
import io.wcsettle.core.rule.WorkerReason;

/**
 * The one reason a line is not paid in full (R-SET-5, -6, -7, -12; R-FIL-9). Declared in R-SET-7's
 * order: the whole-line reasons first (the first that applies wins), then the two partial ones.
 * Codes never change meaning.
 */
public enum LineReason implements WorkerReason {
    /** R-SET-12 (national fee upload, 退单): a return line, or an original returned in full; nothing paid. */
    RETURN("R-SET-12", "已退费", "医疗机构退费记录", NATIONAL_INTERFACE),
    /** R-FIL-9 (BJ §二(二)): served after the worker's entitlement ended; deducted in full. */
    ENTITLEMENT_ENDED("R-FIL-9", "发生在丧失待遇享受资格之后，工伤保险基金不予支付", "参保地工伤保险待遇规定", BJ_2_2),
    /** R-SET-6 (BJ §二(三); IM Art. 31): meal allowance or transport; goes to the insured place. */
    OUTSIDE_DIRECT_SETTLEMENT("R-SET-6", "不纳入异地就医直接结算，由参保地经办机构按参保地标准审核支付", "参保地工伤保险政策",
            BJ_2_3, IM_31),
    /** R-SET-5 (BJ §二(三), §三(三); IM Art. 36): treats a condition that is not the work injury; deducted. */
    NON_WORK_INJURY("R-SET-5", "治疗非工伤疾病的费用，工伤保险基金不予支付", "就医地工伤保险有关规定",
            BJ_2_3, BJ_3_3, IM_36),
    /** R-SET-3/-4/-5 (BJ §二(三), §三(三); IM Art. 31, 36): not in the catalogue in force on discharge; deducted. */
    NOT_IN_CATALOGUE("R-SET-5", "不在工伤保险目录范围内，工伤保险基金不予支付", "就医地工伤保险目录",
            BJ_2_3, BJ_3_3, IM_31, IM_36),
    /** R-SET-5 (BJ §三(三); IM Art. 36): violates clinical norms; deducted. */
    CLINICAL_NORM_VIOLATION("R-SET-5", "不符合诊疗常规，工伤保险基金不予支付", "就医地工伤保险有关规定",
            BJ_2_3, BJ_3_3, IM_36),
    /** R-SET-5 (BJ §三(三); IM Art. 36): another violation; deducted. */
    OTHER_VIOLATION("R-SET-5", "违反工伤保险有关规定，工伤保险基金不予支付", "就医地工伤保险有关规定",
            BJ_2_3, BJ_3_3, IM_36),
    /** R-SET-7 (BJ §二(三), §三(三); IM Art. 31, 36): price above the catalogue maximum; the excess is deducted. */
    OVER_STANDARD("R-SET-7", "超出就医地支付标准，超出部分工伤保险基金不予支付", "就医地工伤保险住院服务标准",
            BJ_2_3, BJ_3_3, IM_31, IM_36),
    /** R-SET-4 (BJ §二(三); IM Art. 31): device above the insured place's cap; the excess is deducted. */
    DEVICE_OVER_CAP("R-SET-4", "高于参保地辅助器具最高支付限额，按限额支付", "参保地辅助器具配置目录及限额标准",
            BJ_2_3, IM_31);

    private final String rule;
    private final String chinese;
    private final String fallbackBasis;
    private final List<Citation> citations;

    LineReason(String rule, String chinese, String fallbackBasis, Citation... citations) {
        this.rule = rule;
        this.chinese = chinese;
        this.fallbackBasis = fallbackBasis;
        this.citations = List.of(citations);
    }

    /** The rule id of RULES.md. */
    @Override
    public String rule() {
        return rule;
    }

    /** The source articles, e.g. {@code BJ §三(三); IM Art. 36}. */
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
