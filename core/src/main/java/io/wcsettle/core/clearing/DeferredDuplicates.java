package io.wcsettle.core.clearing;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

import io.wcsettle.core.error.CoreErrorCode;
import io.wcsettle.core.error.WcsettleException;

/**
 * Exact duplicate detection, in bounded memory, for record ids that {@link DenseIdWindow} does
 * not cover (alphanumeric ids, sparse numbers). It runs in three steps:
 *
 * <ol>
 * <li><b>Filter</b>, during the read: each row contributes one long, 28 bits of its id's
 *     fingerprint and its 36-bit line number, to {@link LongPartitions} partitioned by the top
 *     9 fingerprint bits (8 bytes per row, spilled to a temporary file beyond the budget).
 * <li><b>Candidates</b>, at the end: partition by partition, rows whose fingerprints agree on
 *     all 37 bits are found with two bitmaps that fit in the L1 cache, which let through the
 *     few entries that share some fingerprint bits, and a hash table over those (a partition
 *     too large for memory is split again on the next bits). Only these rows can be duplicates;
 *     with the production fingerprint they are the real duplicates, their originals and about
 *     n²/2³⁸ pairs of coincidences (≈ 90 pairs for 5 million rows).
 * <li><b>Confirmation</b>: the candidate rows are re-read from the input in line order
 *     ({@link RowFetcher}) and sorted by (full 64-bit fingerprint, id bytes, line) with the
 *     {@link ExternalSorter}; within a run of equal id bytes the first line is the original and
 *     every later line a duplicate. Ids are compared byte for byte: a fingerprint collision can
 *     never make a duplicate.
 * </ol>
 *
 * <p>Memory, with budget B: the filter's buffers B/2, the candidate search B/4, the candidate
 * sorter B/8, the confirmation sorter B/2 (after the filter is freed); everything beyond is in
 * temporary files. Not thread-safe; one per read.
 */
final class DeferredDuplicates {

    /** A confirmed duplicate row, handed back for the totals to be corrected. */
    interface Sink {
        void duplicate(long line, long firstLine, CsvRowParser row, byte[] b);
    }

    static final int LINE_BITS = 36;
    /** Largest line number an entry can carry. */
    static final long MAX_LINE = (1L << LINE_BITS) - 2;
    private static final long LINE_MASK = (1L << LINE_BITS) - 1;
    private static final int FP_BITS = 64 - LINE_BITS;
    private static final VarHandle LONGS_BE = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
    /**
     * Partitions up to this size are checked in memory by {@link #direct} (512 KiB of entries,
     * bitmaps of at most 128 KiB each); larger ones are split on the next fingerprint bits first.
     */
    private static final int DIRECT_MAX = 1 << 16;
    /**
     * Bytes an entry may take in the candidate search: the copy (8), the two bitmaps (at most 8)
     * and the table (at most 24, when every entry collides).
     */
    private static final int IN_MEMORY_BYTES = 40;
    /** Most bits of the filter: 2²⁰ bits; a 5-million-row file's partitions use 2¹⁸ (32 KiB, in L1). */
    private static final int FILTER_BITS = 20;

    private final long budget;
    private final IdFingerprint fingerprint;
    private final TempStorage temp;
    private final MemoryMeter meter;
    private final int partitionBits;
    private LongPartitions filter;
    private long candidates;
    /** Candidate search work arrays, reused from partition to partition. */
    private long[] directTable;
    private long[] directValues;
    private long[] seenBits;
    private long[] twiceBits;

    DeferredDuplicates(long budget, IdFingerprint fingerprint, TempStorage temp, MemoryMeter meter) {
        this.budget = budget;
        this.fingerprint = fingerprint;
        this.temp = temp;
        this.meter = meter;
        // 512 partitions: the distribution pass keeps its write positions in L1, and a partition
        // of a 5-million-row file (≈ 10,000 entries) is checked with bitmaps that fit in L1
        this.partitionBits = budget >= 1 << 20 ? 9 : 4;
        this.filter = new LongPartitions(1 << partitionBits, budget / 2, temp, meter);
    }

    /** Ids recorded. */
    long size() {
        return filter == null ? 0 : filter.size();
    }

