package io.wcsettle.core.filing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import io.wcsettle.core.policy.RegionalPolicy;

/**
 * A filing with its append-only history (R-FIL-10, IM Art. 15): changes are recorded as events,
 * never overwrite what was there. Immutable: every accepted operation returns a new record whose
 * history is the old one plus one event.
 */
public final class FilingRecord {

    private final List<FilingEvent> history;

    private FilingRecord(List<FilingEvent> history) {
        this.history = Collections.unmodifiableList(history);
    }

    /** A new record holding the approved filing. */
    public static FilingRecord filed(Filing filing) {
        return new FilingRecord(List.of(new FilingEvent(FilingEvent.Kind.FILED, filing.filedOn(), filing,
                Optional.empty())));
    }

    /** The filing as it stands now. */
    public Filing current() {
        return history.get(history.size() - 1).filing();
    }

    /** Every event, oldest first. */
    public List<FilingEvent> history() {
        return history;
    }

    /** Whether the filing was cancelled. */
    public boolean isCancelled() {
        return history.get(history.size() - 1).kind() == FilingEvent.Kind.CANCELLED;
    }

    /**
     * R-FIL-10: replaces the filing by {@code replacement} if the lock allows it on
     * {@code requestedOn} (or an override reason is given).
     *
     * @param override {@code null} or a non-blank reason
     */
    public Outcome change(Filing replacement, LocalDate requestedOn, String override, RegionalPolicy policy) {
        Objects.requireNonNull(replacement, "replacement");
        return apply(FilingEvent.Kind.CHANGED, replacement, requestedOn, override, policy);
    }

    /** R-FIL-10: cancels the filing if the lock allows it (or an override reason is given). */
    public Outcome cancel(LocalDate requestedOn, String override, RegionalPolicy policy) {
        return apply(FilingEvent.Kind.CANCELLED, current(), requestedOn, override, policy);
    }

    /** R-FIL-9: entitlement ended on {@code day}; never locked. */
    public FilingRecord endEntitlement(LocalDate day) {
        return append(new FilingEvent(FilingEvent.Kind.ENTITLEMENT_ENDED, day, current().endedOn(day),
                Optional.empty()));
    }

    private Outcome apply(FilingEvent.Kind kind, Filing next, LocalDate on, String override, RegionalPolicy policy) {
        Objects.requireNonNull(on, "requestedOn");
        Filing now = current();
        ChangeDecision decision = ChangeLock.decide(policy, now.type(), now.filedOn(), on, override);
        if (isCancelled()) {
            decision = new ChangeDecision(false, Set.of(ChangeReason.ALREADY_CANCELLED), decision.earliest());
        }
        if (!decision.allowed()) {
            return new Outcome(decision, this);
        }
        boolean overridden = override != null && decision.earliest().map(on::isBefore).orElse(false);
        return new Outcome(decision, append(new FilingEvent(kind, on, next,
                overridden ? Optional.of(override) : Optional.empty())));
    }

    private FilingRecord append(FilingEvent event) {
        List<FilingEvent> next = new ArrayList<>(history.size() + 1);
        next.addAll(history);
        next.add(event);
        return new FilingRecord(next);
    }

    /**
     * The result of a change or cancellation request.
     *
     * @param decision whether it was allowed and why not
     * @param record   the new record when allowed, else this record unchanged
     */
    public record Outcome(ChangeDecision decision, FilingRecord record) {
    }
}
