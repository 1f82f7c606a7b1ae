package io.wcsettle.his.session;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import io.wcsettle.core.settlement.SettlementResult;
import io.wcsettle.core.settlement.WorkerStatement;

/**
 * The outcome of a discharge settlement: core's adjudication, the worker's statement (R-SET-10),
 * the platform's settlement (absent when the bill is not settled directly), the upload deadline
 * (R-UPL-1; empty when the calendar has no data for the year yet — it never blocks a settlement)
 * and every difference between the platform's pre-settlement answer and core's adjudication.
 *
 * @param result              core's adjudication
 * @param statement           the statement for the worker
 * @param settlement          the platform's 2304 {@code setlinfo}, when settled directly
 * @param uploadDue           the last day to upload the discharge data, empty when unknown
 * @param platformDifferences where the 2303 answer differs from core (field: platform vs core), empty when none
 */
public record Discharge(SettlementResult result, WorkerStatement statement, Optional<SettlementInfo> settlement,
                        Optional<LocalDate> uploadDue, List<String> platformDifferences) {

    /** Rejects nulls. */
    public Discharge {
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(statement, "statement");
        Objects.requireNonNull(settlement, "settlement");
        Objects.requireNonNull(uploadDue, "uploadDue");
        platformDifferences = List.copyOf(platformDifferences);
    }

    /** The platform's settlement id, when settled directly. */
    public Optional<String> setlId() {
        return settlement.map(SettlementInfo::setlId);
    }
}
