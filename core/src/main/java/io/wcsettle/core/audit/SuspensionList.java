package io.wcsettle.core.audit;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import io.wcsettle.core.error.CoreErrorCode;
import io.wcsettle.core.error.Inputs;
import io.wcsettle.core.error.InvalidInputException;
import io.wcsettle.core.settlement.WorkerStatus;

/**
 * R-AUD-2 (IM Art. 48): workers suspended from direct settlement for serious violations. The
 * settlement engine's {@code WORKER_SUSPENDED} reason comes from {@link #isSuspended}. Immutable;
 * {@link #with} returns a copy with one more entry (history is kept, never overwritten).
 */
public final class SuspensionList {

    private static final SuspensionList EMPTY = new SuspensionList(List.of());

    private final List<Entry> entries;

    private SuspensionList(List<Entry> entries) {
        this.entries = Collections.unmodifiableList(entries);
    }

    /** No suspensions. */
    public static SuspensionList empty() {
        return EMPTY;
    }

    /** A copy with {@code entry} added. */
    public SuspensionList with(Entry entry) {
        List<Entry> copy = new ArrayList<>(entries);
        copy.add(Objects.requireNonNull(entry, "entry"));
        return new SuspensionList(copy);
    }

    /** Whether {@code workerId} is suspended on {@code date}. */
    public boolean isSuspended(String workerId, LocalDate date) {
        for (Entry e : entries) {
            if (e.workerId.equals(workerId) && !date.isBefore(e.from)
                    && (e.until.isEmpty() || !date.isAfter(e.until.get()))) {
                return true;
            }
        }
        return false;
    }

    /**
     * R-AUD-2 → R-SET-1: the worker status the settlement engine needs for an admission on
     * {@code admittedOn}; a suspended worker's bill is never settled directly ({@code WORKER_SUSPENDED}).
     */
    public WorkerStatus workerStatus(String workerId, LocalDate admittedOn, boolean thirdPartyLiability) {
        return new WorkerStatus(isSuspended(workerId, admittedOn), thirdPartyLiability);
    }

    /** All entries, in the order added. */
    public List<Entry> entries() {
        return entries;
    }

    /**
     * One suspension.
     *
     * @param workerId opaque worker id
     * @param from     first suspended day
     * @param until    last suspended day, empty while open-ended
     * @param reason   why (a case reference, no personal data)
     */
    public record Entry(String workerId, LocalDate from, Optional<LocalDate> until, String reason) {
        /**
         * Rejects nulls and an inverted period.
         *
         * @throws InvalidInputException {@code INVALID_INPUT}
         */
        public Entry {
            Inputs.required(workerId, "workerId");
            Inputs.required(from, "from");
            Inputs.required(until, "until");
            Inputs.required(reason, "reason");
            if (until.isPresent() && until.get().isBefore(from)) {
                throw new InvalidInputException(CoreErrorCode.INVALID_INPUT, "until", "before from");
            }
        }
    }
}
