package io.wcsettle.spring.boot.health;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

import io.wcsettle.core.calendar.CalendarSource;
import io.wcsettle.his.outbox.Outbox;
import io.wcsettle.his.outbox.OutboxState;
import io.wcsettle.his.platform.PlatformClient;

/**
 * The {@code wcsettle} health: can the platform be reached, is the outbox keeping up, does the
 * working-day calendar cover the deadlines. It never sends a platform message (no personal data
 * leaves, no msgid is used): reachability is the client's circuit breaker plus, when enabled, a TCP
 * connection to the endpoint's host and port that is closed at once (TLS and the platform's own
 * state are not checked — the breaker reports those as soon as a real step fails).
 *
 * <ul>
 *   <li>DOWN: the circuit breaker is open, the TCP probe fails, or the calendar lacks the current
 *       year (no upload deadline can be computed).</li>
 *   <li>UP with {@code warnings}: a year within the horizon is missing from the calendar, discharge
 *       uploads are overdue, or entries are unresolved.</li>
 * </ul>
 *
 * Details hold counts, states, ages, years and the endpoint's {@code host:port}; never a msgid's
 * payload, a person, a key or a secret. Thread-safe (the outbox and client are).
 */
public class WcsettleHealthIndicator implements HealthIndicator {

    private final PlatformClient client;
    private final Outbox outbox;
    private final CalendarSource calendar;
    private final Clock clock;
    private final boolean probe;
    private final Duration probeTimeout;
    private final Period horizon;

    /**
     * @param client       the platform client whose breaker and endpoint are reported
     * @param outbox       the outbox whose backlog is reported
     * @param calendar     the working-day calendar whose coverage is reported
     * @param clock        what today is
     * @param probe        whether to open a TCP connection to the endpoint
     * @param probeTimeout the TCP connect timeout
     * @param horizon      how far ahead the calendar must cover
     */
    public WcsettleHealthIndicator(PlatformClient client, Outbox outbox, CalendarSource calendar, Clock clock,
                                   boolean probe, Duration probeTimeout, Period horizon) {
        this.client = client;
        this.outbox = outbox;
        this.calendar = calendar;
        this.clock = clock;
        this.probe = probe;
        this.probeTimeout = probeTimeout;
        this.horizon = horizon;
    }

    @Override
    public Health health() {
        List<String> warnings = new ArrayList<>();
        boolean down = false;

        Map<String, Object> platform = new LinkedHashMap<>();
        URI endpoint = client.endpoint();
        String host = endpoint.getHost();
        int port = endpoint.getPort() > 0 ? endpoint.getPort() : "https".equalsIgnoreCase(endpoint.getScheme()) ? 443 : 80;
        platform.put("target", host + ":" + port);
        boolean closed = client.available();
        platform.put("circuit", closed ? "closed" : "open");
        if (!closed) {
            down = true;
        }
        if (probe) {
            String failure = connect(host, port);
            platform.put("tcp", failure == null ? "reachable" : "unreachable (" + failure + ")");
            down |= failure != null;
        }

        Map<String, Object> box = new LinkedHashMap<>();
        Map<OutboxState, Long> counts = outbox.counts();
        long unfinished = counts.get(OutboxState.PENDING) + counts.get(OutboxState.SENT) + counts.get(OutboxState.UNKNOWN);
        box.put("unfinished", unfinished);
        box.put("unknown", counts.get(OutboxState.UNKNOWN));
        outbox.oldestUnfinishedSince().ifPresent(since ->
                box.put("oldestUnfinishedAge", Duration.between(since, clock.instant()).withNanos(0).toString()));
        box.put("states", counts);
        LocalDate today = LocalDate.now(clock);
        int overdue = outbox.uploadsOverdue(today).size();
        box.put("overdueUploads", overdue);
        if (overdue > 0) {
            warnings.add(overdue + " discharge upload(s) overdue (R-UPL-1)");
        }
        if (counts.get(OutboxState.UNKNOWN) > 0) {
            warnings.add(counts.get(OutboxState.UNKNOWN) + " outbox entry(ies) with unknown outcome (R-UPL-4)");
        }

        Map<String, Object> cal = new LinkedHashMap<>();
        SortedSet<Integer> known = calendar.coverage().knownYears();
        boolean coversToday = known.contains(today.getYear());
        SortedSet<Integer> missing = calendar.coverage().missingYearsAhead(today, horizon);
        cal.put("coversToday", coversToday);
        cal.put("lastKnownYear", known.isEmpty() ? null : known.last());
        cal.put("horizon", horizon.toString());
        cal.put("missingYearsAhead", missing);
        if (!coversToday) {
            down = true;
            warnings.add("the calendar has no data for " + today.getYear() + ": upload deadlines are unknown (R-CAL-1)");
        } else if (!missing.isEmpty()) {
            warnings.add("the calendar lacks " + missing + " within " + horizon + ": load the State Council schedule (R-CAL-1)");
        }

        Health.Builder b = down ? Health.down() : Health.up();
        b.withDetail("platform", platform).withDetail("outbox", box).withDetail("calendar", cal);
        if (!warnings.isEmpty()) {
            b.withDetail("warnings", warnings);
        }
        return b.build();
    }

    /** {@code null} when a TCP connection could be opened, else the failure's class name. */
    private String connect(String host, int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(host, port), (int) Math.max(1, probeTimeout.toMillis()));
            return null;
        } catch (IOException | RuntimeException e) {
            return e.getClass().getSimpleName();
        }
    }
}
