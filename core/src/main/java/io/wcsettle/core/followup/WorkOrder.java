package io.wcsettle.core.followup;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

import io.wcsettle.core.money.Fen;
import io.wcsettle.core.region.Admdvs;

/**
 * R-AUTO-1: a claim for the insured place raised from a settlement record with no application by
 * the worker — the costs outside direct settlement (R-SET-6: meal allowance, referral transport).
 * Immutable; its history holds every event, oldest first.
 */
public final class WorkOrder {

    private final String id;
    private final String settlementId;
    private final String workerId;
    private final Admdvs insuredAdmdvs;
    private final Fen amount;
    private final List<WorkOrderEvent> history;

    WorkOrder(String id, String settlementId, String workerId, Admdvs insuredAdmdvs, Fen amount,
              List<WorkOrderEvent> history) {
        this.id = Objects.requireNonNull(id, "id");
        this.settlementId = Objects.requireNonNull(settlementId, "settlementId");
        this.workerId = Objects.requireNonNull(workerId, "workerId");
        this.insuredAdmdvs = Objects.requireNonNull(insuredAdmdvs, "insuredAdmdvs");
        this.amount = Objects.requireNonNull(amount, "amount");
        this.history = Collections.unmodifiableList(new ArrayList<>(history));
    }

    /** Work order id (derived from the settlement, so re-raising is idempotent). */
    public String id() {
        return id;
    }

    /** The settlement record that raised it. */
    public String settlementId() {
        return settlementId;
    }

    /** Opaque worker id. */
    public String workerId() {
        return workerId;
    }

    /** The insured place that pays the claim. */
    public Admdvs insuredAdmdvs() {
        return insuredAdmdvs;
    }

    /** The amount claimed: the bill's outside-direct-settlement total. */
    public Fen amount() {
        return amount;
    }

    /** The current state. */
    public WorkOrderState state() {
        return history.get(history.size() - 1).to();
    }

    /** Every event, oldest first. */
    public List<WorkOrderEvent> history() {
        return history;
    }
}
