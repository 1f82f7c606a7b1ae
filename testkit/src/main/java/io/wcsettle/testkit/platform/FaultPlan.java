package io.wcsettle.testkit.platform;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.Random;

/**
 * Which fault the next requests meet: first the scripted ones, in order, then random faults
 * at a rate from a seeded generator. Thread-safe.
 */
public final class FaultPlan {

    private final Deque<Fault> scripted = new ArrayDeque<>();
    private final java.util.Map<String, Deque<Fault>> byInfno = new java.util.HashMap<>();
    private Random random = new Random(0);
    private double rate;
    private List<Fault> kinds = List.of();
    private Duration delay = Duration.ofMillis(500);

    FaultPlan() {
    }

    /** The next requests meet {@code faults}, one each, in order. */
    public synchronized FaultPlan next(Fault... faults) {
        scripted.addAll(List.of(faults));
        return this;
    }

    /** The next requests of transaction {@code infno} meet {@code faults}, one each, in order (before any other plan). */
    public synchronized FaultPlan forInfno(String infno, Fault... faults) {
        byInfno.computeIfAbsent(Objects.requireNonNull(infno), k -> new ArrayDeque<>()).addAll(List.of(faults));
        return this;
    }

    /** After the scripted faults, each request meets one of {@code faultKinds} with probability {@code faultRate}. */
    public synchronized FaultPlan random(long seed, double faultRate, Fault... faultKinds) {
        this.random = new Random(seed);
        this.rate = faultRate;
        this.kinds = List.of(faultKinds);
        return this;
    }

    /** How long a {@link Fault#DELAY} holds the request, and a {@link Fault#HOLD_AFTER_COMMIT} its answer (default 500 ms). */
    public synchronized FaultPlan delay(Duration d) {
        this.delay = Objects.requireNonNull(d);
        return this;
    }

    /** No more faults. */
    public synchronized FaultPlan clear() {
        scripted.clear();
        byInfno.clear();
        rate = 0;
        return this;
    }

    synchronized Duration delay() {
        return delay;
    }

    /** The fault of the next request of {@code infno}, or {@code null}. */
    synchronized Fault draw(String infno) {
        Deque<Fault> own = infno == null ? null : byInfno.get(infno);
        if (own != null && !own.isEmpty()) {
            return own.poll();
        }
        if (!scripted.isEmpty()) {
            return scripted.poll();
        }
        if (rate > 0 && !kinds.isEmpty() && random.nextDouble() < rate) {
            return kinds.get(random.nextInt(kinds.size()));
        }
        return null;
    }
}
