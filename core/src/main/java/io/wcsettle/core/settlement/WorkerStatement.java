package io.wcsettle.core.settlement;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import io.wcsettle.core.money.Fen;

/**
 * R-SET-10: the per-line explanation of a settled bill, readable by the worker — what was paid,
 * what was deducted and why (citing the rule and its source), and what goes to the insured place.
 * Structured ({@link #lines()}) and rendered as plain Chinese text ({@link #toChineseText()}).
 *
 * <p>The statement names no person: it carries line ids, codes and amounts only. Immutable.
 */
public final class WorkerStatement {

    private final Bill bill;
    private final SettlementResult result;
    private final List<StatementLine> lines;

    private WorkerStatement(Bill bill, SettlementResult result, List<StatementLine> lines) {
        this.bill = bill;
        this.result = result;
        this.lines = List.copyOf(lines);
    }

    /**
     * The statement of {@code result}, which {@code bill} was settled into.
     *
     * @throws IllegalArgumentException when the result is not of this bill (line counts differ)
     */
    public static WorkerStatement of(Bill bill, SettlementResult result) {
        Objects.requireNonNull(bill, "bill");
        Objects.requireNonNull(result, "result");
        List<BillLine> billLines = bill.lines();
        if (billLines.size() != result.lineCount()) {
            throw new IllegalArgumentException("result is not of this bill");
        }
        List<StatementLine> lines = new ArrayList<>(billLines.size());
        for (int i = 0; i < billLines.size(); i++) {
            BillLine l = billLines.get(i);
            boolean isReturn = l.isReturn();
            Fen amount = isReturn ? l.amount() : Fen.of(bill.netAmount(i));
            Fen paid = Fen.of(result.paidFen(i));
            Fen deducted = Fen.of(result.deductedFen(i));
            Fen outside = Fen.of(result.outsideFen(i));
            LineReason reason = result.reasonOf(i);
            String text = explain(l, bill.returned(i), amount, paid, deducted, outside, reason, result.directSettlement());
            lines.add(new StatementLine(l.id(), l.code(), l.category(), amount, paid, deducted, outside,
                    Optional.ofNullable(reason), text));
        }
        return new WorkerStatement(bill, result, lines);
    }

    /** Whether the bill was settled directly. */
    public boolean directSettlement() {
        return result.directSettlement();
    }

    /** Every bill-level reason (empty when settled directly). */
    public Set<BillReason> reasons() {
        return result.reasons();
    }

    /** The settlement's totals and lines. */
    public SettlementResult result() {
        return result;
    }

    /** One explanation per bill line, in input order. */
    public List<StatementLine> lines() {
        return lines;
    }

    /** The statement as plain Chinese text, one paragraph per part. */
    public String toChineseText() {
        StringBuilder sb = new StringBuilder(256 + 80 * lines.size());
        Stay stay = bill.stay();
        sb.append("工伤保险跨省异地就医结算说明\n");
        sb.append("就医机构：").append(bill.institution().code())
                .append("；").append(stay.admittedOn()).append(" 至 ").append(stay.dischargedOn()).append('\n');
        if (!result.directSettlement()) {
            sb.append("本次费用不能直接结算，原因：\n");
            for (BillReason r : result.reasons()) {
                sb.append("- ").append(r.chinese()).append("（").append(r.rule()).append("；")
                        .append(r.source()).append("）\n");
            }
            sb.append("费用合计 ").append(yuan(result.total()))
                    .append("，基金未直接支付。请持票据向参保地经办机构申请报销（R-UPL-3；IM Art. 37）。\n");
        } else {
            sb.append("费用合计 ").append(yuan(result.total()))
                    .append("，其中工伤保险基金直接支付 ").append(yuan(result.fundPaid()))
                    .append("，扣除 ").append(yuan(result.deducted()))
                    .append("，转参保地报销 ").append(yuan(result.outside())).append("。\n");
        }
        sb.append("明细：\n");
        for (StatementLine l : lines) {
            sb.append(l.id()).append(". ").append(l.code()).append("（").append(categoryName(l.category()))
                    .append("）").append(l.text()).append('\n');
        }
        if (result.directSettlement() && !result.outside().isZero()) {
            sb.append("转参保地的费用 ").append(yuan(result.outside()))
                    .append(" 不在就医地直接结算，由参保地按其标准审核报销（R-SET-6；BJ §二(三); IM Art. 31）。\n");
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return toChineseText();
    }

    private static String explain(BillLine line, boolean returned, Fen amount, Fen paid, Fen deducted, Fen outside,
                                  LineReason reason, boolean direct) {
        StringBuilder sb = new StringBuilder(64);
        if (line.isReturn()) {
            return sb.append("退费 ").append(yuan(amount.negate())).append("，已冲抵第 ")
                    .append(line.returnOf().get()).append(" 项").append(cite(LineReason.RETURN)).append('。')
                    .toString();
        }
        sb.append("金额 ").append(yuan(amount));
        if (returned) {
            sb.append("（退费后净额）");
        }
        sb.append('：');
        if (reason == null) {
            return sb.append("基金全额支付 ").append(yuan(paid)).append('。').toString();
        }
        switch (reason) {
            case RETURN:
                sb.append("已全部退费，基金不予支付");
                if (!deducted.isZero()) {
                    sb.append("，尾差 ").append(yuan(deducted)).append(" 不予支付");
                }
                return sb.append(cite(reason)).append('。').toString();
            case OUTSIDE_DIRECT_SETTLEMENT:
                if (!direct) {
                    return sb.append(yuan(outside)).append(" 本次不能直接结算，转参保地报销（R-SET-1；R-UPL-3）。")
                            .toString();
                }
                return sb.append(yuan(outside)).append(' ').append(reason.chinese()).append(cite(reason)).append('。')
                        .toString();
            case OVER_STANDARD:
            case DEVICE_OVER_CAP:
                return sb.append("基金支付 ").append(yuan(paid)).append("；扣除 ").append(yuan(deducted))
                        .append("，原因：").append(reason.chinese()).append(cite(reason)).append('。').toString();
            default:
                return sb.append("扣除 ").append(yuan(deducted)).append("，原因：").append(reason.chinese())
                        .append(cite(reason)).append('。').toString();
        }
    }

    private static String cite(LineReason reason) {
        return "（" + reason.rule() + "；" + reason.source() + "）";
    }

    private static String yuan(Fen fen) {
        return fen.toYuanString() + " 元";
    }

    static String categoryName(LineCategory category) {
        switch (category) {
            case DRUG:
                return "药品";
            case ITEM:
                return "诊疗项目";
            case SERVICE:
                return "服务设施";
            case REHAB:
                return "康复项目";
            case DEVICE:
                return "辅助器具";
            case MEAL:
                return "住院伙食补助费";
            case TRANSPORT:
                return "交通食宿费";
            default:
                throw new IllegalStateException("unknown category");
        }
    }
}
