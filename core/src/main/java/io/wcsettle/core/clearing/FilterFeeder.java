package io.wcsettle.core.clearing;

import java.util.concurrent.ArrayBlockingQueue;

/**
 * Hands (fingerprint, line) pairs from the reading thread to a second thread that adds them to
 * the duplicate filter ({@link DeferredDuplicates}), so that distributing and spilling the
 * filter's entries overlaps with parsing. A bounded producer/consumer pipeline: a fixed set of
 * {@value #BATCHES} {@code long[]} batches circulates between a queue of full batches and a queue
 * of free ones, so memory is fixed and nothing is allocated per row.
 *
 * <p>Deterministic: batches are consumed in the order they were filled, and the last, partial
 * batch is added by the reading thread after the worker has finished, so the filter receives the
 * same entries in the same order as without the worker. The worker thread starts only when the
 * first batch fills (a small read never starts one) and is always joined: by {@link #finish},
 * or by {@link #close} when the read ends early. A failure on the worker (a
 * {@code TEMP_STORAGE_FAILURE} while spilling, say) is rethrown, the same exception, on the
 * reading thread at its next hand-over or at {@link #finish}.
 *
 * <p>Only the worker touches the target between the first hand-over and {@link #finish}; the
 * queues and the join order every access. Used by one reading thread.
 */
final class FilterFeeder {

    /** Receives one pair, on the worker thread (or on the reading thread for the last batch). */
    interface Target {
        void add(long fingerprint, long line);
    }

    static final int BATCHES = 4;
    /** Name of the worker thread, for thread dumps (and the test that no worker outlives a read). */
    static final String THREAD_NAME = "wcsettle-clearing-filter";
    private static final long[] END = new long[0];

    private final Target target;
    private final MemoryMeter meter;
    private final int batchLongs;
    private final ArrayBlockingQueue<long[]> free = new ArrayBlockingQueue<>(BATCHES);
    private final ArrayBlockingQueue<long[]> full = new ArrayBlockingQueue<>(BATCHES + 1);
    private long[] batch;
    private int n;
    private Thread worker;
    private volatile Throwable failure;
    private volatile boolean stopping;
    private boolean closed;
    private boolean endSent;

    /**
     * @param memoryBytes the memory of all batches together (at least 16 pairs per batch)
     */
    FilterFeeder(Target target, long memoryBytes, MemoryMeter meter) {
        this.target = target;
        this.meter = meter;
        long longs = memoryBytes / BATCHES / 8;
        this.batchLongs = (int) Math.max(32, Math.min(1 << 13, longs & ~1L));
        this.batch = new long[batchLongs];
        meter.reserve(batchLongs * 8L + 16);
    }

    /** Memory all batches take, once the worker runs. */
    static long memoryFor(long memoryBytes) {
        long longs = Math.max(32, Math.min(1 << 13, (memoryBytes / BATCHES / 8) & ~1L));
        return BATCHES * (longs * 8 + 16);
    }

    /** Adds one pair; may hand a full batch to the worker. */
    void add(long fingerprint, long line) {
        long[] b = batch;
        int i = n;
        b[i] = fingerprint;
        b[i + 1] = line;
        n = i + 2;
        if (n == batchLongs) {
            handOver();
        }
    }

    private void handOver() {
        if (worker == null) {
            for (int k = 1; k < BATCHES; k++) {
                free.add(new long[batchLongs]);
                meter.reserve(batchLongs * 8L + 16);
            }
            worker = new Thread(this::work, THREAD_NAME);
            worker.setDaemon(true);
            worker.start();
        }
        full.add(batch);
        batch = takeFree();
        n = 0;
        rethrow();
    }

    /** The next free batch; the worker always gives its batch back, even when it fails. */
    private long[] takeFree() {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return free.take();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void work() {
        long[] b = null;
        try {
            while (true) {
                b = full.take();
                if (b == END) {
                    return;
                }
                if (!stopping) {
                    Target t = target;
                    for (int i = 0; i < b.length; i += 2) {
                        t.add(b[i], b[i + 1]);
                    }
                }
                free.add(b);
                b = null;
            }
        } catch (Throwable e) {
            failure = e;
            if (b != null && b != END) {
                free.offer(b);
            }
        }
    }

    /**
     * Waits until every pair handed over is in the target and adds the last batch, on the calling
     * thread; afterwards the target belongs to the caller again and the batches are freed.
     * Rethrows a failure of the worker.
     */
    void finish() {
        stopWorker();
        rethrow();
        Target t = target;
        long[] b = batch;
        for (int i = 0; i < n; i += 2) {
            t.add(b[i], b[i + 1]);
        }
        n = 0;
        free();
    }

    /** Stops the worker without adding what is left (the read ended early) and frees the batches. */
    void close() {
        stopping = true;
        stopWorker();
        free();
    }

    private void free() {
        if (!closed) {
            closed = true;
            batch = null;
            free.clear();
            full.clear();
            meter.release((worker == null ? 1 : BATCHES) * (batchLongs * 8L + 16));
        }
    }

    private void stopWorker() {
        if (worker == null) {
            return;
        }
        if (!endSent) {
            // room for it: the queue holds every batch and one end mark
            endSent = true;
            full.add(END);
        }
        joinWorker();
    }

    private void joinWorker() {
        if (worker == null) {
            return;
        }
        boolean interrupted = false;
        while (true) {
            try {
                worker.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void rethrow() {
        Throwable e = failure;
        if (e == null) {
            return;
        }
        failure = null;
        if (e instanceof RuntimeException r) {
            throw r;
        }
        if (e instanceof Error err) {
            throw err;
        }
        throw new IllegalStateException("the duplicate filter's worker failed", e);
    }
}
