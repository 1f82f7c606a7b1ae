package io.wcsettle.core.clearing;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The input bytes again, by absolute offset, for re-reading the rows whose ids must be compared
 * exactly: the file itself when the reader was given a path, otherwise a {@link Spool} of the
 * stream kept while it was read.
 */
interface RowSource extends AutoCloseable {

    /** Reads up to {@code len} bytes at input offset {@code position}; fewer only at the end. */
    int read(long position, byte[] dst, int off, int len);

    /** The first offset that can be read. */
    long start();

    /** The line number starting at {@link #start()}. */
    long startLine();

    @Override
    void close();

    /** A file, reopened for the re-reads. */
    final class FileSource implements RowSource {
        private final Path path;
        private final String name;
        private FileChannel channel;

        FileSource(Path path, String name) {
            this.path = path;
            this.name = name;
        }

        @Override
        public int read(long position, byte[] dst, int off, int len) {
            ByteBuffer b = ByteBuffer.wrap(dst, off, len);
            try {
                if (channel == null) {
                    channel = FileChannel.open(path, StandardOpenOption.READ);
                }
                while (b.hasRemaining()) {
                    if (channel.read(b, position + b.position() - off) < 0) {
                        break;
                    }
                }
            } catch (IOException e) {
                throw ClearingCsvReader.ioFailure(name, "cannot be read again", e);
            }
            return b.position() - off;
        }

        @Override
        public long start() {
            return 0;
        }

        @Override
        public long startLine() {
            return 1;
        }

        @Override
        public void close() {
            if (channel != null) {
                try {
                    channel.close();
                } catch (IOException ignored) {
                    // read-only
                }
                channel = null;
            }
        }
    }

    /**
     * A copy of a stream from some row on (the first row whose id needs a fingerprint: earlier
     * rows are never re-read), in memory up to a budget and in a temporary file beyond.
     */
    final class Spool implements RowSource {
        private static final int CHUNK = 1 << 16;

        private final long start;
        private final long startLine;
        private final long maxInMemory;
        private final TempStorage temp;
        private final MemoryMeter meter;
        private final List<byte[]> chunks = new ArrayList<>();
        private int lastFill = CHUNK;
        private TempStorage.TempFile file;
        private long size;

        Spool(long start, long startLine, long memoryBytes, TempStorage temp, MemoryMeter meter) {
            this.start = start;
            this.startLine = startLine;
            this.maxInMemory = memoryBytes;
            this.temp = temp;
            this.meter = meter;
        }

        /** Appends the next bytes of the stream. */
        void write(byte[] b, int off, int len) {
            if (file == null && size + len > maxInMemory) {
                file = temp.create();
                for (int k = 0; k < chunks.size(); k++) {
                    file.write(chunks.get(k), 0, k == chunks.size() - 1 ? lastFill : CHUNK);
                }
                meter.release(chunks.size() * (CHUNK + 16L));
                chunks.clear();
            }
            size += len;
            if (file != null) {
                file.write(b, off, len);
                return;
            }
            while (len > 0) {
                if (lastFill == CHUNK) {
                    chunks.add(new byte[CHUNK]);
                    meter.reserve(CHUNK + 16L);
                    lastFill = 0;
                }
                int n = Math.min(len, CHUNK - lastFill);
                System.arraycopy(b, off, chunks.get(chunks.size() - 1), lastFill, n);
                lastFill += n;
                off += n;
                len -= n;
            }
        }

        @Override
        public int read(long position, byte[] dst, int off, int len) {
            long rel = position - start;
            if (rel < 0) {
                throw new IllegalStateException("re-read before the spool start");
            }
            len = (int) Math.max(0, Math.min(len, size - rel));
            if (file != null) {
                return file.read(rel, dst, off, len);
            }
            int done = 0;
            while (done < len) {
                byte[] c = chunks.get((int) ((rel + done) / CHUNK));
                int at = (int) ((rel + done) % CHUNK);
                int n = Math.min(len - done, CHUNK - at);
                System.arraycopy(c, at, dst, off + done, n);
                done += n;
            }
            return len;
        }

        @Override
        public long start() {
            return start;
        }

        @Override
        public long startLine() {
            return startLine;
        }

        @Override
        public void close() {
            meter.release(chunks.size() * (CHUNK + 16L));
            chunks.clear();
            if (file != null) {
                file.delete();
                file = null;
            }
        }
    }
}
