package io.wcsettle.his.session;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import io.wcsettle.core.calendar.Deadline;
import io.wcsettle.core.followup.WorkOrder;
import io.wcsettle.core.settlement.Route;
import io.wcsettle.core.settlement.SettlementResult;
import io.wcsettle.core.settlement.WorkerStatement;

/**
 * The outcome of a discharge settlement: core's adjudication, the worker's statement (R-SET-10),
 * the platform's settlement (absent when the bill is not settled directly), the upload deadline
 * (R-UPL-1; empty when the calendar has no data for the year yet — it never blocks a settlement)
 * and every difference between the platform's pre-settlement answer and core's adjudication.
 *
 * @param route               how core routed the bill (cross-province, the insured place's own settlement …)
 * @param result              core's adjudication
 * @param statement           the statement for the worker (text and printable HTML)
 * @param followUps           the follow-up work orders raised automatically (R-AUTO-1)
 * @param settlement          the platform's 2304 {@code setlinfo}, when settled directly
 * @param deadline            the discharge upload deadline (R-UPL-1), explicitly unknown without calendar data;
 *                            empty when nothing goes to the platform
 * @param platformDifferences where the 2303 answer differs from core (field: platform vs core), empty when none
 */
public record Discharge(Route route, SettlementResult result, WorkerStatement statement, List<WorkOrder> followUps,
                        Optional<SettlementInfo> settlement, Optional<Deadline> deadline,
                        List<String> platformDifferences) {

    /** Rejects nulls. */
    public Discharge {
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(statement, "statement");
        Objects.requireNonNull(settlement, "settlement");
        Objects.requireNonNull(deadline, "deadline");
        followUps = List.copyOf(followUps);
        platformDifferences = List.copyOf(platformDifferences);
    }

    /** The last day to upload the discharge data, when known (R-UPL-1). */
    public Optional<LocalDate> uploadDue() {
        return deadline.flatMap(Deadline::date);
    }

    /** The platform's settlement id, when settled directly. */
    public Optional<String> setlId() {
        return settlement.map(SettlementInfo::setlId);
    }
}
