package io.wcsettle.core.settlement;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import io.wcsettle.core.filing.Filing;
import io.wcsettle.core.filing.FilingType;
import io.wcsettle.core.money.Fen;
import io.wcsettle.core.region.Admdvs;
import io.wcsettle.core.rule.Citation;
import io.wcsettle.core.rule.Sources;
import io.wcsettle.core.rule.WorkerReason;

/**
 * R-SET-10: the statement a worker is handed at discharge — the institution, the worker (name
 * masked), the settlement id, the dates, the totals (total, fund paid, deducted, outside direct
 * settlement, what the worker pays at discharge), how the bill was settled, and every line with
 * what was paid, what was deducted and why.
 *
 * <p>Two forms: structured ({@link #lines()}, {@link #reasons()}, each reason with its rule id and
 * source) for systems, and a document for the worker, as plain text ({@link #toChineseText()}) or a
 * printable, self-contained HTML page ({@link #toHtml()}). The document is plain Chinese without
 * rule ids or English, and cites only articles of the worker's insured place and of the treatment
 * place actually involved ({@link Citation#appliesTo}): a Beijing worker treated in Changsha reads
 * Beijing's articles, never Inner Mongolia's. Where neither place's text is in the SDK's sources,
 * the reason names the kind of rule instead ({@link WorkerReason#fallbackBasis()}).
 *
 * <p>What the worker pays at discharge is, by interpretation, what the fund does not pay directly
 * ({@code total − fundPaid} = deducted + outside): nothing for covered costs. The part outside
 * direct settlement of a directly settled bill (meal allowance, referral transport) is then paid
 * by the insured place by its own standard, with no application (R-SET-6, R-AUTO-1).
 *
 * <p>Immutable.
 */
public final class WorkerStatement {

    private static final String TITLE = "工伤保险异地就医费用结算单";

    /** How the bill was settled, as the worker is told. */
    private enum Mode {
        CROSS_PROVINCE, HOME_PLACE, HOME_PLACE_ROUTED, HOME_PLACE_REFUSED, LOCAL_NETWORKED, NOT_DIRECT
    }

    private final Bill bill;
    private final SettlementResult result;
    private final StatementHeader header;
    private final List<StatementLine> lines;
    private final List<String> notes;
    private final Mode mode;
    private final String insuredProvince;
    private final String treatmentProvince;

    private WorkerStatement(Bill bill, SettlementResult result, StatementHeader header) {
        this.bill = bill;
        this.result = result;
        this.header = header;
        this.insuredProvince = insuredPlace(bill).map(a -> a.province().code()).orElse(null);
        // the insured place's own settlement (R-FIL-11, R-LOC-1) is no cross-province case: no place
        // acts as treatment place for workers from elsewhere, so only the insured place's texts apply
        this.treatmentProvince = bill.basis() == SettlementBasis.CROSS_PROVINCE
                ? bill.institution().admdvs().province().code() : null;
        this.mode = modeOf(bill, result);
        List<BillLine> billLines = bill.lines();
        List<StatementLine> out = new ArrayList<>(billLines.size());
        List<String> lineNotes = new ArrayList<>(billLines.size());
        for (int i = 0; i < billLines.size(); i++) {
            BillLine l = billLines.get(i);
            Fen amount = l.isReturn() ? l.amount() : Fen.of(bill.netAmount(i));
            Fen paid = Fen.of(result.paidFen(i));
            Fen deducted = Fen.of(result.deductedFen(i));
            Fen outside = Fen.of(result.outsideFen(i));
            LineReason reason = result.reasonOf(i);
            List<Citation> cited = reason == null || mode == Mode.HOME_PLACE_ROUTED || !result.directSettlement()
                    ? List.of() : applying(reason);
            String note = explain(l, paid, deducted, outside, reason, cited);
            lineNotes.add(note);
            StringBuilder text = new StringBuilder(80).append("金额 ").append(yuan(amount));
            if (!l.isReturn() && bill.returned(i)) {
                text.append("（退费后净额）");
            }
            text.append("：").append(note);
            out.add(new StatementLine(l.id(), l.code(), l.category(), amount, paid, deducted, outside,
                    Optional.ofNullable(reason), cited, text.toString()));
        }
        this.lines = List.copyOf(out);
        this.notes = List.copyOf(lineNotes);
    }

