package io.wcsettle.core.clearing;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Sorts byte records in unsigned lexicographic order in bounded memory: records collect in
 * memory up to the budget; beyond it each full batch is sorted (a radix sort on the records'
 * first 8 bytes, ties by the whole record) and written to a temporary file as a run, and the runs
 * are merged (a heap of run cursors, at most {@code fanIn} at a time; more runs are merged in
 * several passes). A classic external merge sort, hand-written because core depends on
 * {@code java.base} only.
 *
 * <p>Records compare byte by byte as unsigned values, a shorter record first when it is a prefix
 * of a longer one; callers encode their keys so that this order is the one they need (big-endian
 * numbers, length-prefixed strings). Equal records come out in no particular order. At most
 * {@value #MAX_RECORD} bytes per record. Not thread-safe.
 */
final class ExternalSorter {

    /** Largest record. */
    static final int MAX_RECORD = 1 << 17;
    private static final int MAX_CHUNK = 1 << 17;
    private static final VarHandle LONGS_BE = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    private final long memoryBytes;
    private final TempStorage temp;
    private final MemoryMeter meter;
    private final int fanIn;
    private final int chunkSize;
    private final int runBuffer;
    private final int indexChunkBits;

    /** Arrays the records of the current batch are in, addressed by index from {@code refs}. */
    private final List<byte[]> chunks = new ArrayList<>();
    /** Reusable chunks of {@code chunkSize} bytes; {@code chunk} is the one being filled. */
    private final List<byte[]> regular = new ArrayList<>();
    private final List<byte[]> big = new ArrayList<>();
    private int chunk = -1;
    private int chunkIndex = -1;
    private int chunkFill = Integer.MAX_VALUE;
    private long arenaBytes;
    private long batchBytes;
    private LongArray keys;
    private LongArray refs;
    private LongArray auxKeys;
    private LongArray auxRefs;

    private TempStorage.TempFile runFile;
    private final List<long[]> runs = new ArrayList<>();
    private long records;
    private final byte[] scratch = new byte[8];

    ExternalSorter(long memoryBytes, TempStorage temp, MemoryMeter meter) {
        this.chunkSize = (int) Math.max(1 << 12, Math.min(MAX_CHUNK, Long.highestOneBit(Math.max(1, memoryBytes / 4))));
        this.memoryBytes = Math.max(memoryBytes, 2L * chunkSize);
        this.temp = temp;
        this.meter = meter;
        this.runBuffer = (int) Math.max(1 << 12, Math.min(1 << 15, memoryBytes / 16));
        this.fanIn = (int) Math.max(2, Math.min(64, memoryBytes / (2L * runBuffer)));
        this.indexChunkBits = LongArray.chunkBitsFor(memoryBytes / 4);
        this.keys = new LongArray(meter, indexChunkBits);
        this.refs = new LongArray(meter, indexChunkBits);
    }

    /** Records added. */
    long size() {
        return records;
    }

    /** Adds a big-endian long as an 8-byte record. */
    void addLong(long v) {
        LONGS_BE.set(scratch, 0, v);
        add(scratch, 0, 8);
    }

    /** Adds a copy of {@code b[off, off + len)}. */
    void add(byte[] b, int off, int len) {
        if (len > MAX_RECORD) {
            throw new IllegalArgumentException("record of " + len + " bytes");
        }
        if (batchBytes + len + 32 > memoryBytes && keys.size() > 0) {
            spillRun();
        }
        byte[] c;
        int at;
        int index;
        if (len > chunkSize) {
            // a record larger than a chunk gets an array of its own, dropped at the next spill
            c = new byte[len];
            big.add(c);
            meter.reserve(len + 16L);
            arenaBytes += len;
            at = 0;
            chunks.add(c);
            index = chunks.size() - 1;
        } else {
            if (chunkFill > chunkSize - len) {
                chunk++;
                if (chunk == regular.size()) {
                    regular.add(new byte[chunkSize]);
                    meter.reserve(chunkSize + 16L);
                    arenaBytes += chunkSize;
                }
                chunkFill = 0;
                chunks.add(regular.get(chunk));
                chunkIndex = chunks.size() - 1;
            }
            c = regular.get(chunk);
            index = chunkIndex;
            at = chunkFill;
            chunkFill += len;
        }
        System.arraycopy(b, off, c, at, len);
        keys.add(prefix(c, at, len));
        refs.add(((long) index << 37) | ((long) at << 20) | len);
        batchBytes += len + 32;
        records++;
    }

    private static long prefix(byte[] b, int off, int len) {
        if (len >= 8) {
            return (long) LONGS_BE.get(b, off);
        }
        long k = 0;
        for (int i = 0; i < 8; i++) {
            k = (k << 8) | (i < len ? b[off + i] & 0xFF : 0);
        }
        return k;
    }

    private int compareInMemory(long keyA, long refA, long keyB, long refB) {
        int c = Long.compareUnsigned(keyA, keyB);
        if (c != 0) {
            return c;
        }
        byte[] a = chunks.get((int) (refA >>> 37));
        byte[] b = chunks.get((int) (refB >>> 37));
        int offA = (int) (refA >>> 20) & (MAX_CHUNK - 1);
        int offB = (int) (refB >>> 20) & (MAX_CHUNK - 1);
        int lenA = (int) refA & 0xFFFFF;
        int lenB = (int) refB & 0xFFFFF;
        return compare(a, offA, lenA, b, offB, lenB);
    }

    static int compare(byte[] a, int offA, int lenA, byte[] b, int offB, int lenB) {
        return Arrays.compareUnsigned(a, offA, offA + lenA, b, offB, offB + lenB);
    }

    /**
     * Sorts (keys, refs): a least-significant-digit radix sort on the 8-byte key prefixes (a
     * pass per byte, skipped where all keys share the byte: three passes for line numbers), then
     * each run of equal prefixes by the whole records. Linear in the records for distinct
     * prefixes (fingerprints, line numbers), n log n for any input.
     */
    private void sortInMemory() {
        long n = keys.size();
        if (n < 2) {
            return;
        }
        if (auxKeys == null) {
            auxKeys = new LongArray(meter, indexChunkBits);
            auxRefs = new LongArray(meter, indexChunkBits);
        }
        auxKeys.resize(n);
        auxRefs.resize(n);
        long[][] counts = new long[8][256];
        for (long i = 0; i < n; i++) {
            long k = keys.get(i);
            for (int d = 0; d < 8; d++) {
                counts[d][(int) (k >>> (8 * d)) & 0xFF]++;
            }
        }
        for (int d = 0; d < 8; d++) {
            long[] c = counts[d];
            if (c[(int) (keys.get(0) >>> (8 * d)) & 0xFF] == n) {
                continue; // every key has this byte: the pass would move nothing
            }
            long at = 0;
            for (int v = 0; v < 256; v++) {
                long m = c[v];
                c[v] = at;
                at += m;
            }
            for (long i = 0; i < n; i++) {
                long k = keys.get(i);
                long o = c[(int) (k >>> (8 * d)) & 0xFF]++;
                auxKeys.set(o, k);
                auxRefs.set(o, refs.get(i));
            }
            LongArray t = keys;
            keys = auxKeys;
            auxKeys = t;
            t = refs;
            refs = auxRefs;
            auxRefs = t;
        }
        // records whose first 8 bytes agree: in order of the rest
        for (long lo = 0; lo < n; ) {
            long k = keys.get(lo);
            long hi = lo + 1;
            while (hi < n && keys.get(hi) == k) {
                hi++;
            }
            if (hi - lo > 1) {
                sortRange(lo, hi);
            }
            lo = hi;
        }
    }

    /** Bottom-up merge sort of (keys, refs)[lo, hi) by the whole records: stable, n log n. */
    private void sortRange(long lo, long hi) {
        // insertion-sort runs of 16 first
        final int small = 16;
        for (long from = lo; from < hi; from += small) {
            long to = Math.min(hi, from + small);
            for (long i = from + 1; i < to; i++) {
                long k = keys.get(i);
                long r = refs.get(i);
                long j = i - 1;
                while (j >= from && compareInMemory(keys.get(j), refs.get(j), k, r) > 0) {
                    keys.set(j + 1, keys.get(j));
                    refs.set(j + 1, refs.get(j));
                    j--;
                }
                keys.set(j + 1, k);
                refs.set(j + 1, r);
            }
        }
        LongArray srcK = keys;
        LongArray srcR = refs;
        LongArray dstK = auxKeys;
        LongArray dstR = auxRefs;
        for (long width = small; width < hi - lo; width *= 2) {
            for (long a = lo; a < hi; a += 2 * width) {
                long mid = Math.min(hi, a + width);
                long end = Math.min(hi, a + 2 * width);
                long i = a;
                long j = mid;
                long o = a;
                while (i < mid && j < end) {
                    if (compareInMemory(srcK.get(j), srcR.get(j), srcK.get(i), srcR.get(i)) < 0) {
                        dstK.set(o, srcK.get(j));
                        dstR.set(o++, srcR.get(j++));
                    } else {
                        dstK.set(o, srcK.get(i));
                        dstR.set(o++, srcR.get(i++));
                    }
                }
                while (i < mid) {
                    dstK.set(o, srcK.get(i));
                    dstR.set(o++, srcR.get(i++));
                }
                while (j < end) {
                    dstK.set(o, srcK.get(j));
                    dstR.set(o++, srcR.get(j++));
                }
            }
            LongArray t = srcK;
            srcK = dstK;
            dstK = t;
            t = srcR;
            srcR = dstR;
            dstR = t;
        }
        if (srcK != keys) {
            for (long i = lo; i < hi; i++) {
                keys.set(i, srcK.get(i));
                refs.set(i, srcR.get(i));
            }
        }
    }

    /** Sorts the records in memory and appends them to the run file as one run. */
    private void spillRun() {
        sortInMemory();
        if (runFile == null) {
            runFile = temp.create();
        }
        long start = runFile.size();
        for (long i = 0, n = keys.size(); i < n; i++) {
            long ref = refs.get(i);
            int len = (int) ref & 0xFFFFF;
            runFile.writeInt(len);
            runFile.write(chunks.get((int) (ref >>> 37)), (int) (ref >>> 20) & (MAX_CHUNK - 1), len);
        }
        runs.add(new long[] {start, runFile.size(), keys.size()});
        keys.clear();
        refs.clear();
        chunks.clear();
        for (byte[] b : big) {
            meter.release(b.length + 16L);
            arenaBytes -= b.length;
        }
        big.clear();
        chunk = -1;
        chunkFill = Integer.MAX_VALUE;
        batchBytes = 0;
    }

    /** The records in order. Call once, after the last {@link #add}. */
    Cursor sorted() {
        if (runs.isEmpty()) {
            sortInMemory();
            return new MemoryCursor();
        }
        if (keys.size() > 0) {
            spillRun();
        }
        freeMemory();
        while (runs.size() > fanIn) {
            mergePass();
        }
        List<RunCursor> cursors = new ArrayList<>();
        for (long[] r : runs) {
            cursors.add(new RunCursor(runFile, r[0], r[1]));
        }
        return new MergeCursor(cursors);
    }

    private void freeMemory() {
        meter.release(arenaBytes + (long) (regular.size() + big.size()) * 16);
        chunks.clear();
        regular.clear();
        big.clear();
        arenaBytes = 0;
        batchBytes = 0;
        keys.free();
        refs.free();
        if (auxKeys != null) {
            auxKeys.free();
            auxRefs.free();
            auxKeys = null;
            auxRefs = null;
        }
    }

    /** Merges the runs {@code fanIn} at a time into a new run file. */
    private void mergePass() {
        TempStorage.TempFile out = temp.create();
        List<long[]> merged = new ArrayList<>();
        for (int from = 0; from < runs.size(); from += fanIn) {
            List<RunCursor> group = new ArrayList<>();
            for (int k = from; k < Math.min(runs.size(), from + fanIn); k++) {
                long[] r = runs.get(k);
                group.add(new RunCursor(runFile, r[0], r[1]));
            }
            long start = out.size();
            long count = 0;
            MergeCursor m = new MergeCursor(group);
            while (m.next()) {
                out.writeInt(m.length());
                out.write(m.bytes(), m.offset(), m.length());
                count++;
            }
            merged.add(new long[] {start, out.size(), count});
        }
        runFile.delete();
        runFile = out;
        runs.clear();
        runs.addAll(merged);
    }

    /** Frees memory and deletes the run file. */
    void close() {
        freeMemory();
        if (runFile != null) {
            runFile.delete();
            runFile = null;
        }
    }

    /** Records in order; the current record's bytes are valid until the next {@link #next()}. */
    interface Cursor {
        /** Moves to the next record; {@code false} at the end. */
        boolean next();

        byte[] bytes();

        int offset();

        int length();
    }

    private final class MemoryCursor implements Cursor {
        private long i = -1;
        private byte[] b;
        private int off;
        private int len;

        @Override
        public boolean next() {
            if (++i >= keys.size()) {
                return false;
            }
            long ref = refs.get(i);
            b = chunks.get((int) (ref >>> 37));
            off = (int) (ref >>> 20) & (MAX_CHUNK - 1);
            len = (int) ref & 0xFFFFF;
            return true;
        }

        @Override
        public byte[] bytes() {
            return b;
        }

        @Override
        public int offset() {
            return off;
        }

        @Override
        public int length() {
            return len;
        }
    }

    private final class RunCursor implements Cursor {
        private final TempStorage.Reader in;
        private byte[] b = new byte[256];
        private int len;
        private boolean done;

        RunCursor(TempStorage.TempFile file, long from, long to) {
            in = file.reader(from, to, runBuffer);
            meter.reserve(runBuffer);
        }

        @Override
        public boolean next() {
            if (in.remaining() == 0) {
                if (!done) {
                    done = true;
                    meter.release(runBuffer);
                }
                return false;
            }
            len = in.readInt();
            if (len > b.length) {
                b = new byte[Math.max(len, b.length * 2)];
            }
            in.read(b, 0, len);
            return true;
        }

        @Override
        public byte[] bytes() {
            return b;
        }

        @Override
        public int offset() {
            return 0;
        }

        @Override
        public int length() {
            return len;
        }
    }

    /** A k-way merge of sorted cursors through a binary heap. */
    private static final class MergeCursor implements Cursor {
        private final Cursor[] heap;
        private int size;
        private Cursor top;

        MergeCursor(List<? extends Cursor> cursors) {
            heap = new Cursor[cursors.size()];
            for (Cursor c : cursors) {
                if (c.next()) {
                    heap[size++] = c;
                }
            }
            for (int i = size / 2 - 1; i >= 0; i--) {
                down(i);
            }
        }

        private static int cmp(Cursor a, Cursor b) {
            return compare(a.bytes(), a.offset(), a.length(), b.bytes(), b.offset(), b.length());
        }

        private void down(int i) {
            while (true) {
                int l = 2 * i + 1;
                if (l >= size) {
                    return;
                }
                int m = l + 1 < size && cmp(heap[l + 1], heap[l]) < 0 ? l + 1 : l;
                if (cmp(heap[m], heap[i]) >= 0) {
                    return;
                }
                Cursor t = heap[m];
                heap[m] = heap[i];
                heap[i] = t;
                i = m;
            }
        }

        @Override
        public boolean next() {
            if (top != null) {
                // advance the cursor whose record was handed out last
                if (!top.next()) {
                    heap[0] = heap[--size];
                }
                down(0);
            }
            if (size == 0) {
                top = null;
                return false;
            }
            top = heap[0];
            return true;
        }

        @Override
        public byte[] bytes() {
            return top.bytes();
        }

        @Override
        public int offset() {
            return top.offset();
        }

        @Override
        public int length() {
            return top.length();
        }
    }
}
