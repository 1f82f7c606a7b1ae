package io.wcsettle.core.clearing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

import io.wcsettle.core.error.AgencyErrorCode;
import io.wcsettle.core.error.WcsettleException;
import io.wcsettle.core.money.Fen;
import io.wcsettle.core.region.Admdvs;

/**
 * The confirmation and dispute workflow of one clearing period (R-CLR-7, -3; IM Art. 39, 49):
 * the tables generated on the 21st are distributed to every province in them; each province
 * confirms or disputes items, due by the 25th (a later answer is accepted and marked late); a
 * disputed item is escalated to the ministry-level agency and resolved by an adjustment cleared in
 * a later period ({@link Adjustment}), never by editing these tables, which are fixed at
 * generation. Every change is a {@link WorkflowEvent} with who and when.
 *
 * <p>A store replays its recorded events by calling the same methods in order. Not thread-safe.
 */
public final class ClearingWorkflow {

    private final Quarter quarter;
    private final ClearingTables tables;
    private final SortedSet<Admdvs> provinces;
    private final List<WorkflowEvent> events = new ArrayList<>();
    private final Map<Admdvs, Boolean> confirmedBy = new TreeMap<>();
    private final Map<String, DisputedItem> disputes = new LinkedHashMap<>();
    private final Map<String, DisputeState> disputeStates = new LinkedHashMap<>();
    private final Map<String, Adjustment> adjustments = new LinkedHashMap<>();
    private boolean distributed;

    private ClearingWorkflow(Quarter quarter, ClearingTables tables) {
        this.quarter = quarter;
        this.tables = tables;
        SortedSet<Admdvs> p = new TreeSet<>();
        for (PairTotal t : tables.nationalTable()) {
            p.add(t.pair().insured());
            p.add(t.pair().treatment());
        }
        this.provinces = Collections.unmodifiableSortedSet(p);
    }

    /**
     * R-CLR-2: the tables of {@code quarter}, generated on {@code on}.
     *
     * @throws WcsettleException {@code ILLEGAL_TRANSITION} before the 21st of the quarter's last month
     *         (the period's records are not all in before then)
     */
    public static ClearingWorkflow generate(Quarter quarter, ClearingTables tables, String actor, LocalDate on) {
        Objects.requireNonNull(quarter, "quarter");
        Objects.requireNonNull(tables, "tables");
        if (on.isBefore(quarter.schedule().generatedOn())) {
            throw illegal("tables of " + quarter + " are generated on " + quarter.schedule().generatedOn() + " (R-CLR-2)");
        }
        ClearingWorkflow w = new ClearingWorkflow(quarter, tables);
        w.events.add(new WorkflowEvent(WorkflowStep.GENERATE, null, "", actor, on, false, ""));
        return w;
    }

    /** Sends the tables to every province in them. */
    public WorkflowEvent distribute(String actor, LocalDate on) {
        if (distributed) {
            throw illegal("already distributed");
        }
        distributed = true;
        return record(new WorkflowEvent(WorkflowStep.DISTRIBUTE, null, "", actor, on, false, ""));
    }

    /**
     * {@code province} confirms its tables. Due by the 25th (R-CLR-3): a later confirmation is
     * accepted and marked late.
     *
     * @throws WcsettleException {@code ILLEGAL_TRANSITION} before distribution, for a province not in
     *         the tables, or one that already answered with a confirmation or a dispute
     */
    public WorkflowEvent confirm(Admdvs province, String actor, LocalDate on) {
        Admdvs p = answering(province);
        if (confirmedBy.containsKey(p)) {
            throw illegal(p + " already answered");
        }
        confirmedBy.put(p, true);
        return record(new WorkflowEvent(WorkflowStep.CONFIRM, p, "", actor, on, late(on), ""));
    }

    /**
     * {@code item.raisedBy()} disputes an item of its tables (late after the 25th, still accepted).
     * A province may dispute several items; one that confirmed may not dispute.
     *
     * @throws WcsettleException {@code ILLEGAL_TRANSITION} before distribution, for a confirmed
     *         province, a pair not in the tables, or a dispute id used before
     */
    public WorkflowEvent dispute(DisputedItem item, String actor, LocalDate on) {
        Admdvs p = answering(item.raisedBy());
        if (Boolean.TRUE.equals(confirmedBy.get(p))) {
            throw illegal(p + " confirmed its tables");
        }
        if (disputes.containsKey(item.disputeId())) {
            throw illegal("dispute " + item.disputeId() + " exists");
        }
        if (tables.nationalTable().stream().noneMatch(t -> t.pair().equals(item.pair()))) {
            throw illegal("pair " + item.pair() + " is not in the tables of " + quarter);
        }
        confirmedBy.put(p, false);
        disputes.put(item.disputeId(), item);
        disputeStates.put(item.disputeId(), DisputeState.RAISED);
        return record(new WorkflowEvent(WorkflowStep.DISPUTE, p, item.disputeId(), actor, on, late(on), item.reason()));
    }

