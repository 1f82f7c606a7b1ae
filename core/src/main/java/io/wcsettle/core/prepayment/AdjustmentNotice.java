package io.wcsettle.core.prepayment;

import java.util.List;

import io.wcsettle.core.region.Admdvs;

/**
 * A payment or receipt notice of the annual quota adjustment for one province (R-PRE-4).
 *
 * @param province the province the notice is addressed to
 * @param kind     payment or receipt
 * @param lines    lines sorted by counterpart code (non-refund first on a tie)
 */
public record AdjustmentNotice(Admdvs province, NoticeKind kind, List<NoticeLine> lines) {

    /** Copies {@code lines}. */
    public AdjustmentNotice {
        lines = List.copyOf(lines);
    }
}
