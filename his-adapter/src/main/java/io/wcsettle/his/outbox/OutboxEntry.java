package io.wcsettle.his.outbox;

import java.time.LocalDate;

/**
 * One stored message. {@link #toString()} shows identifiers only (the payload may hold personal
 * data).
 *
 * @param msgid          the message id, created once, reused on every retry
 * @param businessKey    the caller's idempotency key (e.g. the HIS bill number)
 * @param generation     1 for the first message of a business key; +1 for each redo after a 2601
 *                       confirmed that the platform never committed the previous one
 * @param infno          transaction code
 * @param state          current state
 * @param insuplcAdmdvs  insured admdvs of the envelope
 * @param inputJson      the signed payload, as JSON text
 * @param settledOn      settlement date for discharge uploads (R-UPL-1), or {@code null}
 * @param uploadDue      last day to upload (R-UPL-1), or {@code null}
 * @param medfeeFen      total fees in fen, or {@code null}
 * @param fundFen        fund payment in fen, or {@code null}
 * @param attempts       send attempts started (across restarts)
 * @param lastError      last error code, or {@code null}
 * @param responseJson   the verified output of a DONE / FAILED entry, or {@code null}
 * @param reversalMsgid  msgid of the 2601 that resolves an UNKNOWN entry, or {@code null}
 * @param reversalResult what the 2601 found ({@code REVERSED}, {@code NOT_FOUND}), or {@code null}
 */
public record OutboxEntry(String msgid, String businessKey, int generation, String infno, OutboxState state,
                          String insuplcAdmdvs, String inputJson, LocalDate settledOn, LocalDate uploadDue,
                          Long medfeeFen, Long fundFen, int attempts, String lastError, String responseJson,
                          String reversalMsgid, String reversalResult) {

    @Override
    public String toString() {
        return "OutboxEntry[msgid=" + msgid + ", infno=" + infno + ", state=" + state + ", generation="
                + generation + "]";
    }
}
