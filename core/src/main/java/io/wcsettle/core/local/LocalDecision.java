package io.wcsettle.core.local;

import java.util.Optional;
import java.util.Set;

/**
 * The agency's online decision on a local application (R-LOC-1).
 *
 * @param approval the approval when granted
 * @param refusals every refusal reason, empty when approved
 */
public record LocalDecision(Optional<LocalApproval> approval, Set<LocalRefusal> refusals) {

    /** Whether the application was approved. */
    public boolean approved() {
        return approval.isPresent();
    }
}
