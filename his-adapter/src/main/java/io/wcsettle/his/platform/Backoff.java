package io.wcsettle.his.platform;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Jittered exponential backoff (PROTOCOL.md failure semantics 4): the n-th retry waits
 * {@code min × 2^(n-1)} capped at {@code max}, scaled by a random factor in [0.75, 1.0], never
 * below {@code min}. Immutable.
 *
 * @param min first delay
 * @param max largest delay
 */
public record Backoff(Duration min, Duration max) {

    /** Checks {@code 0 < min <= max}. */
    public Backoff {
        Objects.requireNonNull(min, "min");
        Objects.requireNonNull(max, "max");
        if (min.isNegative() || min.isZero() || max.compareTo(min) < 0) {
            throw new IllegalArgumentException("backoff needs 0 < min <= max");
        }
    }

    /** The delay before retry number {@code retry} (1-based), drawing jitter from {@code random}. */
    public Duration delayBeforeRetry(int retry, RandomGenerator random) {
        long minMs = min.toMillis();
        long doubled = minMs << Math.min(Math.max(retry, 1) - 1, 20);
        long capped = Math.min(doubled, max.toMillis());
        long jittered = random.nextLong(capped * 3 / 4, capped + 1);
        return Duration.ofMillis(Math.max(jittered, minMs));
    }
}