    /**
     * The statement of {@code result}, which {@code bill} was settled into, without a header (the
     * document then shows the institution's code only).
     *
     * @throws IllegalArgumentException when the result is not of this bill (line counts differ)
     */
    public static WorkerStatement of(Bill bill, SettlementResult result) {
        return of(bill, result, StatementHeader.NONE);
    }

    /**
     * The statement of {@code result}, which {@code bill} was settled into.
     *
     * @throws IllegalArgumentException when the result is not of this bill (line counts differ)
     */
    public static WorkerStatement of(Bill bill, SettlementResult result, StatementHeader header) {
        Objects.requireNonNull(bill, "bill");
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(header, "header");
        if (bill.lines().size() != result.lineCount()) {
            throw new IllegalArgumentException("result is not of this bill");
        }
        return new WorkerStatement(bill, result, header);
    }

    /** The statement of a routed settlement: the bill and result that count ({@link RoutedSettlement#result()}). */
    public static WorkerStatement of(RoutedSettlement routed, StatementHeader header) {
        return of(routed.bill(), routed.result(), header);
    }

    /** Whether the bill was settled directly. */
    public boolean directSettlement() {
        return result.directSettlement();
    }

    /** Every bill-level reason (empty when settled directly), each with its rule id and source. */
    public Set<BillReason> reasons() {
        return result.reasons();
    }

    /** The settlement's totals and lines. */
    public SettlementResult result() {
        return result;
    }

    /** The header printed above the amounts. */
    public StatementHeader header() {
        return header;
    }

    /** On what the bill was settled. */
    public SettlementBasis basis() {
        return bill.basis();
    }

    /**
     * What the worker pays at discharge: {@code total − fundPaid}, i.e. deducted plus outside;
     * zero when every cost is covered and settled directly.
     */
    public Fen workerPays() {
        return result.total().minus(result.fundPaid());
    }

    /** One explanation per bill line, in input order. */
    public List<StatementLine> lines() {
        return lines;
    }

    /** The statement as a plain Chinese text document. */
    public String toChineseText() {
        StringBuilder sb = new StringBuilder(512 + 96 * lines.size());
        sb.append(TITLE).append('\n');
        for (String[] row : headRows()) {
            sb.append(row[0]).append('：').append(row[1]).append('\n');
        }
        sb.append('\n');
        for (String[] row : totalRows()) {
            sb.append(row[0]).append('：').append(row[1]).append('\n');
        }
        List<String> paragraphs = paragraphs();
        if (!paragraphs.isEmpty()) {
            sb.append('\n');
            paragraphs.forEach(p -> sb.append(p).append('\n'));
        }
        sb.append("\n费用明细：\n");
        for (int i = 0; i < lines.size(); i++) {
            StatementLine l = lines.get(i);
            sb.append(i + 1).append(". ").append(categoryName(l.category())).append(" 项目编码 ").append(l.code())
                    .append(" ").append(l.text()).append('\n');
        }
        sb.append("\n职工（或代办人）签字：______________　日期：______________\n");
        return sb.toString();
    }

