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

    private final long[][] pages;
    private final long span;
    private final MemoryMeter meter;
    private long base = -1;
    private long exactIds;

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
            base = Math.max(0, (id >>> PAGE_BITS) - pages.length / 2) << PAGE_BITS;
        }
        return Long.compareUnsigned(id - base, span) < 0;
    }

    /**
     * Records the numeric id {@code id} (0 ≤ id < 10¹⁸): {@link #NEW}, {@link #SEEN} or
     * {@link #OUTSIDE}.
     */
    int add(long id) {
        if (base < 0) {
            base = Math.max(0, (id >>> PAGE_BITS) - pages.length / 2) << PAGE_BITS;
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
