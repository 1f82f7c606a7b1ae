package io.wcsettle.core.clearing;

/**
 * Rows whose numeric ids the {@link DenseIdWindow} covers, held back and checked against its
 * bitmap {@value #SIZE} at a time. In shuffled order every check is a cache miss (5 million ids
 * are 610 KiB of bitmap, far more than the L1 cache); one row at a time, each miss stalls the parse
 * of the next row. Loading the batch's bitmap words first, in a loop of independent loads, lets
 * the processor fetch them all at once, so the batch waits for memory about once instead of once
 * per row.
 *
 * <p>The reader counts a row in its totals when it is parsed and takes it out again if the
 * bitmap says its id was seen before; a batch therefore keeps what taking out needs. The rows
 * are checked in line order, so the first row with an id is still the one cleared. Not
 * thread-safe.
 */
final class WindowBatch {

    /**
     * Rows per batch: enough misses in flight for the memory system, few enough to stay in L1
     * (measured: 32 and 128 are slower on shuffled ids).
     */
    static final int SIZE = 64;

    /** Receives a row of the batch whose id was seen before. */
    interface Seen {
        void seen(WindowBatch batch, int k);
    }

    final long[] id = new long[SIZE];
    final long[] line = new long[SIZE];
    final int[] date = new int[SIZE];
    final int[] pair = new int[SIZE];
    final long[] fund = new long[SIZE];
    final long[] deduction = new long[SIZE];
    /** The institution code of each row, only when institution details are collected. */
    final String[] institution;
    private int size;
    /** Keeps the prefetching loads alive (their values are not needed). */
    private long touched;

    WindowBatch(boolean withInstitutions) {
        this.institution = withInstitutions ? new String[SIZE] : null;
    }

    /** Adds a row; {@code true} when the batch is full and must be {@link #check checked}. */
    boolean add(long rowId, long rowLine, int rowDate, int rowPair, long rowFund, long rowDeduction, String inst) {
        int k = size++;
        id[k] = rowId;
        line[k] = rowLine;
        date[k] = rowDate;
        pair[k] = rowPair;
        fund[k] = rowFund;
        deduction[k] = rowDeduction;
        if (institution != null) {
            institution[k] = inst;
        }
        return size == SIZE;
    }

    /**
     * Records the batch's ids in {@code window}, in line order, and hands every row whose id was
     * seen before to {@code seen}; the batch is empty afterwards (also when {@code seen} throws).
     */
    void check(DenseIdWindow window, Seen seen) {
        int n = size;
        size = 0;
        long t = touched;
        for (int k = 0; k < n; k++) {
            t ^= window.touch(id[k]);
        }
        touched = t;
        for (int k = 0; k < n; k++) {
            if (window.add(id[k]) == DenseIdWindow.SEEN) {
                seen.seen(this, k);
            }
        }
    }
}
