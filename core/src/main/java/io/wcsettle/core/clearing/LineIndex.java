package io.wcsettle.core.clearing;

/**
 * Where every 16th line of the input starts, so that a row can be re-read by its line number
 * without scanning the file from the start: line {@code 16k} starts at {@link #get get(k)}
 * ({@code k ≥ 1}); line 1 starts at offset 0. In memory up to a budget, then appended to a
 * temporary file, so it does not grow the heap with the file (0.5 bytes per line while in
 * memory). Every 16th rather than every 64th line: a re-read candidate row then costs a 2 KiB
 * read and a scan of 8 lines on average instead of 8 KiB and 32 lines.
 */
final class LineIndex {

    static final int SHIFT = 4;
    private static final int BLOCK = 1024;

    private final long maxInMemory;
    private final TempStorage temp;
    private final LongArray memory;
    private TempStorage.TempFile file;
    private long inFile;
    private long cachedBlock = -1;
    private final byte[] blockBytes = new byte[BLOCK * 8];
    private final java.nio.ByteBuffer block = java.nio.ByteBuffer.wrap(blockBytes);

    LineIndex(long memoryBytes, TempStorage temp, MemoryMeter meter) {
        this.maxInMemory = Math.max(64, memoryBytes / 8);
        this.temp = temp;
        this.memory = new LongArray(meter, LongArray.chunkBitsFor(memoryBytes));
    }

    /** Records the start of line {@code 16 (size() + 1)}. */
    void add(long offset) {
        if (memory.size() == maxInMemory) {
            if (file == null) {
                file = temp.create();
            }
            for (long i = 0; i < memory.size(); i++) {
                file.writeLong(memory.get(i));
            }
            inFile += memory.size();
            memory.clear();
        }
        memory.add(offset);
    }

    /** Lines recorded. */
    long size() {
        return inFile + memory.size();
    }

    /** Start of line {@code 16k}, {@code 1 ≤ k ≤ size()}. */
    long get(long k) {
        long i = k - 1;
        if (i >= inFile) {
            return memory.get(i - inFile);
        }
        long b = i / BLOCK;
        if (b != cachedBlock) {
            long from = b * BLOCK * 8;
            int len = (int) Math.min(BLOCK * 8L, inFile * 8 - from);
            if (file.read(from, blockBytes, 0, len) != len) {
                throw temp.failure("temporary file shorter than written", new java.io.EOFException());
            }
            cachedBlock = b;
        }
        return block.getLong((int) (i % BLOCK) * 8);
    }

    void close() {
        memory.free();
        if (file != null) {
            file.delete();
            file = null;
        }
    }
}
