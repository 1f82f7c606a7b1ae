package io.wcsettle.core.institution;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The append-only history of one institution (R-INS-1): the facts on a date are those of the
 * change with the latest effective date on or before it, ties going to the later-recorded change,
 * so a correction effective in the past is simply appended. Immutable.
 */
public final class InstitutionHistory {

    private static final Comparator<RecordedChange> IN_FORCE_ORDER = Comparator
            .comparing((RecordedChange r) -> r.change().effectiveOn()).thenComparingLong(RecordedChange::sequence);

    private final List<RecordedChange> recorded;

    private InstitutionHistory(List<RecordedChange> recorded) {
        this.recorded = List.copyOf(recorded);
    }

    /** The history made of {@code recorded} (any order; they are sorted by effective date and sequence). */
    public static InstitutionHistory of(List<RecordedChange> recorded) {
        List<RecordedChange> sorted = new ArrayList<>(recorded);
        sorted.sort(IN_FORCE_ORDER);
        for (int i = 1; i < sorted.size(); i++) {
            if (!sorted.get(i).change().institutionCode().equals(sorted.get(0).change().institutionCode())) {
                throw new IllegalArgumentException("one institution per history");
            }
        }
        return new InstitutionHistory(sorted);
    }

    /** The recorded changes in force order (effective date, then sequence). */
    public List<RecordedChange> changes() {
        return recorded;
    }

    /** R-INS-1: the facts on {@code date}; empty before the institution entered the library. */
    public Optional<InstitutionFacts> factsOn(LocalDate date) {
        Objects.requireNonNull(date, "date");
        RecordedChange inForce = null;
        for (RecordedChange r : recorded) {
            if (r.change().effectiveOn().isAfter(date)) {
                break;
            }
            inForce = r;
        }
        if (inForce == null) {
            return Optional.empty();
        }
        InstitutionChange c = inForce.change();
        return Optional.of(new InstitutionFacts(c.institutionCode(), c.admdvs(), c.state(), c.kinds(), c.effectiveOn()));
    }

    /** Every reason {@code change} cannot be appended; empty when it can. */
    public Set<ChangeRefusal> check(InstitutionChange change) {
        EnumSet<ChangeRefusal> refusals = EnumSet.noneOf(ChangeRefusal.class);
        boolean earliest = recorded.isEmpty() || change.effectiveOn().isBefore(recorded.get(0).change().effectiveOn());
        if (earliest && change.state() != AgreementState.IN_AGREEMENT) {
            refusals.add(ChangeRefusal.NOT_AN_AGREEMENT_FIRST);
        }
        Optional<InstitutionFacts> before = factsOn(change.effectiveOn());
        if (before.isPresent() && before.get().state() == change.state() && before.get().admdvs().equals(change.admdvs())
                && before.get().kinds().equals(change.kinds())) {
            refusals.add(ChangeRefusal.NOTHING_CHANGES);
        }
        return refusals;
    }

    /** This history with {@code r} appended (unchecked: call {@link #check} first). */
    public InstitutionHistory with(RecordedChange r) {
        List<RecordedChange> all = new ArrayList<>(recorded);
        all.add(r);
        return of(all);
    }
}
