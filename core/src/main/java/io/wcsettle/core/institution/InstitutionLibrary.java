package io.wcsettle.core.institution;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import io.wcsettle.core.error.AgencyErrorCode;
import io.wcsettle.core.error.WcsettleException;
import io.wcsettle.core.settlement.Institution;

/**
 * The institution library in memory (R-INS-1, IM Art. 17): every institution's append-only
 * history, the facts on a date, and which changes are still to be reported to the national
 * system. The {@code wcsettle-agency} module keeps the same library in a database. Not
 * thread-safe.
 */
public final class InstitutionLibrary {

    private final Map<String, InstitutionHistory> histories = new HashMap<>();
    private final TreeMap<Long, RecordedChange> bySequence = new TreeMap<>();
    private final Map<Long, LocalDate> reported = new HashMap<>();

    /** An empty library. */
    public InstitutionLibrary() {
    }

    /**
     * Appends {@code change} unless the library refuses it.
     *
     * @return the refusals, empty when appended
     */
    public Set<ChangeRefusal> record(InstitutionChange change, String recordedBy) {
        InstitutionHistory h = history(change.institutionCode());
        Set<ChangeRefusal> refusals = h.check(change);
        if (refusals.isEmpty()) {
            RecordedChange r = new RecordedChange(bySequence.size() + 1L, change, Objects.requireNonNull(recordedBy,
                    "recordedBy"));
            bySequence.put(r.sequence(), r);
            histories.put(change.institutionCode(), h.with(r));
        }
        return refusals;
    }

    /** The history of {@code code} (empty when unknown). */
    public InstitutionHistory history(String code) {
        return histories.getOrDefault(code, InstitutionHistory.of(List.of()));
    }

    /** R-INS-1: the facts of {@code code} on {@code date}; empty before it entered the library. */
    public Optional<InstitutionFacts> factsOn(String code, LocalDate date) {
        return history(code).factsOn(date);
    }

    /** The settlement engine's institution on {@code admittedOn}: a bill is judged by the state then (R-INS-1). */
    public Optional<Institution> institutionOn(String code, LocalDate admittedOn) {
        return factsOn(code, admittedOn).map(InstitutionFacts::toSettlementInstitution);
    }

    /** Changes not yet reported to the national system, in append order. */
    public List<RecordedChange> unreported() {
        List<RecordedChange> r = new ArrayList<>();
        for (RecordedChange c : bySequence.values()) {
            if (!reported.containsKey(c.sequence())) {
                r.add(c);
            }
        }
        return r;
    }

    /**
     * Notes that change {@code sequence} was reported on {@code on}; a repeat keeps the first date.
     *
     * @throws WcsettleException {@code UNKNOWN_ID}
     */
    public void markReported(long sequence, LocalDate on) {
        if (!bySequence.containsKey(sequence)) {
            throw new WcsettleException(AgencyErrorCode.UNKNOWN_ID,
                    "sequence", "no change " + sequence);
        }
        reported.putIfAbsent(sequence, Objects.requireNonNull(on, "on"));
    }
}
