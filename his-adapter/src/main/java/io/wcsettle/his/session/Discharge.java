package io.wcsettle.his.session;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

import io.wcsettle.core.settlement.SettlementResult;
import io.wcsettle.core.settlement.WorkerStatement;

/**
 * The outcome of a discharge settlement: core's adjudication, the worker's statement (R-SET-10),
 * the platform's settlement id (absent when the bill could not be settled directly) and the
 * upload deadline (R-UPL-1).
 *
 * @param result     core's adjudication
 * @param statement  the statement for the worker
 * @param setlId     the platform's settlement id, when settled directly
 * @param uploadDue  the last day to upload the discharge data
 */
public record Discharge(SettlementResult result, WorkerStatement statement, Optional<String> setlId,
                        LocalDate uploadDue) {

    /** Rejects nulls. */
    public Discharge {
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(statement, "statement");
        Objects.requireNonNull(setlId, "setlId");
        Objects.requireNonNull(uploadDue, "uploadDue");
    }
}
