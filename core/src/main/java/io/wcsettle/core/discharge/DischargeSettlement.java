package io.wcsettle.core.discharge;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedSet;

import io.wcsettle.core.calendar.Deadline;
import io.wcsettle.core.followup.FollowUpClaim;
import io.wcsettle.core.followup.FollowUpClaims;
import io.wcsettle.core.followup.FollowUpDesk;
import io.wcsettle.core.followup.WorkOrder;
import io.wcsettle.core.policy.RegionalPolicies;
import io.wcsettle.core.settlement.Bill;
import io.wcsettle.core.settlement.RoutedSettlement;
import io.wcsettle.core.settlement.SettlementRouter;
import io.wcsettle.core.settlement.WorkerStatement;
import io.wcsettle.core.upload.UploadDeadlines;

/**
 * Settles a discharge and everything that follows from it, in one call, so that nothing depends on
 * the integrator remembering a second one:
 *
 * <ol>
 * <li>route and settle ({@link SettlementRouter}: cross-province, the insured place's own
 *     settlement of R-FIL-11, local networked, or a manual claim) — pure;</li>
 * <li>the worker's statement (R-SET-10);</li>
 * <li>the follow-up claims derived from the data ({@link FollowUpClaims}) raised as work orders
 *     (R-AUTO-1): idempotent by the settlement id, listeners hear each order once;</li>
 * <li>the discharge upload deadline under the treatment place's policy (R-UPL-1), as a
 *     {@link Deadline} value that is explicitly unknown when the calendar lacks a year.</li>
 * </ol>
 *
 * <p>A settlement never fails for lack of calendar data or of a meal allowance standard. Settling
 * the same request again gives the same outcome and raises nothing new. Thread-safe when the
 * work-order store is.
 */
public final class DischargeSettlement {

    private final SettlementRouter router;
    private final RegionalPolicies policies;
    private final UploadDeadlines deadlines;
    private final FollowUpDesk followUp;

    private DischargeSettlement(Builder b) {
        this.router = Objects.requireNonNull(b.router, "router");
        this.policies = Objects.requireNonNull(b.policies, "policies");
        this.deadlines = Objects.requireNonNull(b.deadlines, "deadlines");
        this.followUp = Objects.requireNonNull(b.followUp, "followUp");
        if (!policies.hasDefault()) {
            throw new IllegalArgumentException("policies need a 'default' profile for places without their own");
        }
    }

    /** A builder; every part is required. */
    public static Builder builder() {
        return new Builder();
    }

    /** Settles {@code request} and raises what follows from it. Business refusals are in the outcome. */
    public SettlementOutcome settle(DischargeRequest request) {
        Bill bill = request.bill();
        RoutedSettlement routed = router.settle(bill);
        WorkerStatement statement = WorkerStatement.of(routed, request.header());
        List<FollowUpClaim> claims = FollowUpClaims.derive(request.settlementId(), request.workerId(),
                request.insuredAdmdvs(), routed, policies.forPlace(request.insuredAdmdvs()));
        List<WorkOrder> orders = followUp.raiseAll(claims);
        Optional<Deadline> due = routed.sendsToPlatform()
                ? Optional.of(deadlines.dischargeUpload(routed.bill().institution().admdvs(), request.settledOn()))
                : Optional.empty();
        return new SettlementOutcome(routed, statement, orders, due);
    }

    /**
     * The years from {@code today} through {@code today + horizon} the calendar has no data for;
     * report them ahead of time (e.g. daily, at WARN) so an upload deadline never becomes unknown.
     */
    public SortedSet<Integer> missingCalendarYears(LocalDate today, Period horizon) {
        return deadlines.missingYearsAhead(today, horizon);
    }

    /** Builder of {@link DischargeSettlement}. */
    public static final class Builder {
        private SettlementRouter router;
        private RegionalPolicies policies;
        private UploadDeadlines deadlines;
        private FollowUpDesk followUp;

        private Builder() {
        }

        /** The router with the cross-province engine and the insured place's own engine. */
        public Builder router(SettlementRouter router) {
            this.router = router;
            return this;
        }

        /** The regional policies: the insured place's meal allowance standard (R-SET-6); needs {@code default}. */
        public Builder policies(RegionalPolicies policies) {
            this.policies = policies;
            return this;
        }

        /** The upload deadlines by treatment place ({@link UploadDeadlines#byTreatmentPlace}). */
        public Builder deadlines(UploadDeadlines deadlines) {
            this.deadlines = deadlines;
            return this;
        }

        /** The follow-up desk over the integrator's work-order store. */
        public Builder followUp(FollowUpDesk followUp) {
            this.followUp = followUp;
            return this;
        }

        /**
         * The service.
         *
         * @throws IllegalArgumentException when the policies have no {@code default} profile
         */
        public DischargeSettlement build() {
            return new DischargeSettlement(this);
        }
    }
}
