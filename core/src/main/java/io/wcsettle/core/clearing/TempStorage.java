package io.wcsettle.core.clearing;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

import io.wcsettle.core.error.CoreErrorCode;
import io.wcsettle.core.error.WcsettleException;

/**
 * Temporary files one clearing read spills to, all in one directory and all deleted when the read
 * ends ({@link #close()}), normally or not. Every I/O failure (directory missing or unwritable,
 * disk full, read-back error) becomes a {@link WcsettleException} with code
 * {@code TEMP_STORAGE_FAILURE} naming the directory; nothing here throws a checked exception.
 *
 * <p>Files are only created when a computation first spills: a read that fits its memory budget
 * never touches the disk.
 */
final class TempStorage implements AutoCloseable {

    /** Opens a file for writing and reading back; a seam for tests that simulate a full disk. */
    @FunctionalInterface
    interface Opener {
        FileChannel open(Path file) throws IOException;
    }

    /**
     * The file is new and empty ({@link Files#createTempFile}), so it is opened without
     * {@code TRUNCATE_EXISTING}: on ext4 (default {@code auto_da_alloc}) a file opened with
     * {@code O_TRUNC} is written back to the disk when it is closed, and deleting a 30 MB spill
     * then took 15 to 20 ms of the read instead of 1 ms, besides writing it to the disk for nothing.
     */
    static final Opener REAL = file -> FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);

    private final Path directory;
    private final Opener opener;
    private final int bufferBytes;
    private final MemoryMeter meter;
    private final List<TempFile> open = new ArrayList<>();
    private long bytesWritten;

    /**
     * @param bufferBytes write buffer of each file (4 KiB to 64 KiB)
     * @param meter       counts the buffers
     */
    TempStorage(Path directory, Opener opener, int bufferBytes, MemoryMeter meter) {
        this.directory = directory;
        this.opener = opener;
        this.bufferBytes = Math.max(1 << 12, Math.min(1 << 16, bufferBytes));
        this.meter = meter;
    }

    /** Bytes written to temporary files so far. */
    long bytesWritten() {
        return bytesWritten;
    }

    /** A new empty temporary file. */
    TempFile create() {
        Path file = null;
        try {
            file = Files.createTempFile(directory, "wcsettle-clearing-", ".tmp");
            TempFile t = new TempFile(file, opener.open(file));
            open.add(t);
            return t;
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException ignored) {
                    // the original failure is what matters
                }
            }
            throw failure("cannot create a temporary file", e);
        }
    }

    WcsettleException failure(String what, Exception e) {
        return failureIn(directory, what, e);
    }

    static WcsettleException failureIn(Path directory, String what, Exception e) {
        String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return new WcsettleException(CoreErrorCode.TEMP_STORAGE_FAILURE, null,
                what + " in " + directory.toAbsolutePath() + " (" + reason + ")", e);
    }

    /** Deletes every file still open. */
    @Override
    public void close() {
        for (TempFile t : List.copyOf(open)) {
            t.delete();
        }
    }

    /** One temporary file: appended to through a buffer, read back at any position. */
    final class TempFile {
        private final Path path;
        private final FileChannel channel;
        private final ByteBuffer out;
        /** {@link #out} as native-order longs, for {@link #writeLongs}. */
        private java.nio.LongBuffer longs;
        private long size;
        private long flushed;
        private boolean deleted;

        private TempFile(Path path, FileChannel channel) {
            this.path = path;
            this.channel = channel;
            this.out = ByteBuffer.allocateDirect(bufferBytes); // no copy through a temporary direct buffer
            meter.reserve(bufferBytes + 64L);
        }

        WcsettleException failure(String what, Exception e) {
            return TempStorage.this.failure(what, e);
        }

        /** Bytes appended so far (buffered ones included). */
        long size() {
            return size;
        }

        void writeLong(long v) {
            if (out.remaining() < 8) {
                flush();
            }
            out.putLong(v);
            size += 8;
        }

        void writeInt(int v) {
            if (out.remaining() < 4) {
                flush();
            }
            out.putInt(v);
            size += 4;
        }

        void write(byte[] b, int off, int len) {
            while (len > 0) {
                if (!out.hasRemaining()) {
                    flush();
                }
                int n = Math.min(len, out.remaining());
                out.put(b, off, n);
                off += n;
                len -= n;
                size += n;
            }
        }

        /**
         * Appends {@code v[from, to)} in native byte order, with bulk copies; only for data read
         * back as native-order longs (see {@link LongPartitions}).
         */
        void writeLongs(long[] v, int from, int to) {
            int k = from;
            while (k < to) {
                if (out.remaining() < 8) {
                    flush();
                }
                int n = Math.min(to - k, out.remaining() / 8);
                int at = out.position();
                if ((at & 7) == 0) {
                    // one long view of the whole buffer, made once: no view object per call
                    if (longs == null) {
                        longs = out.duplicate().clear().order(ByteOrder.nativeOrder()).asLongBuffer();
                    }
                    longs.put(at >>> 3, v, k, n);
                } else {
                    out.order(ByteOrder.nativeOrder()).asLongBuffer().put(v, k, n);
                    out.order(ByteOrder.BIG_ENDIAN);
                }
                out.position(at + n * 8);
                k += n;
                size += n * 8L;
            }
        }

        /** Writes the buffered bytes to the file. */
        void flush() {
            out.flip();
            try {
                while (out.hasRemaining()) {
                    int n = channel.write(out, flushed);
                    flushed += n;
                    bytesWritten += n;
                }
            } catch (IOException e) {
                throw failure("cannot write a temporary file", e);
            } finally {
                out.clear();
            }
        }

        /**
         * Reads up to {@code len} bytes at {@code position} into {@code dst}; returns how many
         * (fewer only at the end of the file).
         */
        int read(long position, byte[] dst, int off, int len) {
            if (out.position() > 0) {
                flush();
            }
            ByteBuffer b = ByteBuffer.wrap(dst, off, len);
            try {
                while (b.hasRemaining()) {
                    int n = channel.read(b, position + b.position() - off);
                    if (n < 0) {
                        break;
                    }
                }
            } catch (IOException e) {
                throw failure("cannot read back a temporary file", e);
            }
            return b.position() - off;
        }

        /** Reads {@code dst.remaining()} bytes at {@code position} into {@code dst} (fewer only at the end). */
        void read(long position, ByteBuffer dst) {
            if (out.position() > 0) {
                flush();
            }
            try {
                long at = position;
                while (dst.hasRemaining()) {
                    int n = channel.read(dst, at);
                    if (n < 0) {
                        break;
                    }
                    at += n;
                }
            } catch (IOException e) {
                throw failure("cannot read back a temporary file", e);
            }
        }

        /** A buffered sequential reader of the bytes in {@code [from, to)}. */
        Reader reader(long from, long to, int bufferBytes) {
            return new Reader(this, from, to, bufferBytes);
        }

        /** Closes and deletes the file now (also done by {@link TempStorage#close()}). */
        void delete() {
            if (deleted) {
                return;
            }
            deleted = true;
            meter.release(bufferBytes + 64L);
            try {
                channel.close();
            } catch (IOException ignored) {
                // deleting is what matters
            }
            try {
                Files.deleteIfExists(path);
            } catch (IOException ignored) {
                // best effort: the file is in the temporary directory
            }
            open.remove(this);
        }
    }

    /** Reads a region of a temporary file sequentially through a small buffer. */
    static final class Reader {
        private final TempFile file;
        private final ByteBuffer buf;
        private long next;
        private long end;

        private Reader(TempFile file, long from, long to, int bufferBytes) {
            this.file = file;
            this.buf = ByteBuffer.allocateDirect(bufferBytes);
            reset(from, to);
        }

        /** Reads {@code [from, to)} next, reusing the buffer. */
        Reader reset(long from, long to) {
            buf.clear().limit(0);
            next = from;
            end = to;
            return this;
        }

        /** Bytes left in the region. */
        long remaining() {
            return end - next + buf.remaining();
        }

        private void ensure(int n) {
            if (buf.remaining() >= n) {
                return;
            }
            buf.compact();
            int want = (int) Math.min(buf.remaining(), end - next);
            int at = buf.position();
            buf.limit(at + want);
            file.read(next, buf);
            int got = buf.position() - at;
            if (got < want) {
                throw file.failure("temporary file shorter than written", new java.io.EOFException());
            }
            next += got;
            buf.flip();
            if (buf.remaining() < n) {
                throw file.failure("temporary file shorter than written", new java.io.EOFException());
            }
        }

        long readLong() {
            ensure(8);
            return buf.getLong();
        }

        int readInt() {
            ensure(4);
            return buf.getInt();
        }

        /** Reads exactly {@code len} bytes. */
        void read(byte[] dst, int off, int len) {
            while (len > 0) {
                if (!buf.hasRemaining()) {
                    ensure(1);
                }
                int n = Math.min(len, buf.remaining());
                buf.get(dst, off, n);
                off += n;
                len -= n;
            }
        }
    }
}