    /** Rows re-read to confirm candidates so far. */
    long candidates() {
        return candidates;
    }

    /** Records the row at {@code line} whose id has fingerprint {@code h}. */
    void add(long h, long line) {
        filter.add((int) (h >>> (64 - partitionBits)), (((h << partitionBits) >>> LINE_BITS) << LINE_BITS) | line);
    }

    /** The check a re-read row must pass: its fingerprint's partition and filter bits. */
    private long check(long h) {
        return h >>> (LINE_BITS - partitionBits);
    }

    /**
     * Finds every duplicate among the rows added so far and hands each to {@code sink} (in no
     * particular order), re-reading candidate rows from {@code source}. The filter is consumed:
     * call once.
     *
     * @throws WcsettleException {@code IO_FAILURE} when a re-read row differs from what was read
     *                           (the input changed), {@code TEMP_STORAGE_FAILURE} on spill errors
     */
    void resolve(RowSource source, LineIndex index, String fileName, Sink sink) {
        ExternalSorter lines = new ExternalSorter(budget / 8, temp, meter);
        ExternalSorter rows = null;
        try {
            findCandidates(lines);
            filter.close();
            filter = null;
            freeWork();
            if (lines.size() == 0) {
                return;
            }
            rows = new ExternalSorter(budget / 2, temp, meter);
            confirm(lines.sorted(), source, index, fileName, rows);
            lines.close();
            report(rows.sorted(), sink);
        } finally {
            lines.close();
            if (rows != null) {
                rows.close();
            }
            if (filter != null) {
                filter.close();
                filter = null;
            }
        }
    }

    /** Step 2: the lines of rows whose fingerprints agree, with their check bits, into {@code out}. */
    private void findCandidates(ExternalSorter out) {
        byte[] rec = new byte[16];
        Emitter emit = (top, entry) -> {
            LONGS_BE.set(rec, 0, entry & LINE_MASK);
            LONGS_BE.set(rec, 8, ((long) top << FP_BITS) | (entry >>> LINE_BITS));
            out.add(rec, 0, 16);
        };
        for (int p = 0; p < filter.partitions(); p++) {
            candidatesIn(filter, p, p, 0, emit);
            filter.release(p);
        }
    }

    /** Receives a candidate entry of top-level partition {@code top}. */
    private interface Emitter {
        void emit(int top, long entry);
    }

    private void candidatesIn(LongPartitions store, int p, int top, int usedBits, Emitter emit) {
        long n = store.count(p);
        if (n < 2) {
            return;
        }
        if (n <= DIRECT_MAX && n * IN_MEMORY_BYTES <= budget / 4) {
            direct(store, p, n, top, emit);
            return;
        }
        if (usedBits >= FP_BITS) {
            // every entry agrees on all fingerprint bits: all are candidates
            store.forEach(p, v -> emit.emit(top, v));
            return;
        }
        int bits = Math.min(8, FP_BITS - usedBits);
        int shift = 64 - usedBits - bits;
        int mask = (1 << bits) - 1;
        LongPartitions split = new LongPartitions(1 << bits, budget / 4, temp, meter);
        try {
            store.forEach(p, v -> split.add((int) (v >>> shift) & mask, v));
            for (int q = 0; q < split.partitions(); q++) {
                candidatesIn(split, q, top, usedBits + bits, emit);
            }
        } finally {
            split.close();
        }
    }

