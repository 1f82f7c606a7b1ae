package io.wcsettle.core.prepayment;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.wcsettle.core.money.Fen;
import io.wcsettle.core.region.Admdvs;

/**
 * R-PRE-4 (IM Art. 21, 22, 24): the annual quota adjustment of a year: computed by the end of
 * January, paid by the end of February. An increase is paid by the insured province to the
 * treatment province; a decrease is refunded by the treatment province, shown with {@code *}
 * before the counterpart on both notices. An unchanged pair gives no line.
 *
 * @param year      the year of the new quotas
 * @param computeBy January 31 of the year
 * @param payBy     the last day of February of the year
 * @param notices   sorted by province code, then PAYMENT before RECEIPT
 */
public record AnnualAdjustment(int year, LocalDate computeBy, LocalDate payBy, List<AdjustmentNotice> notices) {

    private static final Comparator<NoticeLine> LINE_ORDER = Comparator
            .comparing(NoticeLine::counterpart).thenComparing(NoticeLine::refund);

    /** Copies {@code notices}. */
    public AnnualAdjustment {
        notices = List.copyOf(notices);
    }

    /** The adjustment of {@code year} for {@code changes}. */
    public static AnnualAdjustment of(int year, List<QuotaChange> changes) {
        Map<Admdvs, Map<NoticeKind, List<NoticeLine>>> byProvince = new TreeMap<>();
        for (QuotaChange c : changes) {
            Fen delta = c.newQuota().minus(c.oldQuota());
            if (delta.isZero()) {
                continue;
            }
            boolean refund = delta.isNegative();
            Fen amount = refund ? delta.negate() : delta;
            Admdvs payer = refund ? c.treatment() : c.insured();
            Admdvs payee = refund ? c.insured() : c.treatment();
            add(byProvince, payer, NoticeKind.PAYMENT, new NoticeLine(payee, refund, amount));
            add(byProvince, payee, NoticeKind.RECEIPT, new NoticeLine(payer, refund, amount));
        }
        List<AdjustmentNotice> notices = new ArrayList<>();
        byProvince.forEach((province, kinds) -> kinds.forEach((kind, lines) -> {
            lines.sort(LINE_ORDER);
            notices.add(new AdjustmentNotice(province, kind, lines));
        }));
        YearMonth january = YearMonth.of(year, 1);
        return new AnnualAdjustment(year, january.atEndOfMonth(), january.plusMonths(1).atEndOfMonth(), notices);
    }

    private static void add(Map<Admdvs, Map<NoticeKind, List<NoticeLine>>> m, Admdvs province, NoticeKind kind,
            NoticeLine line) {
        m.computeIfAbsent(province, p -> new TreeMap<>()).computeIfAbsent(kind, k -> new ArrayList<>()).add(line);
    }
}
