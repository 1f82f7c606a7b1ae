package io.wcsettle.his.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class MsgIdGeneratorTest {

    private static final Clock FIXED = Clock.fixed(Instant.parse("2025-10-09T02:03:04Z"), ZoneId.of("Asia/Shanghai"));

    @Test
    @DisplayName("msgid: institution code (12) + yyyyMMddHHmmss + 4-digit sequence = 30 characters")
    void format() {
        String id = new MsgIdGenerator("H11010500001", FIXED, MsgIdReservations.inMemory()).next();
        assertEquals("H11010500001" + "20251009100304" + "0000", id);
        assertEquals(30, id.length());
        assertEquals("INVALID_MSGID", assertThrows(PlatformException.class,
                () -> new MsgIdGenerator("SHORT", FIXED, MsgIdReservations.inMemory())).code());
    }

    @Test
    @DisplayName("msgid: unique across concurrent threads and past 10,000 ids in one second")
    void uniqueAcrossThreads() throws Exception {
        MsgIdGenerator g = new MsgIdGenerator("H11010500001", FIXED, MsgIdReservations.inMemory());
        Set<String> ids = ConcurrentHashMap.newKeySet();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> fs = new java.util.ArrayList<>();
            for (int t = 0; t < 4; t++) {
                fs.add(pool.submit(() -> {
                    for (int i = 0; i < 6000; i++) {
                        String id = g.next();
                        assertEquals(30, id.length());
                        ids.add(id);
                    }
                }));
            }
            for (Future<?> f : fs) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(24_000, ids.size());
    }

    @Test
    @DisplayName("msgid: unique across restarts sharing the durable reservations, even within the same second")
    void uniqueAcrossRestarts() {
        MsgIdReservations durable = MsgIdReservations.inMemory();
        Set<String> ids = new HashSet<>();
        for (int restart = 0; restart < 5; restart++) {
            MsgIdGenerator g = new MsgIdGenerator("H11010500001", FIXED, durable);
            for (int i = 0; i < 3; i++) {
                assertTrue(ids.add(g.next()));
            }
        }
        assertEquals(15, ids.size());
    }
}
