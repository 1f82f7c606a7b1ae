package io.wcsettle.core.clearing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.LongConsumer;

/**
 * Longs sorted into partitions (the first digit of a radix sort) in a fixed amount of memory.
 * Values are appended to a run buffer as they come, with their partition number: a sequential
 * write, the cheapest thing a hot loop can do. When the run is full it is distributed by
 * partition into a second buffer with a counting sort (a tight loop whose 2 × partitions write
 * positions stay in the L1 cache), and that buffer is appended to a temporary file as one
 * "spill". Reading a partition back yields its spilled values, then the ones still in memory.
 *
 * <p>Memory: at most {@code memoryBytes} (run buffer 10 bytes per value, distribution buffer 8),
 * plus 4 bytes per partition per spill of directory; after {@value #MAX_SPILLS} spills they are
 * merged into one, so the directory stays bounded too. Spills are written and read back in native
 * byte order with bulk copies (the file never leaves the process). Not thread-safe.
 */
final class LongPartitions {

    static final int MAX_SPILLS = 64;
    private final int chunkBits;
    private final int chunk;
    private final int mask;
    private static final long RUN_BYTES_PER_VALUE = 10;
    private static final long OUT_BYTES_PER_VALUE = 8;

    private final int partitions;
    private final int capacity;
    private final int readBuffer;
    private final TempStorage temp;
    private final MemoryMeter.Account meter;

    // the run being collected: values and their partitions, in arrival order
    private final long[][] runValues;
    private final short[][] runParts;
    private int runSize;
    private long[] runChunk;
    private short[] runPartChunk;
    private int inChunk;

    // the last distributed run, kept in memory: partition p is out[start[p] .. start[p + 1])
    private long[][] out;
    private int[] outStart;
    private boolean distributed;

    private TempStorage.TempFile file;
    private final List<int[]> spillCounts = new ArrayList<>();
    private final List<Long> spillStarts = new ArrayList<>();
    private long[][] spillOffsets;
    private long[] scratch;
    private java.nio.ByteBuffer bulk;
    private long size;
    private int releasedChunks;

    LongPartitions(int partitions, long memoryBytes, TempStorage temp, MemoryMeter meter) {
        if (partitions > 1 << 15) {
            throw new IllegalArgumentException("partitions");
        }
        this.partitions = partitions;
        long cap = Math.max(64, memoryBytes / (RUN_BYTES_PER_VALUE + OUT_BYTES_PER_VALUE));
        // chunks of 8,192 values (64 KiB, never a "humongous" allocation), smaller for tiny budgets
        this.chunkBits = Math.max(4, Math.min(13, 63 - Long.numberOfLeadingZeros(cap / 4)));
        this.chunk = 1 << chunkBits;
        this.mask = chunk - 1;
        this.capacity = (int) Math.min(cap / chunk * chunk, 1 << 30);
        this.inChunk = chunk;
        this.readBuffer = (int) Math.max(1 << 10, Math.min(1 << 15, memoryBytes / 16));
        this.temp = temp;
        this.meter = meter.account();
        int chunks = capacity / chunk;
        this.runValues = new long[chunks][];
        this.runParts = new short[chunks][];
        this.meter.reserve(chunks * 16L + partitions * 8L);
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
        if (inChunk == chunk) {
            nextChunk();
        }
        runChunk[inChunk] = v;
        runPartChunk[inChunk++] = (short) p;
        runSize++;
        size++;
    }

    private void nextChunk() {
        if (distributed) {
            // values arrive after a distributed run was kept in memory: it must go to disk first
            spillDistributed();
        }
        if (runSize == capacity) {
            distribute();
            spillDistributed();
        }
        int c = runSize >>> chunkBits;
        if (runValues[c] == null) {
            runValues[c] = new long[chunk];
            runParts[c] = new short[chunk];
            meter.reserve(chunk * RUN_BYTES_PER_VALUE + 32);
        }
        runChunk = runValues[c];
        runPartChunk = runParts[c];
        inChunk = 0;
    }

