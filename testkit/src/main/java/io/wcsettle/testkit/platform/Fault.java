package io.wcsettle.testkit.platform;

/** Faults the {@link PlatformSimulator} injects on request (PROTOCOL.md failure semantics). */
public enum Fault {
    /** Wait longer than the client's attempt timeout, then process the (late) request. */
    DELAY,
    /** Commit, then lose the connection half-way through the response. */
    DROP_AFTER_COMMIT,
    /** Answer HTTP 500 without processing. */
    HTTP_500,
    /** Commit, then answer with a corrupted {@code cainfo}. */
    CORRUPT_SIGNATURE,
    /** The network delivers the request twice; the platform must stay idempotent by msgid. */
    DUPLICATE_DELIVERY,
    /**
     * Commit, then hold the answer for the plan's {@link FaultPlan#delay delay} before sending it: the
     * window in which a client that crashes has a committed request it never saw answered.
     */
    HOLD_AFTER_COMMIT
}
