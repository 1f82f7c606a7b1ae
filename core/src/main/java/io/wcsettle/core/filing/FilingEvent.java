package io.wcsettle.core.filing;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * One entry of a filing's append-only history (R-FIL-10, IM Art. 15).
 *
 * @param kind     what happened
 * @param on       the day it happened
 * @param filing   the filing as it stands after the event
 * @param override the override reason when the change lock was overridden
 */
public record FilingEvent(Kind kind, LocalDate on, Filing filing, Optional<String> override) {

    /** Rejects nulls. */
    public FilingEvent {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(on, "on");
        Objects.requireNonNull(filing, "filing");
        Objects.requireNonNull(override, "override");
    }

    /** Event kinds. */
    public enum Kind {
        /** The filing was approved. */
        FILED,
        /** Target city, scope or type changed (R-FIL-10). */
        CHANGED,
        /** Cancelled by the worker (R-FIL-10). */
        CANCELLED,
        /** Entitlement lost; the filing ends early (R-FIL-9). */
        ENTITLEMENT_ENDED
    }
}