    /**
     * A partition of at most {@link #DIRECT_MAX} entries, checked in two steps. First a filter:
     * the entries are copied into one array and each sets the bit of its low fingerprint bits in
     * a bitmap 16 to 32 times larger than the partition (at most 2²⁰ bits; 2¹⁸, in the L1 cache,
     * for a 5-million-row file); a bit set twice marks a collision, in a second bitmap. Only the
     * entries whose bit collided (real repeats and one in 16 to 32 others) then go through an open
     * addressing table on all fingerprint bits. A repeat emits both lines (the first only once). (Checking every entry
     * with that table, 128 KiB for a 5-million-row file's partition, took 7.6 ns an entry,
     * mostly mispredicted probes; the two bitmap passes take under 3.)
     */
    private void direct(LongPartitions store, int p, long n, int top, Emitter emit) {
        int count = (int) n;
        if (directValues == null || directValues.length < count) {
            if (directValues != null) {
                meter.release(directValues.length * 8L + 16);
            }
            directValues = new long[count];
            meter.reserve(directValues.length * 8L + 16);
        }
        long[] vs = directValues;
        int[] fill = {0};
        store.forEachRun(p, (values, from, to) -> {
            System.arraycopy(values, from, vs, fill[0], to - from);
            fill[0] += to - from;
        });
        int bits = Math.min(FILTER_BITS, Math.max(6, 64 - Long.numberOfLeadingZeros(n - 1) + 4));
        int words = 1 << (bits - 6);
        if (seenBits == null || seenBits.length < words) {
            if (seenBits != null) {
                meter.release(2 * (seenBits.length * 8L + 16));
            }
            seenBits = new long[words];
            twiceBits = new long[words];
            meter.reserve(2 * (words * 8L + 16));
        }
        long[] seen = seenBits;
        long[] twice = twiceBits;
        int fmask = (1 << bits) - 1;
        for (int i = 0; i < count; i++) {
            int h = (int) (vs[i] >>> LINE_BITS) & fmask;
            int w = h >>> 6;
            long bit = 1L << h;
            long s = seen[w];
            twice[w] |= s & bit;
            seen[w] = s | bit;
        }
        // the colliding entries, compacted to the front of the array (in order)
        int c = 0;
        for (int i = 0; i < count; i++) {
            long v = vs[i];
            int h = (int) (v >>> LINE_BITS) & fmask;
            vs[c] = v;
            c += (int) (twice[h >>> 6] >>> h) & 1;
        }
        Arrays.fill(seen, 0, words, 0L);
        Arrays.fill(twice, 0, words, 0L);
        if (c < 2) {
            return;
        }
        int tbits = 64 - Long.numberOfLeadingZeros(c + (c >>> 1) - 1);
        int size = 1 << tbits;
        if (directTable == null || directTable.length < size) {
            if (directTable != null) {
                meter.release(directTable.length * 8L + 16);
            }
            directTable = new long[size];
            meter.reserve(directTable.length * 8L + 16);
        } else {
            Arrays.fill(directTable, 0, size, 0L);
        }
        long[] t = directTable;
        int mask = size - 1;
        for (int i = 0; i < c; i++) {
            long v = vs[i];
            long fp = v >>> LINE_BITS;
            // most entries here share the filter's bits: index by a hash of all of them
            int k = (int) ((fp * 0x9E3779B97F4A7C15L) >>> (64 - tbits));
            while (true) {
                long slot = t[k];
                if (slot == 0) {
                    t[k] = v;
                    break;
                }
                if (slot >>> LINE_BITS == fp) {
                    emit.emit(top, v);
                    if ((slot & LINE_MASK) != LINE_MASK) {
                        emit.emit(top, slot);
                        t[k] = slot | LINE_MASK;
                    }
                    break;
                }
                k = (k + 1) & mask;
            }
        }
    }

