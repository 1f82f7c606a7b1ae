package io.wcsettle.examples.cli;

import java.io.PrintStream;
import java.util.function.LongConsumer;

/** A one-line progress bar on a terminal, redrawn at most every 200 ms from a count of bytes read. */
final class ProgressBar implements LongConsumer {

    private static final int WIDTH = 40;

    private final long size;
    private final PrintStream err;
    private long lastDraw;
    private boolean drawn;

    ProgressBar(long size, PrintStream err) {
        this.size = Math.max(size, 1);
        this.err = err;
    }

    @Override
    public void accept(long read) {
        long now = System.nanoTime();
        if (now - lastDraw > 200_000_000L || read >= size) {
            lastDraw = now;
            drawn = true;
            int filled = (int) (WIDTH * Math.min(read, size) / size);
            err.print("\r[" + "#".repeat(filled) + " ".repeat(WIDTH - filled) + "] "
                    + (100 * Math.min(read, size) / size) + "% " + (read >> 20) + " MiB");
            err.flush();
        }
    }

    /** Ends the progress line. */
    void finish() {
        if (drawn) {
            err.println();
        }
    }
}