    /**
     * The statement as a printable HTML page: UTF-8, self-contained (inline style, no script, no
     * external resource), every value escaped, laid out for A4.
     */
    public String toHtml() {
        StringBuilder sb = new StringBuilder(2048 + 256 * lines.size());
        sb.append("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"UTF-8\">\n<title>")
                .append(TITLE).append("</title>\n<style>\n")
                .append("body{font-family:\"Noto Sans CJK SC\",\"Source Han Sans SC\",\"Microsoft YaHei\",\"SimSun\",sans-serif;")
                .append("font-size:11pt;margin:2em;color:#000}\n")
                .append("h1{font-size:16pt;text-align:center;margin:0 0 1em}\n")
                .append("h2{font-size:12pt;margin:1.2em 0 .4em}\n")
                .append("table{border-collapse:collapse;width:100%}\n")
                .append("th,td{border:1px solid #000;padding:3px 6px;vertical-align:top}\n")
                .append("th{background:#eee;text-align:left;font-weight:normal}\n")
                .append("td.num{text-align:right;white-space:nowrap}\n")
                .append("p{margin:.4em 0}\n.sign{margin-top:2em}\n")
                .append("@page{size:A4;margin:15mm}\n@media print{body{margin:0}}\n")
                .append("</style>\n</head>\n<body>\n<h1>").append(TITLE).append("</h1>\n<table>\n");
        for (String[] row : headRows()) {
            sb.append("<tr><th>").append(escape(row[0])).append("</th><td>").append(escape(row[1]))
                    .append("</td></tr>\n");
        }
        sb.append("</table>\n<h2>费用汇总</h2>\n<table>\n");
        for (String[] row : totalRows()) {
            sb.append("<tr><th>").append(escape(row[0])).append("</th><td class=\"num\">").append(escape(row[1]))
                    .append("</td></tr>\n");
        }
        sb.append("</table>\n");
        for (String p : paragraphs()) {
            sb.append("<p>").append(escape(p)).append("</p>\n");
        }
        sb.append("<h2>费用明细</h2>\n<table>\n<tr><th>序号</th><th>类别</th><th>项目编码</th><th>金额（元）</th>")
                .append("<th>基金支付</th><th>不予支付</th><th>不纳入直接结算</th><th>说明</th></tr>\n");
        for (int i = 0; i < lines.size(); i++) {
            StatementLine l = lines.get(i);
            sb.append("<tr><td class=\"num\">").append(i + 1).append("</td><td>").append(categoryName(l.category()))
                    .append("</td><td>").append(escape(l.code())).append("</td><td class=\"num\">")
                    .append(l.amount().toYuanString()).append("</td><td class=\"num\">").append(l.paid().toYuanString())
                    .append("</td><td class=\"num\">").append(l.deducted().toYuanString())
                    .append("</td><td class=\"num\">").append(l.outside().toYuanString()).append("</td><td>")
                    .append(escape(notes.get(i))).append("</td></tr>\n");
        }
        sb.append("</table>\n<p class=\"sign\">职工（或代办人）签字：______________　日期：______________</p>\n")
                .append("</body>\n</html>\n");
        return sb.toString();
    }

    @Override
    public String toString() {
        return toChineseText();
    }

    // ---- document parts -------------------------------------------------------------------------

    private List<String[]> headRows() {
        List<String[]> rows = new ArrayList<>();
        String code = bill.institution().code();
        rows.add(new String[] {"就医机构", header.institutionName().map(n -> n + "（机构编码 " + code + "）")
                .orElse("机构编码 " + code)});
        header.maskedWorkerName().ifPresent(n -> rows.add(new String[] {"职工姓名", n}));
        header.settlementId().ifPresent(id -> rows.add(new String[] {"结算编号", id}));
        insuredPlace(bill).ifPresent(a -> rows.add(new String[] {"参保地", a.provinceName()}));
        rows.add(new String[] {"就医地", bill.institution().admdvs().provinceName()});
        bill.filing().ifPresent(f -> rows.add(new String[] {"备案类型", filingTypeName(f.type())}));
        Stay stay = bill.stay();
        rows.add(new String[] {stay.kind() == StayKind.DEVICE ? "配置日期" : "入院日期", date(stay.admittedOn())});
        if (stay.kind() != StayKind.DEVICE) {
            rows.add(new String[] {"出院日期", date(stay.dischargedOn())});
        }
        rows.add(new String[] {"结算日期", date(stay.dischargedOn())});
        rows.add(new String[] {"结算方式", modeName()});
        return rows;
    }

