package io.wcsettle.spring.boot.metrics;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.wcsettle.his.outbox.Outbox;
import io.wcsettle.his.outbox.OutboxState;
import io.wcsettle.his.platform.PlatformClient;

/**
 * Gauges of the outbox and the client: {@code wcsettle.outbox.entries} tagged {@code state}
 * (PENDING … REVERSED), {@code wcsettle.outbox.oldest.unfinished} (age of the oldest entry that
 * still needs work, 0 when none) and {@code wcsettle.platform.available} (1 while the circuit
 * breaker lets calls through). The outbox is read at most once a second however often the gauges
 * are scraped.
 */
public class OutboxMeters implements MeterBinder {

    private static final long REFRESH_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final Outbox outbox;
    private final PlatformClient client;
    private final Clock clock;
    private Map<OutboxState, Long> counts;
    private double oldestSeconds;
    private long readAt;

    /**
     * @param outbox the outbox to count
     * @param client the client whose breaker is reported
     * @param clock  the clock entry ages are measured on (the outbox's)
     */
    public OutboxMeters(Outbox outbox, PlatformClient client, Clock clock) {
        this.outbox = outbox;
        this.client = client;
        this.clock = clock;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (OutboxState s : OutboxState.values()) {
            Gauge.builder("wcsettle.outbox.entries", this, m -> m.count(s))
                    .description("Outbox entries by state").tag("state", s.name()).register(registry);
        }
        TimeGauge.builder("wcsettle.outbox.oldest.unfinished", this, TimeUnit.SECONDS, OutboxMeters::oldestSeconds)
                .description("Age of the oldest outbox entry still PENDING, SENT or UNKNOWN").register(registry);
        Gauge.builder("wcsettle.platform.available", client, c -> c.available() ? 1 : 0)
                .description("1 while the platform client's circuit breaker lets calls through").register(registry);
    }

    private synchronized double count(OutboxState s) {
        refresh();
        return counts.getOrDefault(s, 0L);
    }

    private synchronized double oldestSeconds() {
        refresh();
        return oldestSeconds;
    }

    private void refresh() {
        long now = System.nanoTime();
        if (counts != null && now - readAt < REFRESH_NANOS) {
            return;
        }
        counts = outbox.counts();
        oldestSeconds = outbox.oldestUnfinishedSince()
                .map(since -> Math.max(0, Duration.between(since, clock.instant()).toMillis() / 1000.0)).orElse(0.0);
        readAt = now;
    }
}
