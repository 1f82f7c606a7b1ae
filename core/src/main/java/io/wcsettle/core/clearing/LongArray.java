package io.wcsettle.core.clearing;

import java.util.Arrays;

/**
 * A growable array of longs in 64 KiB chunks, so that no single allocation is large (a large
 * array is a "humongous" allocation for G1 in a small heap). Counted by a {@link MemoryMeter}.
 */
final class LongArray {

    static final int CHUNK_BITS = 13;
    static final int CHUNK = 1 << CHUNK_BITS;
    private static final int MASK = CHUNK - 1;
    static final long BYTES_PER_CHUNK = CHUNK * 8L + 16;

    private final MemoryMeter meter;
    private long[][] chunks = new long[4][];
    private int chunkCount;
    private long size;

    LongArray(MemoryMeter meter) {
        this.meter = meter;
    }

    /** An array of {@code n} zeros. */
    static LongArray zeros(MemoryMeter meter, long n) {
        LongArray a = new LongArray(meter);
        a.ensureCapacity(n);
        a.size = n;
        return a;
    }

    long size() {
        return size;
    }

    long get(long i) {
        return chunks[(int) (i >>> CHUNK_BITS)][(int) i & MASK];
    }

    void set(long i, long v) {
        chunks[(int) (i >>> CHUNK_BITS)][(int) i & MASK] = v;
    }

    void add(long v) {
        if (size == (long) chunkCount << CHUNK_BITS) {
            ensureCapacity(size + 1);
        }
        chunks[(int) (size >>> CHUNK_BITS)][(int) size & MASK] = v;
        size++;
    }

    private void ensureCapacity(long n) {
        while ((long) chunkCount << CHUNK_BITS < n) {
            if (chunkCount == chunks.length) {
                chunks = Arrays.copyOf(chunks, chunks.length * 2);
            }
            chunks[chunkCount++] = new long[CHUNK];
            meter.reserve(BYTES_PER_CHUNK);
        }
    }

    /** Empties the array, keeping its chunks (and their old contents) for reuse. */
    void clear() {
        size = 0;
    }

    /** Drops the chunks. */
    void free() {
        meter.release(chunkCount * BYTES_PER_CHUNK);
        chunks = new long[4][];
        chunkCount = 0;
        size = 0;
    }

    /** Bytes held. */
    long bytes() {
        return chunkCount * BYTES_PER_CHUNK;
    }
}
