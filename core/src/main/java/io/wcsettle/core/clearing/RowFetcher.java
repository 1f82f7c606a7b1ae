package io.wcsettle.core.clearing;

/**
 * Re-reads rows by line number, in ascending order, from a {@link RowSource}: it jumps to the
 * nearest line recorded in the {@link LineIndex} and scans forward at most 15 lines, or just
 * scans on when the next wanted line is near, or starts from that line in what it has already read.
 * Many wanted rows thus cost one sequential read; few cost a few kilobytes each.
 */
final class RowFetcher {

    private static final java.lang.invoke.VarHandle LONGS = java.lang.invoke.MethodHandles
            .byteArrayViewVarHandle(long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);

    /** The longest line (64 KiB, the reader's limit) and one read step more. */
    static final int BUFFER = (1 << 16) + (1 << 13);
    /** Bytes read at a time: 25 lines of a typical file, so that a jump reads little. */
    private static final int STEP = 1 << 11;

    private final RowSource source;
    private final LineIndex index;
    /** Holds the current line from {@link #pos}; valid bytes up to {@link #lim}. */
    final byte[] buf = new byte[BUFFER];
    int pos;
    int lim;
    /** The source ends at {@link #lim}. */
    boolean eof;
    private long bufStart;
    private long line;

    RowFetcher(RowSource source, LineIndex index) {
        this.source = source;
        this.index = index;
    }

    /**
     * Moves to the start of line {@code target} (not before the line of the previous call) and
     * makes sure the whole line is in {@link #buf}; {@code false} if the source ends first.
     */
    boolean seek(long target) {
        if (target < line) {
            throw new IllegalStateException("lines must be re-read in ascending order");
        }
        long k = target >>> LineIndex.SHIFT;
        long cpLine = k == 0 ? 1 : k << LineIndex.SHIFT;
        long cpOffset;
        if (cpLine < source.startLine()) {
            cpLine = source.startLine();
            cpOffset = source.start();
        } else {
            cpOffset = k == 0 ? 0 : index.get(k);
        }
        if (line == 0 || cpLine > line) {
            long rel = cpOffset - bufStart;
            if (line != 0 && rel > pos && rel < lim) {
                pos = (int) rel; // the checkpoint was read with the previous row: no new read
            } else {
                load(cpOffset);
            }
            line = cpLine;
        }
        while (line < target) {
            int nl = newline(pos);
            if (nl < 0) {
                return false;
            }
            pos = nl + 1;
            line++;
        }
        return newline(pos) >= 0 || (eof && pos < lim);
    }

    /** Index of the next '\n' from {@code i}, refilling (which may move {@link #pos}); -1 at the end. */
    private int newline(int i) {
        int rel = i - pos;
        while (true) {
            int k = pos + rel;
            for (; k + 8 <= lim; k += 8) {
                long w = (long) LONGS.get(buf, k) ^ 0x0A0A0A0A0A0A0A0AL;
                long hit = (w - 0x0101010101010101L) & ~w & 0x8080808080808080L;
                if (hit != 0) {
                    return k + (Long.numberOfTrailingZeros(hit) >>> 3);
                }
            }
            for (; k < lim; k++) {
                if (buf[k] == '\n') {
                    return k;
                }
            }
            rel = lim - pos;
            if (eof) {
                return -1;
            }
            refill();
            if (lim - pos == rel && eof) {
                return -1;
            }
        }
    }

    private void load(long offset) {
        bufStart = offset;
        pos = 0;
        lim = source.read(offset, buf, 0, STEP);
        eof = lim < STEP;
    }

    private void refill() {
        if (pos > 0) {
            System.arraycopy(buf, pos, buf, 0, lim - pos);
            bufStart += pos;
            lim -= pos;
            pos = 0;
        }
        if (lim == BUFFER) {
            throw new IllegalStateException("line longer than the re-read buffer");
        }
        int want = Math.min(STEP, BUFFER - lim);
        int n = source.read(bufStart + lim, buf, lim, want);
        lim += n;
        eof = n < want;
    }
}
