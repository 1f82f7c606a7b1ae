package io.wcsettle.agency.monthly;

import java.util.List;

/**
 * What receiving a batch of direct settlements did (R-UPL-5). Nothing accepted is ever lost: a
 * conflicting settlement is refused alone, the rest of the batch is stored.
 *
 * @param accepted  settlements stored now
 * @param repeats   settlements already stored with the same content (no-op)
 * @param conflicts ids already stored with other content (refused, {@code SETTLEMENT_CONFLICT})
 */
public record Intake(int accepted, int repeats, List<String> conflicts) {

    /** Copies the list. */
    public Intake {
        conflicts = List.copyOf(conflicts);
    }
}
