package io.wcsettle.his.outbox;

import java.util.EnumSet;
import java.util.Set;

/**
 * The life of an outbox entry (PROTOCOL.md failure semantics, R-UPL-4).
 *
 * <pre>
 * PENDING ─send─▶ SENT ─infcode 0─▶ DONE
 *                  │  └─infcode -1─▶ FAILED
 *                  ├─nothing delivered─▶ PENDING
 *                  └─timeout / untrusted answer─▶ UNKNOWN ─2601─▶ REVERSED (+ redo if never committed)
 * </pre>
 */
public enum OutboxState {
    /** Written and committed, not yet sent. */
    PENDING,
    /** Sending has started: the platform may have it. Resent with the same msgid after a restart. */
    SENT,
    /** R-UPL-4: a timeout or an untrusted answer; resolved by a 2601 reversal, never by a new msgid. */
    UNKNOWN,
    /** The platform accepted it ({@code infcode 0}). Final. */
    DONE,
    /** The platform definitely refused it ({@code infcode -1}). Final. */
    FAILED,
    /** Resolved by 2601: the platform no longer holds it (reversed, or it never committed). Final. */
    REVERSED;

    /** Whether the entry still needs work. */
    public boolean isFinal() {
        return this == DONE || this == FAILED || this == REVERSED;
    }

    /** The states from which {@code this} may be entered. */
    Set<OutboxState> allowedFrom() {
        return switch (this) {
            case PENDING -> EnumSet.of(SENT);
            case SENT -> EnumSet.of(PENDING, SENT);
            case UNKNOWN -> EnumSet.of(SENT);
            case DONE, FAILED -> EnumSet.of(SENT, UNKNOWN);
            case REVERSED -> EnumSet.of(UNKNOWN);
        };
    }
}