    /**
     * IM Art. 49: the provincial agency reports the disputed item to the ministry-level agency.
     *
     * @throws WcsettleException {@code UNKNOWN_ID}; {@code ILLEGAL_TRANSITION} unless raised
     */
    public WorkflowEvent escalate(String disputeId, String actor, LocalDate on) {
        move(disputeId, DisputeState.RAISED, DisputeState.ESCALATED);
        return record(new WorkflowEvent(WorkflowStep.ESCALATE, null, disputeId, actor, on, false, ""));
    }

    /**
     * Resolves an escalated item: by an adjustment of {@code amount} (signed) cleared in the period
     * {@code on} falls in, or, with a zero amount, by withdrawal or refusal of the claim.
     *
     * @throws WcsettleException {@code UNKNOWN_ID}; {@code ILLEGAL_TRANSITION} unless escalated, or
     *         when {@code on} falls in this period or an earlier one (an adjustment goes to a later period)
     */
    public WorkflowEvent resolve(String disputeId, Fen amount, String actor, LocalDate on, String note) {
        Objects.requireNonNull(amount, "amount");
        if (disputes.containsKey(disputeId) && Quarter.containing(on).compareTo(quarter) <= 0) {
            throw illegal("an adjustment of " + quarter + " is cleared in a later period, not on " + on);
        }
        move(disputeId, DisputeState.ESCALATED, DisputeState.RESOLVED);
        if (!amount.isZero()) {
            DisputedItem item = disputes.get(disputeId);
            adjustments.put(disputeId, new Adjustment(disputeId, item.pair(), item.institutionCode(), amount, quarter, on));
        }
        return record(new WorkflowEvent(WorkflowStep.RESOLVE, null, disputeId, actor, on, false, note));
    }

    /** R-CLR-7: the period's state, derived from its events. */
    public PeriodState state() {
        if (!distributed) {
            return PeriodState.GENERATED;
        }
        if (!confirmedBy.keySet().containsAll(provinces)) {
            return PeriodState.DISTRIBUTED;
        }
        if (disputes.isEmpty()) {
            return PeriodState.CONFIRMED;
        }
        if (disputeStates.values().stream().allMatch(s -> s == DisputeState.RESOLVED)) {
            return PeriodState.RESOLVED;
        }
        return disputeStates.containsValue(DisputeState.ESCALATED) ? PeriodState.ESCALATED : PeriodState.DISPUTED;
    }

    /** The period. */
    public Quarter quarter() {
        return quarter;
    }

    /** The tables, as generated; they never change. */
    public ClearingTables tables() {
        return tables;
    }

    /** The provinces the tables were distributed to. */
    public SortedSet<Admdvs> provinces() {
        return provinces;
    }

    /** Whether {@code province} confirmed ({@code true}), disputed ({@code false}) or has not answered (empty). */
    public Optional<Boolean> answerOf(Admdvs province) {
        return Optional.ofNullable(confirmedBy.get(province.province()));
    }

    /** R-CLR-3: provinces that have not answered, when {@code today} is past the confirmation day; else empty. */
    public List<Admdvs> overdue(LocalDate today) {
        if (!distributed || !today.isAfter(quarter.schedule().confirmBy())) {
            return List.of();
        }
        return provinces.stream().filter(p -> !confirmedBy.containsKey(p)).toList();
    }

    /** The disputed items, in the order raised. */
    public List<DisputedItem> disputes() {
        return List.copyOf(disputes.values());
    }

    /** The state of dispute {@code disputeId}, empty when unknown. */
    public Optional<DisputeState> disputeState(String disputeId) {
        return Optional.ofNullable(disputeStates.get(disputeId));
    }

    /** The disputed items not yet resolved. */
    public List<DisputedItem> openDisputes() {
        return disputes.values().stream().filter(d -> disputeStates.get(d.disputeId()) != DisputeState.RESOLVED).toList();
    }

    /** The adjustments resolutions made, each cleared in a later period. */
    public List<Adjustment> adjustments() {
        return List.copyOf(adjustments.values());
    }

    /** Every recorded change, oldest first. */
    public List<WorkflowEvent> events() {
        return List.copyOf(events);
    }

    private Admdvs answering(Admdvs province) {
        if (!distributed) {
            throw illegal("tables of " + quarter + " not distributed yet");
        }
        Admdvs p = Objects.requireNonNull(province, "province").province();
        if (!provinces.contains(p)) {
            throw illegal(p + " is not in the tables of " + quarter);
        }
        return p;
    }

    private boolean late(LocalDate on) {
        return on.isAfter(quarter.schedule().confirmBy());
    }

    private void move(String disputeId, DisputeState from, DisputeState to) {
        DisputeState s = disputeStates.get(disputeId);
        if (s == null) {
            throw new WcsettleException(AgencyErrorCode.UNKNOWN_ID, "disputeId", "no dispute " + disputeId);
        }
        if (s != from) {
            throw illegal("dispute " + disputeId + " is " + s + ", not " + from);
        }
        disputeStates.put(disputeId, to);
    }

    private WorkflowEvent record(WorkflowEvent e) {
        events.add(e);
        return e;
    }

    private static WcsettleException illegal(String message) {
        return new WcsettleException(AgencyErrorCode.ILLEGAL_TRANSITION, "state", message);
    }
}