    private List<String[]> totalRows() {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"费用合计", yuan(result.total())});
        if (mode == Mode.HOME_PLACE_ROUTED) {
            return rows; // the amounts are the insured place's own settlement's, not this verdict's
        }
        rows.add(new String[] {"工伤保险基金支付", yuan(result.fundPaid())});
        rows.add(new String[] {"不予支付（扣除）", yuan(result.deducted())});
        rows.add(new String[] {"不纳入直接结算", yuan(result.outside())});
        rows.add(new String[] {"个人本次支付", yuan(workerPays())});
        return rows;
    }

    private List<String> paragraphs() {
        List<String> ps = new ArrayList<>();
        switch (mode) {
            case CROSS_PROVINCE:
            case LOCAL_NETWORKED:
                ps.add("工伤保险支付范围内的费用已由工伤保险基金直接结算，个人无需垫付。");
                break;
            case HOME_PLACE:
                ps.add("您在异地长期居住（工作）备案有效期内回参保地就医，本次费用按参保地政策直接结算，不经跨省异地就医结算"
                        + cite(BillReason.TREATED_IN_INSURED_PLACE) + "。工伤保险支付范围内的费用个人无需垫付。");
                break;
            case HOME_PLACE_ROUTED:
                ps.add("您在异地长期居住（工作）备案有效期内回参保地就医，本次费用不经跨省异地就医结算，由参保地按本地政策直接结算"
                        + cite(BillReason.TREATED_IN_INSURED_PLACE) + "，金额以参保地结算结果为准，无需另行申请报销。");
                break;
            case HOME_PLACE_REFUSED:
                ps.add("您在异地长期居住（工作）备案有效期内回参保地就医，本次费用按参保地政策办理"
                        + cite(BillReason.TREATED_IN_INSURED_PLACE) + "，但未能直接结算，原因：");
                result.reasons().forEach(r -> ps.add("· " + r.chinese() + cite(r) + "；"));
                ps.add("请持本结算单向参保地经办机构咨询办理。");
                break;
            default:
                ps.add("本次费用未能直接结算，工伤保险基金未支付，原因：");
                result.reasons().forEach(r -> ps.add("· " + r.chinese() + cite(r) + "；"));
                ps.add("请妥善保管票据和本结算单，向参保地经办机构申请报销；参保地经办机构将先核实本次费用未经直接结算，杜绝重复报销"
                        + cite(List.of(Sources.IM_37), "参保地工伤保险经办规定") + "。");
                break;
        }
        if (result.directSettlement() && !result.deducted().isZero()) {
            ps.add("不予支付的费用及原因见费用明细。");
        }
        if (result.directSettlement() && !result.outside().isZero()) {
            ps.add("不纳入直接结算的 " + yuan(result.outside()) + " 由个人本次先行支付；"
                    + "其中住院伙食补助费和异地转诊转院的交通食宿费由参保地经办机构根据本次结算数据按参保地标准核发，无需另行申请"
                    + cite(LineReason.OUTSIDE_DIRECT_SETTLEMENT) + "。");
        }
        return ps;
    }

    private String modeName() {
        switch (mode) {
            case CROSS_PROVINCE:
                return "跨省异地就医直接结算";
            case HOME_PLACE:
                return "回参保地就医，按参保地政策直接结算";
            case HOME_PLACE_ROUTED:
                return "回参保地就医，由参保地按本地政策结算";
            case HOME_PLACE_REFUSED:
                return "回参保地就医，未能直接结算";
            case LOCAL_NETWORKED:
                return "工伤医疗费联网结算";
            default:
                return "未能直接结算";
        }
    }

    private String explain(BillLine line, Fen paid, Fen deducted, Fen outside, LineReason reason,
                           List<Citation> cited) {
        if (line.isReturn()) {
            return "退费 " + yuan(line.amount().negate()) + "，已冲减第 " + line.returnOf().get() + " 项。";
        }
        if (mode == Mode.HOME_PLACE_ROUTED) {
            return "按参保地政策结算。";
        }
        if (!result.directSettlement()) {
            return reason == LineReason.RETURN ? "已全部退费。" : "未能直接结算，" + yuan(outside) + " 由个人先行支付。";
        }
        if (reason == null) {
            return "工伤保险基金全额支付 " + yuan(paid) + "。";
        }
        String basis = basis(cited, reason);
        switch (reason) {
            case RETURN:
                return deducted.isZero() ? "已全部退费。" : "已全部退费，尾差 " + yuan(deducted) + " 不予支付。";
            case OUTSIDE_DIRECT_SETTLEMENT:
                return outsideText(line, outside) + basis + "。";
            case OVER_STANDARD:
            case DEVICE_OVER_CAP:
                return "工伤保险基金支付 " + yuan(paid) + "，不予支付 " + yuan(deducted) + "，原因：" + reason.chinese() + basis
                        + "。";
            default:
                return "不予支付 " + yuan(deducted) + "，原因：" + reason.chinese() + basis + "。";
        }
    }

    private String outsideText(BillLine line, Fen outside) {
        if (line.category() == LineCategory.TRANSPORT) {
            Optional<FilingType> type = bill.filing().map(Filing::type);
            if (type.isPresent() && type.get() != FilingType.REFERRAL) {
                return "交通食宿费仅限异地转诊转院的职工由参保地审核报销，您的备案类型为" + filingTypeName(type.get())
                        + "，工伤保险基金不予报销，" + yuan(outside) + " 由个人负担";
            }
            return "异地转诊转院的交通食宿费不纳入直接结算，由参保地经办机构按参保地标准审核报销，无需另行申请";
        }
        if (line.category() == LineCategory.MEAL) {
            return "住院伙食补助费不纳入直接结算，由参保地经办机构按参保地标准（按住院天数计算）核发，无需另行申请";
        }
        return yuan(outside) + " 不纳入直接结算，由参保地经办机构按参保地标准审核支付";
    }

    // ---- citations ------------------------------------------------------------------------------

    private List<Citation> applying(WorkerReason reason) {
        return Citation.applying(reason.citations(), insuredProvince, treatmentProvince);
    }

    private String cite(WorkerReason reason) {
        return format(applying(reason), reason.fallbackBasis());
    }

    private String cite(List<Citation> citations, String fallback) {
        return format(Citation.applying(citations, insuredProvince, treatmentProvince), fallback);
    }

    private static String basis(List<Citation> cited, WorkerReason reason) {
        return format(cited, reason.fallbackBasis());
    }

    private static String format(List<Citation> applying, String fallback) {
        if (applying.isEmpty()) {
            return "（依据：" + fallback + "）";
        }
        return "（依据：" + Citation.chinese(applying) + "）";
    }

    // ---- helpers --------------------------------------------------------------------------------

    private static Mode modeOf(Bill bill, SettlementResult result) {
        boolean direct = result.directSettlement();
        switch (bill.basis()) {
            case HOME_PLACE:
                return direct ? Mode.HOME_PLACE : Mode.HOME_PLACE_REFUSED;
            case LOCAL_NETWORKED:
                return direct ? Mode.LOCAL_NETWORKED : Mode.NOT_DIRECT;
            default:
                if (direct) {
                    return Mode.CROSS_PROVINCE;
                }
                return SettlementRouter.isHomePlace(bill, result) ? Mode.HOME_PLACE_ROUTED : Mode.NOT_DIRECT;
        }
    }

    private static Optional<Admdvs> insuredPlace(Bill bill) {
        if (bill.filing().isPresent()) {
            return Optional.of(bill.filing().get().insuredAdmdvs());
        }
        return bill.localApproval().map(a -> a.insuredCity());
    }

    static String escape(String text) {
        StringBuilder sb = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    private static String date(LocalDate d) {
        return d.getYear() + "年" + d.getMonthValue() + "月" + d.getDayOfMonth() + "日";
    }

    private static String yuan(Fen fen) {
        return fen.toYuanString() + " 元";
    }

    static String filingTypeName(FilingType type) {
        switch (type) {
            case REFERRAL:
                return "异地转诊转院";
            case LONG_TERM_RESIDENCE:
                return "异地长期居住";
            default:
                return "常驻异地工作";
        }
    }

    static String categoryName(LineCategory category) {
        switch (category) {
            case DRUG:
                return "药品";
            case ITEM:
                return "诊疗项目";
            case SERVICE:
                return "住院服务";
            case REHAB:
                return "康复项目";
            case DEVICE:
                return "辅助器具";
            case MEAL:
                return "住院伙食";
            case TRANSPORT:
                return "交通食宿";
            default:
                throw new IllegalStateException("unknown category");
        }
    }
}
