package io.wcsettle.examples.cli;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;

/** Counts bytes read and redraws a one-line progress bar on a terminal at most every 200 ms. */
final class ProgressInputStream extends FilterInputStream {

    private static final int WIDTH = 40;

    private final long size;
    private final PrintStream err;
    private long read;
    private long lastDraw;

    ProgressInputStream(InputStream in, long size, PrintStream err) {
        super(in);
        this.size = Math.max(size, 1);
        this.err = err;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            advance(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
        int n = super.read(buf, off, len);
        if (n > 0) {
            advance(n);
        }
        return n;
    }

    private void advance(int n) {
        read += n;
        long now = System.nanoTime();
        if (now - lastDraw > 200_000_000L || read >= size) {
            lastDraw = now;
            int filled = (int) (WIDTH * Math.min(read, size) / size);
            err.print("\r[" + "#".repeat(filled) + " ".repeat(WIDTH - filled) + "] "
                    + (100 * Math.min(read, size) / size) + "% " + (read >> 20) + " MiB");
            err.flush();
        }
    }

    /** Ends the progress line. */
    void finish() {
        err.println();
    }
}
