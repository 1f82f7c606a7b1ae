package io.wcsettle.agency.institution;

import java.util.Set;

import io.wcsettle.core.institution.ChangeRefusal;

/**
 * What recording an institution change did (R-INS-1).
 *
 * @param sequence        the change's sequence number when recorded (now or before), else 0
 * @param alreadyRecorded the same change id was recorded before with the same content: nothing changed
 * @param refusals        why the library refused it; empty when recorded
 */
public record ChangeOutcome(long sequence, boolean alreadyRecorded, Set<ChangeRefusal> refusals) {

    /** Copies the set. */
    public ChangeOutcome {
        refusals = Set.copyOf(refusals);
    }

    /** Whether the change is in the library (recorded now or before). */
    public boolean recorded() {
        return refusals.isEmpty();
    }
}
