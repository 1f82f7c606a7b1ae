package io.wcsettle.core.clearing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import io.wcsettle.core.error.CoreErrorCode;
import io.wcsettle.core.error.WcsettleException;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * The pipeline that hands fingerprint entries to the filter's worker thread: it delivers every
 * pair once, in order, frees its memory, rethrows the worker's failure on the reading thread and
 * never leaves a worker thread running.
 */
class FilterFeederTest {

    /** Worker threads of any feeder still alive. */
    static long liveWorkers() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && FilterFeeder.THREAD_NAME.equals(t.getName())).count();
    }

    @Property(tries = 100)
    @Label("every pair reaches the target once and in the order added, whatever the batch size")
    void deliversInOrder(@ForAll @IntRange(min = 0, max = 20_000) int pairs,
            @ForAll @IntRange(min = 0, max = 4096) int memory) {
        List<long[]> got = new ArrayList<>();
        MemoryMeter meter = new MemoryMeter();
        FilterFeeder f = new FilterFeeder((h, line) -> got.add(new long[] {h, line}), memory, meter);
        for (int k = 0; k < pairs; k++) {
            f.add(k * 0x9E3779B97F4A7C15L, k + 2);
        }
        f.finish();
        f.close();
        assertEquals(pairs, got.size());
        for (int k = 0; k < pairs; k++) {
            assertEquals(k * 0x9E3779B97F4A7C15L, got.get(k)[0]);
            assertEquals(k + 2, got.get(k)[1]);
        }
        assertEquals(0, meter.current(), "memory given back");
        assertEquals(0, liveWorkers());
    }

    @Test
    @DisplayName("a failure on the worker thread is rethrown, the same typed exception, on the reading thread")
    void workerFailurePropagates() {
        WcsettleException boom = new WcsettleException(CoreErrorCode.TEMP_STORAGE_FAILURE, null, "disk full", null);
        Thread[] on = new Thread[1];
        FilterFeeder f = new FilterFeeder((h, line) -> {
            if (line == 100) {
                on[0] = Thread.currentThread();
                throw boom;
            }
        }, 512, new MemoryMeter());
        WcsettleException e = assertThrows(WcsettleException.class, () -> {
            for (int k = 0; k < 1_000_000; k++) {
                f.add(k, k);
            }
            f.finish();
        });
        assertSame(boom, e);
        assertEquals(FilterFeeder.THREAD_NAME, on[0].getName(), "failed on the worker");
        f.close();
        assertEquals(0, liveWorkers());
    }

    @Test
    @DisplayName("a failure in the last batches is rethrown by finish")
    void workerFailureAtTheEnd() {
        IllegalStateException boom = new IllegalStateException("boom");
        FilterFeeder f = new FilterFeeder((h, line) -> {
            if (line == 40) {
                throw boom;
            }
        }, 512, new MemoryMeter());
        for (int k = 0; k < 48; k++) {
            f.add(k, k);
        }
        assertSame(boom, assertThrows(IllegalStateException.class, f::finish));
        f.close();
        assertEquals(0, liveWorkers());
    }

    @Test
    @DisplayName("closing mid-read stops and joins the worker while it is busy, skips what is queued, frees the batches")
    void closeMidRead() throws InterruptedException {
        MemoryMeter meter = new MemoryMeter();
        CountDownLatch busy = new CountDownLatch(1);
        long[] seen = new long[1];
        FilterFeeder f = new FilterFeeder((h, line) -> {
            if (seen[0]++ == 0) {
                try {
                    busy.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }, 512, meter);
        // batches of 16 pairs (the least); three are handed over, one is being filled
        for (int k = 0; k < 60; k++) {
            f.add(k, k);
        }
        assertEquals(1, liveWorkers(), "the worker runs");
        Thread reader = Thread.currentThread();
        Thread release = new Thread(() -> {
            // let the worker go once the reader waits for it in close()
            while (java.util.Arrays.stream(reader.getStackTrace()).noneMatch(e -> e.getMethodName().equals("joinWorker"))) {
                Thread.onSpinWait();
            }
            busy.countDown();
        });
        release.start();
        f.close();
        release.join();
        assertEquals(0, liveWorkers());
        assertEquals(0, meter.current());
        assertEquals(16, seen[0], "the batch in hand was finished, the queued ones were not added");
        f.close(); // twice is harmless
    }

    @Test
    @DisplayName("a small read never starts a thread")
    void smallReadStaysOnOneThread() {
        List<Thread> on = new ArrayList<>();
        FilterFeeder f = new FilterFeeder((h, line) -> on.add(Thread.currentThread()), 1 << 20, new MemoryMeter());
        for (int k = 0; k < 100; k++) {
            f.add(k, k);
        }
        assertEquals(0, liveWorkers());
        f.finish();
        f.close();
        assertEquals(100, on.size());
        assertFalse(on.stream().anyMatch(t -> t != Thread.currentThread()));
    }
}