    /** Counting sort of the run into {@code out} by partition. */
    private void distribute() {
        int[] start = new int[partitions + 1];
        int fullChunks = runSize >>> chunkBits;
        int rest = runSize & mask;
        for (int c = 0; c <= fullChunks && c < runParts.length; c++) {
            short[] ps = runParts[c];
            int n = c < fullChunks ? chunk : rest;
            for (int k = 0; k < n; k++) {
                start[ps[k] + 1]++;
            }
        }
        for (int p = 0; p < partitions; p++) {
            start[p + 1] += start[p];
        }
        int outChunks = (runSize + mask) >>> chunkBits;
        if (out == null) {
            out = new long[runValues.length][];
        }
        for (int c = 0; c < outChunks; c++) {
            if (out[c] == null) {
                out[c] = new long[chunk];
                meter.reserve(chunk * OUT_BYTES_PER_VALUE + 16);
            }
        }
        int[] next = Arrays.copyOf(start, partitions);
        long[][] o = out;
        for (int c = 0; c <= fullChunks && c < runValues.length; c++) {
            long[] vs = runValues[c];
            short[] ps = runParts[c];
            int n = c < fullChunks ? chunk : rest;
            for (int k = 0; k < n; k++) {
                int d = next[ps[k]]++;
                o[d >>> chunkBits][d & mask] = vs[k];
            }
        }
        outStart = start;
        distributed = true;
        runSize = 0;
        inChunk = chunk;
    }

    /** Writes the distributed run to the temporary file. */
    private void spillDistributed() {
        if (file == null) {
            file = temp.create();
        }
        spillStarts.add(file.size());
        int total = outStart[partitions];
        for (int c = 0; c << chunkBits < total; c++) {
            file.writeLongs(out[c], 0, Math.min(chunk, total - (c << chunkBits)));
        }
        int[] counts = new int[partitions];
        for (int p = 0; p < partitions; p++) {
            counts[p] = outStart[p + 1] - outStart[p];
        }
        spillCounts.add(counts);
        meter.reserve(partitions * 4L + 16);
        distributed = false;
        outStart = null;
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

    /** Ends the adding: the last run is distributed and stays in memory. */
    private void seal() {
        if (runSize > 0 || (!distributed && out == null)) {
            if (distributed) {
                spillDistributed();
            }
            distribute();
        }
        // the run buffer is no longer needed
        for (int c = 0; c < runValues.length; c++) {
            if (runValues[c] != null) {
                runValues[c] = null;
                runParts[c] = null;
                meter.release(chunk * RUN_BYTES_PER_VALUE + 32);
            }
        }
        runChunk = null;
        runPartChunk = null;
    }

    /** Number of values in partition {@code p}. */
    long count(int p) {
        seal();
        long n = outStart[p + 1] - outStart[p];
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
        seal();
        if (!spillCounts.isEmpty()) {
            directory();
            if (scratch == null) {
                scratch = new long[readBuffer / 8];
                bulk = java.nio.ByteBuffer.allocateDirect(readBuffer).order(java.nio.ByteOrder.nativeOrder());
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
        for (int d = outStart[p], e = outStart[p + 1]; d < e; ) {
            int c = d >>> chunkBits;
            int to = Math.min(e, (c + 1) << chunkBits);
            sink.accept(out[c], d & mask, ((to - 1) & mask) + 1);
            d = to;
        }
    }

    /**
     * Frees partition {@code p}'s values held in memory once it has been read for the last time;
     * it must not be read again. The memory of the last distributed run goes back as the
     * partitions are released one after another.
     */
    void release(int p) {
        if (out == null) {
            return;
        }
        // the chunks that hold nothing but partitions up to p
        int until = outStart[p + 1] >>> chunkBits;
        for (int c = releasedChunks; c < until; c++) {
            if (out[c] != null) {
                out[c] = null;
                meter.release(chunk * OUT_BYTES_PER_VALUE + 16);
            }
        }
        releasedChunks = Math.max(releasedChunks, until);
    }

    /** Frees everything and deletes the temporary file. */
    void close() {
        if (out != null) {
            for (long[] c : out) {
                if (c != null) {
                    meter.release(chunk * OUT_BYTES_PER_VALUE + 16);
                }
            }
            out = null;
        }
        for (int c = 0; c < runValues.length; c++) {
            if (runValues[c] != null) {
                runValues[c] = null;
                runParts[c] = null;
                meter.release(chunk * RUN_BYTES_PER_VALUE + 32);
            }
        }
        if (file != null) {
            file.delete();
            file = null;
        }
        spillOffsets = null;
        meter.close();
    }
}
