package io.wcsettle.his.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.wcsettle.his.platform.Workstation;

/** Several workstations on one outbox database: their reservations keep every msgid apart. */
class SharedDatabaseWorkstationsTest {

    @TempDir
    Path dir;

    @Test
    @DisplayName("R-UPL-4: four workstations on one database reserve the institution's first second at once; no error, no msgid twice")
    void concurrentFirstReservations() throws Exception {
        UrlDataSource ds = new UrlDataSource("jdbc:h2:file:" + dir.resolve("shared").toAbsolutePath());
        Outbox.open(ds, OutboxContract.INSTITUTION, Clock.systemUTC(), OutboxContract.DEADLINES).close();
        Set<String> seen = ConcurrentHashMap.newKeySet();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> done = new ArrayList<>();
            for (int w = 0; w < 4; w++) {
                done.add(pool.submit(() -> {
                    try (Outbox o = Outbox.open(ds, OutboxContract.INSTITUTION, Clock.systemUTC(),
                            OutboxContract.DEADLINES, Workstation.single(), null)) {
                        start.await();
                        int n = 0;
                        for (int i = 0; i < 300; i++) {
                            n += seen.add(o.msgids().next()) ? 1 : 0;
                        }
                        return n;
                    }
                }));
            }
            start.countDown();
            int total = 0;
            for (Future<Integer> f : done) {
                total += f.get();
            }
            assertEquals(1200, total, "every msgid new");
        } finally {
            pool.shutdownNow();
        }
    }
}
