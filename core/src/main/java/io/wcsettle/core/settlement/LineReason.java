package io.wcsettle.core.settlement;

/**
 * The one reason a line is not paid in full (R-SET-5, -6, -7, -12; R-FIL-9). Declared in R-SET-7's
 * order: the whole-line reasons first (the first that applies wins), then the two partial ones.
 * Codes never change meaning.
 */
public enum LineReason {
    /** R-SET-12 (national fee upload, 退单): a return line, or an original returned in full; nothing paid. */
    RETURN("R-SET-12", "national interface 2301", "退费"),
    /** R-FIL-9 (BJ §二(二)): served after the worker's entitlement ended; deducted in full. */
    ENTITLEMENT_ENDED("R-FIL-9", "BJ §二(二)", "发生在工伤待遇资格终止之后"),
    /** R-SET-6 (BJ §二(三); IM Art. 31): meal allowance or transport; goes to the insured place. */
    OUTSIDE_DIRECT_SETTLEMENT("R-SET-6", "BJ §二(三); IM Art. 31", "不属于直接结算费用，由参保地按规定报销"),
    /** R-SET-5 (BJ §三(三); IM Art. 36): treats a condition that is not the work injury; deducted. */
    NON_WORK_INJURY("R-SET-5", "BJ §三(三); IM Art. 36", "治疗非工伤疾病"),
    /** R-SET-3/-4/-5 (BJ §二(三); IM Art. 31, 36): not in the catalogue in force on discharge; deducted. */
    NOT_IN_CATALOGUE("R-SET-5", "BJ §二(三), §三(三); IM Art. 31, 36", "不在目录范围内"),
    /** R-SET-5 (BJ §三(三); IM Art. 36): violates clinical norms; deducted. */
    CLINICAL_NORM_VIOLATION("R-SET-5", "BJ §三(三); IM Art. 36", "不符合诊疗规范"),
    /** R-SET-5 (BJ §三(三); IM Art. 36): another violation; deducted. */
    OTHER_VIOLATION("R-SET-5", "BJ §三(三); IM Art. 36", "其他违规"),
    /** R-SET-7 (BJ §三(三); IM Art. 36): price above the catalogue maximum; the excess is deducted. */
    OVER_STANDARD("R-SET-7", "BJ §三(三); IM Art. 36", "超出支付标准"),
    /** R-SET-4 (BJ §二(三)): device above the insured place's cap; the excess is deducted. */
    DEVICE_OVER_CAP("R-SET-4", "BJ §二(三)", "超出参保地辅助器具限额");

    private final String rule;
    private final String source;
    private final String chinese;

    LineReason(String rule, String source, String chinese) {
        this.rule = rule;
        this.source = source;
        this.chinese = chinese;
    }

    /** The rule id of RULES.md. */
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
