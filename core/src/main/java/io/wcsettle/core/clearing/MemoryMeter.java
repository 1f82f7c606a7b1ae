package io.wcsettle.core.clearing;

/**
 * Counts the heap bytes that duplicate detection holds, for the statistics of a read (peak and
 * current). It enforces nothing: every structure keeps to its own share of the budget and spills
 * beyond it; this only makes the figures observable.
 */
final class MemoryMeter {

    private long current;
    private long peak;

    void reserve(long bytes) {
        current += bytes;
        if (current > peak) {
            peak = current;
        }
    }

    void release(long bytes) {
        current -= bytes;
    }

    long peak() {
        return peak;
    }

    /** Bytes held now. */
    long current() {
        return current;
    }

    /** A part of this meter that one structure reserves into and gives back whole when it closes. */
    Account account() {
        return new Account();
    }

    /** See {@link #account()}. */
    final class Account {
        private long held;

        void reserve(long bytes) {
            held += bytes;
            MemoryMeter.this.reserve(bytes);
        }

        void release(long bytes) {
            held -= bytes;
            MemoryMeter.this.release(bytes);
        }

        /** Gives back everything still held. */
        void close() {
            MemoryMeter.this.release(held);
            held = 0;
        }
    }
}
