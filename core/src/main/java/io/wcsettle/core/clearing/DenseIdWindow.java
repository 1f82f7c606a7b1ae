package io.wcsettle.core.clearing;

/**
 * Exact duplicate detection for the record ids agencies issue from a sequence: numeric ids (up
 * to 18 digits, no leading zero) inside a fixed window of consecutive values are kept as one bit
 * each, in 8 KiB pages of 65,536 ids allocated on first use.
 *
 * <p>The window is fixed by the first numeric id seen: it spans {@code pages × 65,536} ids, with
 * that id's page in the middle (or from 0 when the id is small). Whether an id belongs to the
 * window therefore depends on its value only, never on the order of the file, so an id is always
 * checked by the same structure; ids outside the window (sparse numbers, or a sequence that
 * leaves the window) go to the fingerprint path. Memory: at most {@code pages × 8 KiB}.
 */
final class DenseIdWindow {

    /** {@link #add} result: the id is new. */
    static final int NEW = 1;
    /** {@link #add} result: the id was added before. */
    static final int SEEN = 0;
    /** {@link #add} result: the id is outside the window; nothing was recorded. */
    static final int OUTSIDE = -1;

    static final int PAGE_BITS = 16;
    static final long PAGE_BYTES = (1L << PAGE_BITS) / 8 + 16;
    private static final java.lang.invoke.VarHandle BIG_ENDIAN = java.lang.invoke.MethodHandles
            .byteArrayViewVarHandle(long[].class, java.nio.ByteOrder.BIG_ENDIAN);

    private final long[][] pages;
    private final long span;
    private final MemoryMeter meter;
    private long base = -1;
    private long exactIds;
    /** Digits of the smallest and largest id in the window. */
    private int loDigits;
    private int hiDigits;
    /** When both have the same number of digits (at least 8): their first 8 digits, as big-endian bytes. */
    private long loPrefix = Long.MIN_VALUE;
    private long hiPrefix = Long.MAX_VALUE;

    /** A window of at most {@code memoryBytes} of pages (at least one page). */
    DenseIdWindow(long memoryBytes, MemoryMeter meter) {
        int n = (int) Math.max(1, Math.min(1 << 20, memoryBytes / PAGE_BYTES));
        this.pages = new long[n][];
        this.span = (long) n << PAGE_BITS;
        this.meter = meter;
        meter.reserve(n * 8L + 16);
    }

    /** Ids recorded (distinct). */
    long exactIds() {
        return exactIds;
    }

    /**
     * Loads the bitmap word of {@code id} without recording anything: a {@link WindowBatch}
     * loads its words first so that the cache misses overlap; the value is only a hint.
     */
    long touch(long id) {
        long rel = id - base;
        if (base < 0 || Long.compareUnsigned(rel, span) >= 0) { // one predictable branch, also for rel < 0
            return 0;
        }
        long[] page = pages[(int) (rel >>> PAGE_BITS)];
        return page == null ? 0 : page[((int) rel & ((1 << PAGE_BITS) - 1)) >>> 6];
    }

    /**
     * Whether {@code id} (0 ≤ id < 10¹⁸) is inside the window, which the first id asked about
     * fixes; nothing is recorded.
     */
    boolean covers(long id) {
        if (base < 0) {
            place(id);
        }
        return Long.compareUnsigned(id - base, span) < 0;
    }

    private void place(long id) {
        base = Math.max(0, (id >>> PAGE_BITS) - pages.length / 2) << PAGE_BITS;
        String lo = Long.toString(base);
        String hi = Long.toString(base + span - 1);
        loDigits = lo.length();
        hiDigits = hi.length();
        if (loDigits == hiDigits && loDigits >= 8) {
            loPrefix = prefix(lo.getBytes(java.nio.charset.StandardCharsets.US_ASCII), 0);
            hiPrefix = prefix(hi.getBytes(java.nio.charset.StandardCharsets.US_ASCII), 0);
        }
    }

    private static long prefix(byte[] b, int from) {
        long p = 0;
        for (int k = 0; k < 8; k++) {
            p = p << 8 | (b[from + k] & 0xFF);
        }
        return p;
    }

    /**
     * Whether the numeric id written {@code b[from, to)} (digits, no leading zero) is certainly
     * outside the window, from its digits alone: it has fewer or more digits than any id in the
     * window, or the same number and its first 8 digits are below the smallest id's or above the
     * largest id's. {@code false} means "maybe inside": {@link #covers} decides. Before the first
     * id placed the window, always {@code false}.
     */
    boolean excludes(byte[] b, int from, int to) {
        if (base < 0) {
            return false;
        }
        int len = to - from;
        if (len < loDigits || len > hiDigits) {
            return true;
        }
        if (len >= 8 && loPrefix != Long.MIN_VALUE) {
            long p = (long) BIG_ENDIAN.get(b, from);
            return p < loPrefix || p > hiPrefix;
        }
        return false;
    }


    /**
     * Records the numeric id {@code id} (0 ≤ id < 10¹⁸): {@link #NEW}, {@link #SEEN} or
     * {@link #OUTSIDE}.
     */
    int add(long id) {
        if (base < 0) {
            place(id);
        }
        long rel = id - base;
        if (Long.compareUnsigned(rel, span) >= 0) {
            return OUTSIDE;
        }
        int p = (int) (rel >>> PAGE_BITS);
        long[] page = pages[p];
        if (page == null) {
            page = pages[p] = new long[1 << (PAGE_BITS - 6)];
            meter.reserve(PAGE_BYTES);
        }
        int bit = (int) rel & ((1 << PAGE_BITS) - 1);
        long mask = 1L << bit;
        long word = page[bit >>> 6];
        if ((word & mask) != 0) {
            return SEEN;
        }
        page[bit >>> 6] = word | mask;
        exactIds++;
        return NEW;
    }
}
