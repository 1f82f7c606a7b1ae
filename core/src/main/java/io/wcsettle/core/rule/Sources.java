package io.wcsettle.core.rule;

import static io.wcsettle.core.rule.Role.EITHER;
import static io.wcsettle.core.rule.Role.INSURED_PLACE;
import static io.wcsettle.core.rule.Role.TREATMENT_PLACE;

/**
 * The articles the reasons cite, one constant per article, with the capacity each speaks in
 * (read from the texts in {@code docs/domain/sources}, copies of the shared originals):
 * <ul>
 * <li>{@code BJ §…}: Beijing 京人社工发〔2025〕5号. Part 二 is about Beijing's own workers treated
 *     elsewhere (insured place), part 三 about workers from elsewhere treated in Beijing
 *     (treatment place); parts 一, 四, 五 speak for both.</li>
 * <li>{@code IM Art. n}: the Inner Mongolia procedure of 2024. Chapter 二 (filing, Art. 9–15) and
 *     Art. 3, 37 are the insured place's; Art. 17–18, 32–34 the treatment place's ("外省工伤职工到
 *     自治区就医"); Art. 4, 16, 31, 36, 48 describe both sides.</li>
 * <li>Texts of no province: the national interface and the news reports {@code 000}, {@code 002},
 *     {@code 004}; they are cited in structured output, never on a worker's statement.</li>
 * </ul>
 */
public final class Sources {

    private static final String BJ_DOC = "京人社工发〔2025〕5号";
    private static final String IM_DOC = "《内蒙古自治区工伤保险跨省异地就医直接结算经办规程》";
    private static final String BJ = "110000";
    private static final String IM = "150000";

    /** BJ §一: the three kinds of costs settled directly, for both sides. */
    public static final Citation BJ_1 = bj("一", "第一部分", EITHER);
    /** BJ §二(一): who may file (Beijing's workers). */
    public static final Citation BJ_2_1 = bj("二(一)", "第二部分第（一）项", INSURED_PLACE);
    /** BJ §二(一)1: at least half a year outside Beijing. */
    public static final Citation BJ_2_1_1 = bj("二(一)1", "第二部分第（一）项第1点", INSURED_PLACE);
    /** BJ §二(二): filing, validity, re-filing, early end. */
    public static final Citation BJ_2_2 = bj("二(二)", "第二部分第（二）项", INSURED_PLACE);
    /** BJ §二(三): scope, treatment-place catalogues, Beijing's device caps, meals and transport, home treatment. */
    public static final Citation BJ_2_3 = bj("二(三)", "第二部分第（三）项", INSURED_PLACE);
    /** BJ §三(一): Beijing institutions enabled for cross-province settlement in phases. */
    public static final Citation BJ_3_1 = bj("三(一)", "第三部分第（一）项", TREATMENT_PLACE);
    /** BJ §三(二): incoming workers under Beijing's management and agreements. */
    public static final Citation BJ_3_2 = bj("三(二)", "第三部分第（二）项", TREATMENT_PLACE);
    /** BJ §三(三): what the fund does not pay at Beijing institutions (non-injury, over standard, …). */
    public static final Citation BJ_3_3 = bj("三(三)", "第三部分第（三）项", TREATMENT_PLACE);
    /** BJ §四(三): risk control (large amounts, high frequency, two-place spending). */
    public static final Citation BJ_4_3 = bj("四(三)", "第四部分第（三）项", EITHER);
    /** BJ §五(三): outpatient settlement planned for later. */
    public static final Citation BJ_5_3 = bj("五(三)", "第五部分第（三）项", EITHER);

    /** IM Art. 3: Inner Mongolia's workers treated outside the region, no third-party liability. */
    public static final Citation IM_3 = im(3, "第三条", INSURED_PLACE);
    /** IM Art. 4: who may settle directly, both directions. */
    public static final Citation IM_4 = im(4, "第四条", EITHER);
    /** IM Art. 10: filing materials. */
    public static final Citation IM_10 = im(10, "第十条", INSURED_PLACE);
    /** IM Art. 11: validity and the change lock. */
    public static final Citation IM_11 = im(11, "第十一条", INSURED_PLACE);
    /** IM Art. 12: filing to the treatment city. */
    public static final Citation IM_12 = im(12, "第十二条", INSURED_PLACE);
    /** IM Art. 13: admission within validity; treatment back in the insured place. */
    public static final Citation IM_13 = im(13, "第十三条", INSURED_PLACE);
    /** IM Art. 14: decision within 5 working days, missing materials at once. */
    public static final Citation IM_14 = im(14, "第十四条", INSURED_PLACE);
    /** IM Art. 15: changes recorded. */
    public static final Citation IM_15 = im(15, "第十五条", INSURED_PLACE);
    /** IM Art. 16: no filing or not an enabled institution, no direct settlement. */
    public static final Citation IM_16 = im(16, "第十六条", EITHER);
    /** IM Art. 17: the institution library (enabled, suspended, terminated). */
    public static final Citation IM_17 = im(17, "第十七条", TREATMENT_PLACE);
    /** IM Art. 19–28: prepayment. */
    public static final Citation IM_19 = im(19, "第十九条", EITHER);
    /** IM Art. 26: emergency top-up. */
    public static final Citation IM_26 = im(26, "第二十六条", EITHER);
    /** IM Art. 31: treatment-place catalogues, insured-place devices, meals and transport by the insured place. */
    public static final Citation IM_31 = im(31, "第三十一条", EITHER);
    /** IM Art. 32: identity checks, upload within 5 working days, rehab plan before discharge. */
    public static final Citation IM_32 = im(32, "第三十二条", TREATMENT_PLACE);
    /** IM Art. 33: device approval notice before service. */
    public static final Citation IM_33 = im(33, "第三十三条", TREATMENT_PLACE);
    /** IM Art. 36: the treatment-place agency deducts non-compliant costs. */
    public static final Citation IM_36 = im(36, "第三十六条", EITHER);
    /** IM Art. 37: manual reimbursement at the insured place after checking for direct settlement. */
    public static final Citation IM_37 = im(37, "第三十七条", INSURED_PLACE);
    /** IM Art. 48: suspension of serious violators. */
    public static final Citation IM_48 = im(48, "第四十八条", EITHER);
    /** IM Art. 49: audit focus. */
    public static final Citation IM_49 = im(49, "第四十九条", EITHER);

    /** The national interface's fee detail upload (退单), not a regional text. */
    public static final Citation NATIONAL_INTERFACE = new Citation("national interface 2301", null, EITHER,
            "国家工伤保险异地就医结算接口规范", "");
    /** Source 000 (Qinhuangdao news): local networked settlement. */
    public static final Citation QINHUANGDAO_000 = new Citation("000", null, EITHER, "秦皇岛工伤医疗费联网结算", "");
    /** Source 004 (Baoshan news): benefits raised from data without application. */
    public static final Citation BAOSHAN_004 = new Citation("004", null, EITHER, "宝山医疗救助免申即享", "");

    private Sources() {
    }

    private static Citation bj(String section, String chinese, Role role) {
        return new Citation("BJ §" + section, BJ, role, BJ_DOC, chinese);
    }

    private static Citation im(int article, String chinese, Role role) {
        return new Citation("IM Art. " + article, IM, role, IM_DOC, chinese);
    }
}
