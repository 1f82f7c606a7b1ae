package io.wcsettle.core.followup;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import io.wcsettle.core.money.Fen;
import io.wcsettle.core.region.Admdvs;

/**
 * R-AUTO-1: a claim for the insured place raised from a settlement record with no application by
 * the worker, moving through the states of R-AUTO-2. Immutable; its history holds every event,
 * oldest first; the approved amount is the insured agency's, set on approval.
 */
public final class WorkOrder {

    private final FollowUpClaim claim;
    private final Optional<Fen> approvedAmount;
    private final List<WorkOrderEvent> history;

    WorkOrder(FollowUpClaim claim, Optional<Fen> approvedAmount, List<WorkOrderEvent> history) {
        this.claim = Objects.requireNonNull(claim, "claim");
        this.approvedAmount = Objects.requireNonNull(approvedAmount, "approvedAmount");
        this.history = Collections.unmodifiableList(new ArrayList<>(history));
        if (this.history.isEmpty()) {
            throw new IllegalArgumentException("a work order has at least its creation event");
        }
    }

    /** Work order id (derived from the settlement and the claim kind, so raising again is idempotent). */
    public String id() {
        return claim.orderId();
    }

    /** The claim as derived from the settlement. */
    public FollowUpClaim claim() {
        return claim;
    }

    /** What the claim is for. */
    public ClaimKind kind() {
        return claim.kind();
    }

    /** The settlement record that raised it. */
    public String settlementId() {
        return claim.settlementId();
    }

    /** Opaque worker id. */
    public String workerId() {
        return claim.workerId();
    }

    /** The insured place that pays the claim. */
    public Admdvs insuredAdmdvs() {
        return claim.insuredAdmdvs();
    }

    /** The amount the insured agency approved (R-AUTO-1), empty before approval. */
    public Optional<Fen> approvedAmount() {
        return approvedAmount;
    }

    /** The current state. */
    public WorkOrderState state() {
        return history.get(history.size() - 1).to();
    }

    /** Every event, oldest first. */
    public List<WorkOrderEvent> history() {
        return history;
    }

    WorkOrder next(WorkOrderEvent event, Optional<Fen> approved) {
        List<WorkOrderEvent> h = new ArrayList<>(history);
        h.add(event);
        return new WorkOrder(claim, approved, h);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WorkOrder w && claim.equals(w.claim) && approvedAmount.equals(w.approvedAmount)
                && history.equals(w.history);
    }

    @Override
    public int hashCode() {
        return Objects.hash(claim.orderId(), history.size());
    }

    @Override
    public String toString() {
        return "WorkOrder[" + id() + ", " + state() + "]";
    }
}
