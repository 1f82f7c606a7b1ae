package io.wcsettle.core.clearing;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;

/**
 * Longs sorted into partitions (the first digit of a radix sort) in a fixed amount of memory.
 * Values are appended to a run buffer as they come, with their partition number: a sequential
 * write, the cheapest thing a hot loop can do. When the run is full (at most 32,768 values, so
 * that it stays in the L2 cache) it is distributed by partition into a buffer of its own with a
 * counting sort (the counts were kept while adding), and kept. When the memory is used up, the
 * distributed runs are appended to a temporary file partition by partition, as one "spill" in
 * which each partition's values are contiguous, and their buffers are reused. Reading a
 * partition back yields its spilled values, then the ones still in memory, in the order added.
 *
 * <p>(A run of several megabytes, the earlier design, made the counting sort run out of the L3
 * cache; moving each value straight from the parser's loop into a per-partition block made the
 * scattered stores' cache misses stall the parsing. Both were slower, measured with
 * {@code ClearingVsDuckDb}.)
 *
 * <p>Memory: at most {@code memoryBytes} (run buffer 10 bytes per value, distributed runs 8),
 * plus 4 bytes per partition per spill of directory; after {@value #MAX_SPILLS} spills they are
 * merged into one, so the directory stays bounded too. Spills are written and read back in native
 * byte order with bulk copies (the file never leaves the process). Not thread-safe.
 */
final class LongPartitions {

    static final int MAX_SPILLS = 64;
    private static final int MAX_RUN = 1 << 15;

    private final int partitions;
    private final int runCapacity;
    private final int maxRuns;
    private final int readBuffer;
    private final TempStorage temp;
    private final MemoryMeter.Account meter;

    // the run being collected: values, their partitions, and how many go to each partition
    private final long[] runValues;
    private final short[] runParts;
    private final int[] runCounts;
    private int runSize;

    /** Distributed runs in memory: partition p of run r is {@code runs[r][starts[r][p] .. starts[r][p + 1])}. */
    private final List<long[]> runs = new ArrayList<>();
    private final List<int[]> starts = new ArrayList<>();
    private final List<long[]> freeRuns = new ArrayList<>();

    private TempStorage.TempFile file;
    private final List<int[]> spillCounts = new ArrayList<>();
    private final List<Long> spillStarts = new ArrayList<>();
    private long[][] spillOffsets;
    private long[] scratch;
    private ByteBuffer bulk;
    private long size;

    LongPartitions(int partitions, long memoryBytes, TempStorage temp, MemoryMeter meter) {
        if (partitions > 1 << 15) {
            throw new IllegalArgumentException("partitions");
        }
        this.partitions = partitions;
        // the run and at least one distributed run fit; with more memory, more distributed runs
        long cap = Math.max(16, memoryBytes / 18);
        this.runCapacity = (int) Math.min(MAX_RUN, Long.highestOneBit(cap));
        this.maxRuns = (int) Math.max(1, Math.min(1 << 20,
                (memoryBytes - runCapacity * 10L) / (runCapacity * 8L + partitions * 4L + 32)));
        this.readBuffer = (int) Math.max(1 << 10, Math.min(1 << 15, memoryBytes / 16));
        this.temp = temp;
        this.meter = meter.account();
        this.runValues = new long[runCapacity];
        this.runParts = new short[runCapacity];
        this.runCounts = new int[partitions];
        this.meter.reserve(runCapacity * 10L + partitions * 4L + 64);
    }

    int partitions() {
        return partitions;
    }

    /** Values added. */
    long size() {
        return size;
    }

    /** Number of spills so far (merged ones count as one). */
    int spills() {
        return spillCounts.size();
    }

    /** Appends {@code v} to partition {@code p}. */
    void add(int p, long v) {
        int k = runSize;
        runValues[k] = v;
        runParts[k] = (short) p;
        runCounts[p]++;
        runSize = k + 1;
        size++;
        if (k + 1 == runCapacity) {
            distribute();
        }
    }

    /** Counting sort of the run into a buffer of its own, kept with the distributed runs. */
    private void distribute() {
        if (runSize == 0) {
            return;
        }
        if (runs.size() == maxRuns) {
            spill();
        }
        int[] start = new int[partitions + 1];
        for (int p = 0; p < partitions; p++) {
            start[p + 1] = start[p] + runCounts[p];
            runCounts[p] = 0;
        }
        long[] out;
        if (!freeRuns.isEmpty()) {
            out = freeRuns.remove(freeRuns.size() - 1);
        } else {
            out = new long[runCapacity];
            meter.reserve(runCapacity * 8L + 16);
        }
        meter.reserve(partitions * 4L + 16);
        int[] next = java.util.Arrays.copyOf(start, partitions);
        long[] vs = runValues;
        short[] ps = runParts;
        for (int k = 0, n = runSize; k < n; k++) {
            out[next[ps[k]]++] = vs[k];
        }
        runs.add(out);
        starts.add(start);
        runSize = 0;
    }

    /** Appends the distributed runs to the temporary file, partition by partition, and frees them. */
    private void spill() {
        if (file == null) {
            file = temp.create();
        }
        spillStarts.add(file.size());
        int[] counts = new int[partitions];
        for (int p = 0; p < partitions; p++) {
            int n = 0;
            for (int r = 0; r < runs.size(); r++) {
                int[] s = starts.get(r);
                file.writeLongs(runs.get(r), s[p], s[p + 1]);
                n += s[p + 1] - s[p];
            }
            counts[p] = n;
        }
        meter.release(runs.size() * (partitions * 4L + 16));
        freeRuns.addAll(runs);
        runs.clear();
        starts.clear();
        spillCounts.add(counts);
        meter.reserve(partitions * 4L + 16);
        spillOffsets = null;
        if (spillCounts.size() >= MAX_SPILLS) {
            consolidate();
        }
    }

