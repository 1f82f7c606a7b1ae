package io.wcsettle.his.reconciliation;

import io.wcsettle.core.money.Fen;

/**
 * One difference between local and platform records.
 *
 * @param kind     what differs
 * @param setlId   platform settlement id, {@code null} for a totals mismatch
 * @param msgid    msgid of the settlement, when known
 * @param local    local value (count as fen-less number or amount), {@code null} when absent
 * @param platform platform value, {@code null} when absent
 */
public record Mismatch(MismatchKind kind, String setlId, String msgid, Fen local, Fen platform) {
}
