package io.wcsettle.core.prepayment;

import io.wcsettle.core.money.Fen;
import io.wcsettle.core.region.Admdvs;

/**
 * One line of an adjustment notice (R-PRE-4).
 *
 * @param counterpart the other province
 * @param refund      whether this is a refund of a lowered quota, shown with {@code *} before the
 *                    counterpart (IM Art. 22)
 * @param amount      positive amount
 */
public record NoticeLine(Admdvs counterpart, boolean refund, Fen amount) {

    /** The counterpart as printed on the notice: {@code "*150000"} for a refund. */
    public String counterpartLabel() {
        return (refund ? "*" : "") + counterpart.code();
    }
}
