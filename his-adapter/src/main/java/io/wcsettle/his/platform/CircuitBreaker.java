package io.wcsettle.his.platform;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Fails fast while the platform is unreachable: after {@code threshold} consecutive calls that
 * delivered nothing, the breaker opens for {@code openFor}; calls in that time fail at once with
 * {@code PLATFORM_UNAVAILABLE}, nothing is sent. Then one call probes; its success closes the
 * breaker. Thread-safe; one per {@link PlatformClient}, shared by every session using it.
 */
final class CircuitBreaker {

    enum State { CLOSED, OPEN, HALF_OPEN }

    private final int threshold;
    private final Duration openFor;
    private final Clock clock;
    private State state = State.CLOSED;
    private int failures;
    private Instant openedAt;

    CircuitBreaker(int threshold, Duration openFor, Clock clock) {
        if (threshold < 1) {
            throw new IllegalArgumentException("threshold must be at least 1");
        }
        this.threshold = threshold;
        this.openFor = Objects.requireNonNull(openFor);
        this.clock = Objects.requireNonNull(clock);
    }

    /** Whether a call may go out now; an open breaker past its time lets one probe through. */
    synchronized boolean allows() {
        if (state == State.OPEN && !clock.instant().isBefore(openedAt.plus(openFor))) {
            state = State.HALF_OPEN;
            return true;
        }
        return state != State.OPEN;
    }

    /** A call reached the platform (any answer). Returns whether this ended an outage. */
    synchronized boolean delivered() {
        boolean recovered = state != State.CLOSED;
        state = State.CLOSED;
        failures = 0;
        return recovered;
    }

    /** A call delivered nothing. Returns whether this opened the breaker (the start of an outage). */
    synchronized boolean undelivered() {
        failures++;
        if (state == State.HALF_OPEN || (state == State.CLOSED && failures >= threshold)) {
            boolean outageStarts = state == State.CLOSED;
            state = State.OPEN;
            openedAt = clock.instant();
            return outageStarts;
        }
        return false;
    }

    synchronized State state() {
        return state;
    }

    /** When an open breaker lets the next probe through. */
    synchronized Instant retryAt() {
        return state == State.OPEN ? openedAt.plus(openFor) : clock.instant();
    }
}
