package io.wcsettle.his.card;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls the PC/SC readers on an injected executor and reports what changed since the last poll
 * as {@link CardReaderEvent}s: readers added and removed, cards inserted and removed, PC/SC gone
 * and back. A restarted pcscd is picked up by {@link PcscReaders} re-establishing its context.
 * Polling (rather than {@code CardTerminals.waitForChange}) keeps one short call per interval on
 * the executor and needs no thread of its own. Events of one poll arrive in order: removals
 * before additions, a card removal before its reader's.
 */
public final class CardReaderMonitor implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CardReaderMonitor.class);

    /** Where the readers come from: {@link PcscReaders#snapshot()}. */
    @FunctionalInterface
    interface Source {
        Map<String, Boolean> snapshot();
    }

    private final Source readers;
    private final CardReaderListener listener;
    private Map<String, Boolean> known = new LinkedHashMap<>();
    private Boolean available;
    private volatile ScheduledFuture<?> task;

    CardReaderMonitor(Source readers, CardReaderListener listener) {
        this.readers = readers;
        this.listener = listener;
    }

    static CardReaderMonitor start(Source readers, ScheduledExecutorService executor, Duration interval,
            CardReaderListener listener) {
        Objects.requireNonNull(executor, "executor");
        CardReaderMonitor m = new CardReaderMonitor(Objects.requireNonNull(readers, "readers"),
                Objects.requireNonNull(listener, "listener"));
        long millis = Math.max(1, interval.toMillis());
        m.task = executor.scheduleWithFixedDelay(m::poll, 0, millis, TimeUnit.MILLISECONDS);
        return m;
    }

    /** One poll: compares the readers now with the last poll and reports the differences. */
    synchronized void poll() {
        Map<String, Boolean> now;
        try {
            now = readers.snapshot();
        } catch (RuntimeException e) {
            if (!Boolean.FALSE.equals(available)) {
                LOG.debug("PC/SC unavailable: {}", e.getMessage());
                for (Map.Entry<String, Boolean> r : known.entrySet()) {
                    removed(r.getKey(), r.getValue());
                }
                known = new LinkedHashMap<>();
                available = false;
                emit(CardReaderEvent.Type.PCSC_UNAVAILABLE, null);
            }
            return;
        }
        if (Boolean.FALSE.equals(available)) {
            emit(CardReaderEvent.Type.PCSC_AVAILABLE, null);
        }
        available = true;
        for (Map.Entry<String, Boolean> r : known.entrySet()) {
            Boolean card = now.get(r.getKey());
            if (card == null) {
                removed(r.getKey(), r.getValue());
            } else if (r.getValue() && !card) {
                emit(CardReaderEvent.Type.CARD_REMOVED, r.getKey());
            }
        }
        for (Map.Entry<String, Boolean> r : now.entrySet()) {
            Boolean card = known.get(r.getKey());
            if (card == null) {
                emit(CardReaderEvent.Type.READER_ADDED, r.getKey());
            }
            if (r.getValue() && !Boolean.TRUE.equals(card)) {
                emit(CardReaderEvent.Type.CARD_INSERTED, r.getKey());
            }
        }
        known = new LinkedHashMap<>(now);
    }

    private void removed(String reader, boolean hadCard) {
        if (hadCard) {
            emit(CardReaderEvent.Type.CARD_REMOVED, reader);
        }
        emit(CardReaderEvent.Type.READER_REMOVED, reader);
    }

    private void emit(CardReaderEvent.Type type, String reader) {
        try {
            listener.onEvent(new CardReaderEvent(type, reader));
        } catch (RuntimeException e) {
            LOG.warn("card reader listener failed on {}: {}", type, e.getClass().getSimpleName());
        }
    }

    /** Stops polling; a poll under way finishes. */
    @Override
    public void close() {
        ScheduledFuture<?> t = task;
        if (t != null) {
            t.cancel(false);
        }
    }
}
