package io.wcsettle.his.outbox;

import java.time.LocalDate;
import java.util.Objects;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.wcsettle.core.money.Fen;

/**
 * A message to write to the outbox before it is sent (R-UPL-4).
 *
 * @param businessKey   the caller's idempotency key: enqueuing the same key again returns the stored
 *                      entry instead of a new message (so a restarted HIS never mints a second msgid)
 * @param infno         transaction code
 * @param insuplcAdmdvs insured admdvs
 * @param input         payload
 * @param settledOn     for discharge uploads: the settlement date that starts the R-UPL-1 clock; else null
 * @param medfee        total fees, or null
 * @param fundPaid      fund payment, or null
 */
public record NewMessage(String businessKey, String infno, String insuplcAdmdvs, ObjectNode input,
                         LocalDate settledOn, Fen medfee, Fen fundPaid) {

    /** Checks required fields. */
    public NewMessage {
        Objects.requireNonNull(businessKey, "businessKey");
        if (businessKey.isEmpty() || businessKey.length() > 64) {
            throw new IllegalArgumentException("businessKey must be 1..64 characters");
        }
        Objects.requireNonNull(infno, "infno");
        Objects.requireNonNull(insuplcAdmdvs, "insuplcAdmdvs");
        Objects.requireNonNull(input, "input");
    }

    @Override
    public String toString() {
        return "NewMessage[businessKey=" + businessKey + ", infno=" + infno + "]";
    }
}
