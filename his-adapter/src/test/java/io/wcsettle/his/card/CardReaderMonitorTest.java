package io.wcsettle.his.card;

import static io.wcsettle.his.card.CardReaderEvent.Type.CARD_INSERTED;
import static io.wcsettle.his.card.CardReaderEvent.Type.CARD_REMOVED;
import static io.wcsettle.his.card.CardReaderEvent.Type.PCSC_AVAILABLE;
import static io.wcsettle.his.card.CardReaderEvent.Type.PCSC_UNAVAILABLE;
import static io.wcsettle.his.card.CardReaderEvent.Type.READER_ADDED;
import static io.wcsettle.his.card.CardReaderEvent.Type.READER_REMOVED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The monitor's diffing over a scripted source (a double); PcscHotPlugTest runs it over pcscd. */
@DisplayName("Reader and card events for a HIS screen")
class CardReaderMonitorTest {

    private static Map<String, Boolean> readers(Object... nameAndCard) {
        Map<String, Boolean> m = new LinkedHashMap<>();
        for (int i = 0; i < nameAndCard.length; i += 2) {
            m.put((String) nameAndCard[i], (Boolean) nameAndCard[i + 1]);
        }
        return m;
    }

    private static CardReaderEvent e(CardReaderEvent.Type type, String reader) {
        return new CardReaderEvent(type, reader);
    }

    @Test
    @DisplayName("readers and cards coming and going, PC/SC going away and back: each change once, in order")
    void poll_reportsEachChangeOnce() {
        Deque<Object> script = new ArrayDeque<>(List.of(
                readers("A", false),
                readers("A", true),
                readers("A", true),
                readers("A", true, "B", false),
                readers("B", false),
                new CardReadException(CardErrorCode.READER_UNAVAILABLE, null, "pcscd is not running"),
                new CardReadException(CardErrorCode.READER_UNAVAILABLE, null, "pcscd is not running"),
                readers("B", true)));
        List<CardReaderEvent> events = new ArrayList<>();
        CardReaderMonitor m = new CardReaderMonitor(() -> {
            Object next = script.removeFirst();
            if (next instanceof RuntimeException ex) {
                throw ex;
            }
            @SuppressWarnings("unchecked")
            Map<String, Boolean> snapshot = (Map<String, Boolean>) next;
            return snapshot;
        }, events::add);
        for (int i = 0; i < 8; i++) {
            m.poll();
        }
        assertEquals(List.of(
                e(READER_ADDED, "A"),
                e(CARD_INSERTED, "A"),
                e(READER_ADDED, "B"),
                e(CARD_REMOVED, "A"), e(READER_REMOVED, "A"),
                e(READER_REMOVED, "B"), e(PCSC_UNAVAILABLE, null),
                e(PCSC_AVAILABLE, null), e(READER_ADDED, "B"), e(CARD_INSERTED, "B")), events);
    }

    @Test
    @DisplayName("a failing listener does not stop the monitor; polling runs on the injected executor")
    void monitor_runsOnTheExecutorAndSurvivesListenerFailures() throws Exception {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
        try {
            CountDownLatch twoPolls = new CountDownLatch(3);
            Deque<Map<String, Boolean>> script = new ArrayDeque<>(List.of(readers("A", false), readers("A", true),
                    readers("A", false)));
            List<CardReaderEvent> events = new ArrayList<>();
            CardReaderMonitor m = CardReaderMonitor.start(() -> {
                Map<String, Boolean> s = script.size() > 1 ? script.removeFirst() : script.peekFirst();
                twoPolls.countDown();
                return s;
            }, executor, Duration.ofMillis(5), event -> {
                synchronized (events) {
                    events.add(event);
                }
                if (event.type() == READER_ADDED) {
                    throw new IllegalStateException("screen not ready");
                }
            });
            assertTrue(twoPolls.await(5, TimeUnit.SECONDS));
            m.close();
            executor.shutdown();
            assertTrue(executor.awaitTermination(5, TimeUnit.SECONDS));
            synchronized (events) {
                assertEquals(List.of(e(READER_ADDED, "A"), e(CARD_INSERTED, "A"), e(CARD_REMOVED, "A")), events);
            }
        } finally {
            executor.shutdownNow();
        }
    }
}