    /** Merges all spills into one: a partition-by-partition copy, no sorting. */
    private void consolidate() {
        TempStorage.TempFile merged = temp.create();
        int spills = spillCounts.size();
        long[] pos = new long[spills];
        for (int s = 0; s < spills; s++) {
            pos[s] = spillStarts.get(s);
        }
        int[] total = new int[partitions];
        byte[] copy = new byte[1 << 16];
        for (int p = 0; p < partitions; p++) {
            long sum = 0;
            for (int s = 0; s < spills; s++) {
                long bytes = spillCounts.get(s)[p] * 8L;
                long at = pos[s];
                long end = at + bytes;
                while (at < end) {
                    int n = (int) Math.min(copy.length, end - at);
                    if (file.read(at, copy, 0, n) != n) {
                        throw temp.failure("temporary file shorter than written", new java.io.EOFException());
                    }
                    merged.write(copy, 0, n);
                    at += n;
                }
                pos[s] = end;
                sum += spillCounts.get(s)[p];
            }
            if (sum > Integer.MAX_VALUE) {
                throw temp.failure("a spill partition exceeds 2^31 entries", new IllegalStateException());
            }
            total[p] = (int) sum;
        }
        file.delete();
        file = merged;
        meter.release(spills * (partitions * 4L + 16));
        spillCounts.clear();
        spillStarts.clear();
        spillCounts.add(total);
        spillStarts.add(0L);
        meter.reserve(partitions * 4L + 16);
    }

    /** Number of values in partition {@code p}. */
    long count(int p) {
        distribute();
        long n = 0;
        for (int[] s : starts) {
            n += s[p + 1] - s[p];
        }
        for (int[] c : spillCounts) {
            n += c[p];
        }
        return n;
    }

    /** Feeds partition {@code p}'s values to {@code sink}: spilled ones first, in the order added. */
    void forEach(int p, LongConsumer sink) {
        forEachRun(p, (values, from, to) -> {
            for (int i = from; i < to; i++) {
                sink.accept(values[i]);
            }
        });
    }

    /** Where each partition of each spill starts in the file (built once, after the last add). */
    private void directory() {
        if (spillOffsets != null) {
            return;
        }
        spillOffsets = new long[spillCounts.size()][];
        for (int s = 0; s < spillOffsets.length; s++) {
            long[] o = new long[partitions];
            long at = spillStarts.get(s);
            int[] c = spillCounts.get(s);
            for (int q = 0; q < partitions; q++) {
                o[q] = at;
                at += c[q] * 8L;
            }
            spillOffsets[s] = o;
        }
        meter.reserve(spillOffsets.length * (partitions * 8L + 16));
    }

    /** Receives values in bulk: {@code values[from, to)}, valid during the call only. */
    interface RunConsumer {
        void accept(long[] values, int from, int to);
    }

    /**
     * Feeds partition {@code p}'s values to {@code sink} in slices of arrays (spilled ones first,
     * in the order added): no call per value, and spilled values are read in bulk.
     */
    void forEachRun(int p, RunConsumer sink) {
        distribute();
        if (!spillCounts.isEmpty()) {
            directory();
            if (scratch == null) {
                scratch = new long[readBuffer / 8];
                bulk = ByteBuffer.allocateDirect(readBuffer).order(ByteOrder.nativeOrder());
                meter.reserve(readBuffer + 16L);
            }
            for (int s = 0; s < spillOffsets.length; s++) {
                long at = spillOffsets[s][p];
                long left = spillCounts.get(s)[p];
                while (left > 0) {
                    int n = (int) Math.min(left, scratch.length);
                    bulk.clear().limit(n * 8);
                    file.read(at, bulk);
                    if (bulk.position() != n * 8) {
                        throw temp.failure("temporary file shorter than written", new java.io.EOFException());
                    }
                    bulk.flip();
                    bulk.asLongBuffer().get(scratch, 0, n);
                    sink.accept(scratch, 0, n);
                    at += n * 8L;
                    left -= n;
                }
            }
        }
        for (int r = 0; r < runs.size(); r++) {
            int[] s = starts.get(r);
            if (s[p + 1] > s[p]) {
                sink.accept(runs.get(r), s[p], s[p + 1]);
            }
        }
    }

    /**
     * Marks partition {@code p} as read for the last time; it must not be read again, nor anything
     * added after. The memory goes back when the last partition is released.
     */
    void release(int p) {
        if (p == partitions - 1) {
            freeMemory();
        }
    }

    private void freeMemory() {
        meter.release((runs.size() + freeRuns.size()) * (runCapacity * 8L + 16) + runs.size() * (partitions * 4L + 16));
        runs.clear();
        starts.clear();
        freeRuns.clear();
    }

    /** Frees everything and deletes the temporary file. */
    void close() {
        runSize = 0;
        runs.clear();
        starts.clear();
        freeRuns.clear();
        if (file != null) {
            file.delete();
            file = null;
        }
        spillOffsets = null;
        scratch = null;
        bulk = null;
        meter.close();
    }
}
