package io.wcsettle.his.reconciliation;

import java.util.Objects;

import io.wcsettle.core.money.Fen;

/**
 * One settlement as either side records it.
 *
 * @param setlId  platform settlement id
 * @param msgid   msgid of the 2304 that committed it
 * @param medfee  total fees
 * @param fund    fund payment
 */
public record SettlementRecord(String setlId, String msgid, Fen medfee, Fen fund) {

    /** Checks required fields. */
    public SettlementRecord {
        Objects.requireNonNull(setlId, "setlId");
        Objects.requireNonNull(medfee, "medfee");
        Objects.requireNonNull(fund, "fund");
    }
}
