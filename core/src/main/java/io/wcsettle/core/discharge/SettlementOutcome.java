package io.wcsettle.core.discharge;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import io.wcsettle.core.calendar.Deadline;
import io.wcsettle.core.followup.WorkOrder;
import io.wcsettle.core.settlement.Route;
import io.wcsettle.core.settlement.RoutedSettlement;
import io.wcsettle.core.settlement.SettlementResult;
import io.wcsettle.core.settlement.WorkerStatement;

/**
 * Everything that follows from settling one discharge: the route and the settlement that counts,
 * the worker's statement, the follow-up work orders raised from it without any application
 * (R-AUTO-1), and the upload deadline of the treatment place (R-UPL-1).
 *
 * @param routed         the route, the bill as settled, its result and the cross-province verdict
 * @param statement      the worker's statement (R-SET-10)
 * @param followUps      the work orders for the insured place (meal allowance, referral transport,
 *                       manual claim), as stored; the same orders when the discharge is settled again
 * @param uploadDeadline the discharge upload deadline under the treatment place's policy when
 *                       something goes to the platform ({@link Route#CROSS_PROVINCE}); known, or
 *                       explicitly unknown when the calendar lacks the year; empty for the other routes
 */
public record SettlementOutcome(RoutedSettlement routed, WorkerStatement statement, List<WorkOrder> followUps,
                                Optional<Deadline> uploadDeadline) {

    /** Rejects nulls; copies the list. */
    public SettlementOutcome {
        Objects.requireNonNull(routed, "routed");
        Objects.requireNonNull(statement, "statement");
        followUps = List.copyOf(followUps);
        Objects.requireNonNull(uploadDeadline, "uploadDeadline");
    }

    /** Where the bill went. */
    public Route route() {
        return routed.route();
    }

    /** The settlement that counts. */
    public SettlementResult result() {
        return routed.result();
    }

    /** Whether the settlement goes to the cross-province platform (2303/2304 and the upload). */
    public boolean sendsToPlatform() {
        return routed.sendsToPlatform();
    }
}