    /**
     * Step 3a: re-reads each candidate line and adds the record (fingerprint, id length, id,
     * line, date, pair, fund, deduction, institution) to {@code out}.
     */
    private void confirm(ExternalSorter.Cursor lines, RowSource source, LineIndex index, String fileName,
            ExternalSorter out) {
        RowFetcher fetch = new RowFetcher(source, index);
        meter.reserve(RowFetcher.BUFFER);
        CsvRowParser row = new CsvRowParser();
        byte[] rec = new byte[256];
        try {
            while (lines.next()) {
                byte[] b = lines.bytes();
                int o = lines.offset();
                long line = (long) LONGS_BE.get(b, o);
                long check = (long) LONGS_BE.get(b, o + 8);
                if (!fetch.seek(line)) {
                    throw changed(fileName, line);
                }
                int next = row.parse(fetch.buf, fetch.pos, fetch.lim, fetch.eof);
                if (next < 0) {
                    throw changed(fileName, line);
                }
                long h = fingerprint.of(fetch.buf, row.idStart, row.idEnd);
                if (check(h) != check) {
                    throw changed(fileName, line);
                }
                candidates++;
                int idLen = row.idEnd - row.idStart;
                int instLen = row.instEnd - row.instStart;
                int len = 8 + 2 + idLen + 8 + 4 + 2 + 8 + 8 + 2 + instLen;
                if (rec.length < len) {
                    rec = new byte[Math.max(len, rec.length * 2)];
                }
                int at = 0;
                LONGS_BE.set(rec, at, h);
                at += 8;
                rec[at++] = (byte) (idLen >>> 8);
                rec[at++] = (byte) idLen;
                System.arraycopy(fetch.buf, row.idStart, rec, at, idLen);
                at += idLen;
                LONGS_BE.set(rec, at, line);
                at += 8;
                putInt(rec, at, row.date);
                at += 4;
                rec[at++] = (byte) row.insured;
                rec[at++] = (byte) row.treatment;
                LONGS_BE.set(rec, at, row.fund);
                at += 8;
                LONGS_BE.set(rec, at, row.deduction);
                at += 8;
                rec[at++] = (byte) (instLen >>> 8);
                rec[at++] = (byte) instLen;
                System.arraycopy(fetch.buf, row.instStart, rec, at, instLen);
                out.add(rec, 0, len);
            }
        } finally {
            meter.release(RowFetcher.BUFFER);
            source.close();
        }
    }

    private static void putInt(byte[] b, int at, int v) {
        b[at] = (byte) (v >>> 24);
        b[at + 1] = (byte) (v >>> 16);
        b[at + 2] = (byte) (v >>> 8);
        b[at + 3] = (byte) v;
    }

    private static int getInt(byte[] b, int at) {
        return (b[at] & 0xFF) << 24 | (b[at + 1] & 0xFF) << 16 | (b[at + 2] & 0xFF) << 8 | (b[at + 3] & 0xFF);
    }

    private static WcsettleException changed(String fileName, long line) {
        return new WcsettleException(CoreErrorCode.IO_FAILURE, "file",
                fileName + ": line " + line + " reads differently the second time (the input changed while it was read)");
    }

    /** Step 3b: runs of equal (fingerprint, id) in the sorted records; all but the first line are duplicates. */
    private static void report(ExternalSorter.Cursor sorted, Sink sink) {
        byte[] key = new byte[256];
        int keyLen = -1;
        long firstLine = 0;
        CsvRowParser row = new CsvRowParser();
        while (sorted.next()) {
            byte[] b = sorted.bytes();
            int o = sorted.offset();
            int idLen = (b[o + 8] & 0xFF) << 8 | (b[o + 9] & 0xFF);
            int kLen = 10 + idLen;
            int at = o + kLen;
            long line = (long) LONGS_BE.get(b, at);
            if (kLen == keyLen && Arrays.equals(b, o, o + kLen, key, 0, kLen)) {
                at += 8;
                row.idStart = o + 10;
                row.idEnd = o + 10 + idLen;
                row.date = getInt(b, at);
                at += 4;
                row.insured = b[at++];
                row.treatment = b[at++];
                row.fund = (long) LONGS_BE.get(b, at);
                at += 8;
                row.deduction = (long) LONGS_BE.get(b, at);
                at += 8;
                int instLen = (b[at] & 0xFF) << 8 | (b[at + 1] & 0xFF);
                at += 2;
                row.instStart = at;
                row.instEnd = at + instLen;
                sink.duplicate(line, firstLine, row, b);
            } else {
                if (key.length < kLen) {
                    key = new byte[Math.max(kLen, key.length * 2)];
                }
                System.arraycopy(b, o, key, 0, kLen);
                keyLen = kLen;
                firstLine = line;
            }
        }
    }

    private void freeWork() {
        if (directTable != null) {
            meter.release(directTable.length * 8L + 16);
            directTable = null;
        }
        if (directValues != null) {
            meter.release(directValues.length * 8L + 16);
            directValues = null;
        }
        if (seenBits != null) {
            meter.release(2 * (seenBits.length * 8L + 16));
            seenBits = null;
            twiceBits = null;
        }
    }

    /** Frees memory and temporary files (when {@link #resolve} was never called). */
    void close() {
        freeWork();
        if (filter != null) {
            filter.close();
            filter = null;
        }
    }
}
