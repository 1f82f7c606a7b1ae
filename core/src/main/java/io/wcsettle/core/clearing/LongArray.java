package io.wcsettle.core.clearing;

import java.util.Arrays;

/**
 * A growable array of longs in 64 KiB chunks, so that no single allocation is large (a large
 * array is a "humongous" allocation for G1 in a small heap). Counted by a {@link MemoryMeter}.
 */
final class LongArray {

    /** The largest chunk: 8,192 longs, 64 KiB. */
    static final int MAX_CHUNK_BITS = 13;

    private final int chunkBits;
    private final int mask;
    private final long bytesPerChunk;
    private final MemoryMeter meter;
    private long[][] chunks = new long[4][];
    private int chunkCount;
    private long size;

    /** Chunks of 8,192 longs. */
    LongArray(MemoryMeter meter) {
        this(meter, MAX_CHUNK_BITS);
    }

    /** Chunks of {@code 2^chunkBits} longs. */
    LongArray(MemoryMeter meter, int chunkBits) {
        this.chunkBits = Math.max(4, Math.min(MAX_CHUNK_BITS, chunkBits));
        this.mask = (1 << this.chunkBits) - 1;
        this.bytesPerChunk = (8L << this.chunkBits) + 16;
        this.meter = meter;
    }

    /** Chunk bits for an array that should stay within about {@code bytes}: 1/8 of it per chunk. */
    static int chunkBitsFor(long bytes) {
        return 63 - Long.numberOfLeadingZeros(Math.max(16, bytes / 64));
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
        return chunks[(int) (i >>> chunkBits)][(int) i & mask];
    }

    void set(long i, long v) {
        chunks[(int) (i >>> chunkBits)][(int) i & mask] = v;
    }

    void add(long v) {
        if (size == (long) chunkCount << chunkBits) {
            ensureCapacity(size + 1);
        }
        chunks[(int) (size >>> chunkBits)][(int) size & mask] = v;
        size++;
    }

    private void ensureCapacity(long n) {
        while ((long) chunkCount << chunkBits < n) {
            if (chunkCount == chunks.length) {
                chunks = Arrays.copyOf(chunks, chunks.length * 2);
            }
            chunks[chunkCount++] = new long[1 << chunkBits];
            meter.reserve(bytesPerChunk);
        }
    }

    /** Makes the size {@code n}; values beyond the old size are whatever the chunks held. */
    void resize(long n) {
        ensureCapacity(n);
        size = n;
    }

    /** Empties the array, keeping its chunks (and their old contents) for reuse. */
    void clear() {
        size = 0;
    }

    /** Drops the chunks. */
    void free() {
        meter.release(chunkCount * bytesPerChunk);
        chunks = new long[4][];
        chunkCount = 0;
        size = 0;
    }

    /** Bytes held. */
    long bytes() {
        return chunkCount * bytesPerChunk;
    }
}
