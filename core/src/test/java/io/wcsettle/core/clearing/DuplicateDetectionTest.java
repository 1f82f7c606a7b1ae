package io.wcsettle.core.clearing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import io.wcsettle.core.clearing.CsvModel.Expected;
import io.wcsettle.core.clearing.CsvModel.Row;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeProperty;

/**
 * R-CLR-5: duplicate record ids are found exactly (the first row with an id is cleared, later
 * ones are not) whatever the ids look like, whatever the memory budget, and whatever the
 * fingerprint function does: fingerprints only propose candidates, ids are compared byte by byte.
 */
class DuplicateDetectionTest {

    private static final long TINY = 16 << 10;
    /** What a read holds whatever its budget: the date counters' year table, the re-read buffer, small arrays. */
    private static final long FIXED = 320 << 10;

    /** Fingerprints that collide on purpose (test doubles for {@link IdFingerprint}). */
    private static final IdFingerprint ALL_COLLIDE = (b, from, to) -> 42L;
    private static final IdFingerprint BY_LENGTH = (b, from, to) -> (to - from) * 0x9E3779B97F4A7C15L;
    private static final IdFingerprint FOUR_VALUES = (b, from, to) ->
            (IdFingerprint.DEFAULT.of(b, from, to) & 3) * 0x9E3779B97F4A7C15L;
    /**
     * Distinct fingerprints that all agree on the bits the candidate search's bitmaps look at
     * (bits 27 to 44, the low bits of the stored 28), so every entry passes that filter and only
     * the table on the other bits tells them apart.
     */
    private static final IdFingerprint SAME_FILTER_BITS = (b, from, to) ->
            IdFingerprint.DEFAULT.of(b, from, to) | (0x3FFFFL << 27);

    private Path dir;

    @BeforeProperty
    @BeforeEach
    void tempDir() throws IOException {
        dir = Files.createTempDirectory("wcsettle-dup-test");
    }

    @AfterProperty
    @AfterEach
    void removeTempDir() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> left = files.toList();
            for (Path p : left) {
                Files.delete(p);
            }
            Files.delete(dir);
            assertTrue(left.stream().noneMatch(p -> p.getFileName().toString().startsWith("wcsettle-clearing-")),
                    "temporary files left behind: " + left);
        }
    }

    @Provide
    Arbitrary<List<Row>> rows() {
        return CsvModel.rows(1500);
    }

    private static void assertMatches(Expected want, CsvClearingResult got) {
        assertEquals(want.totals().pairs(), got.totals().pairs(), "pair totals");
        assertEquals(want.totals().institutionDetails(), got.totals().institutionDetails(), "institution details");
        assertEquals(want.accepted(), got.acceptedRows(), "cleared rows");
        assertEquals(want.skipped(), got.skippedRows(), "skipped rows");
        assertEquals(want.duplicates(), got.duplicateRows(), "duplicate rows");
        assertEquals(want.problems(), CsvModel.problems(got), "problems in file order");
        assertEquals(want.first(), got.firstConfirmed());
        assertEquals(want.last(), got.lastConfirmed());
    }

    private ClearingCsvReader.Builder skipping() {
        return ClearingCsvReader.builder().onMalformed(OnMalformed.SKIP_AND_REPORT).institutionDetails(true)
                .problemListLimit(100_000).tempDirectory(dir);
    }

    @Property(tries = 60)
    @Label("R-CLR-5: streaming a stream equals the exact in-memory computation, duplicates included")
    void streamEqualsModel(@ForAll("rows") List<Row> rows) {
        CsvClearingResult got = skipping().build().read("q.csv", new ByteArrayInputStream(CsvModel.bytes(rows, false)));
        assertMatches(CsvModel.expect(rows), got);
    }

    @Property(tries = 60)
    @Label("R-CLR-5: with a 16 KiB budget everything spills to temporary files and the result is the same")
    void tinyBudgetSpillsAndEqualsModel(@ForAll("rows") List<Row> rows) throws IOException {
        Path file = Files.write(dir.resolve("q.csv"), CsvModel.bytes(rows, true));
        CsvClearingResult got = skipping().idMemory(TINY).build().read(file);
        Files.delete(file);
        assertMatches(CsvModel.expect(rows), got);
        if (got.duplicateCheck().fingerprintedIds() > 2_000) {
            assertTrue(got.duplicateCheck().spilledBytes() > 0, "spilled: " + got.duplicateCheck());
        }
    }

    @Property(tries = 40)
    @Label("R-CLR-5: fingerprints that always collide never make a duplicate (tiny budget, stream spooled)")
    void collidingFingerprintsStayExact(@ForAll("rows") List<Row> rows) {
        ClearingCsvReader reader = skipping().idMemory(TINY).fingerprint(ALL_COLLIDE).build();
        assertMatches(CsvModel.expect(rows), reader.read("q.csv", new ByteArrayInputStream(CsvModel.bytes(rows, false))));
    }

    @Property(tries = 40)
    @Label("R-CLR-5: fingerprints with few values (many coincidences), or alike in the filter's bits, never make a"
            + " duplicate nor hide one")
    void fewFingerprintValuesStayExact(@ForAll("rows") List<Row> rows) throws IOException {
        Path file = Files.write(dir.resolve("q.csv"), CsvModel.bytes(rows, false));
        for (IdFingerprint f : List.of(BY_LENGTH, FOUR_VALUES, SAME_FILTER_BITS)) {
            assertMatches(CsvModel.expect(rows), skipping().fingerprint(f).build().read(file));
            assertMatches(CsvModel.expect(rows), skipping().idMemory(TINY).fingerprint(f).build().read(file));
        }
        Files.delete(file);
    }

    @Property(tries = 60)
    @Label("R-CLR-5: in STOP mode the first bad row in file order is refused, a duplicate or a malformed row")
    void stopRefusesTheFirstBadRow(@ForAll("rows") List<Row> rows) {
        Expected want = CsvModel.expect(rows);
        for (IdFingerprint f : List.of(IdFingerprint.DEFAULT, ALL_COLLIDE)) {
            ClearingCsvReader reader = ClearingCsvReader.builder().idMemory(TINY).fingerprint(f).tempDirectory(dir)
                    .build();
            byte[] csv = CsvModel.bytes(rows, false);
            if (want.problems().isEmpty()) {
                assertEquals(want.accepted(), reader.read("q.csv", new ByteArrayInputStream(csv)).acceptedRows());
            } else {
                CsvRowException e = assertThrows(CsvRowException.class,
                        () -> reader.read("q.csv", new ByteArrayInputStream(csv)));
                CsvRowProblem p = e.problem();
                assertEquals(want.problems().get(0), p.line() + ":" + p.field() + ":" + p.code());
            }
        }
    }

    /** Rows with 30-character ids, one in 200 repeating an earlier id; built quickly. */
    private static List<Row> setlIdRows(int n, long seed) {
        List<Row> rows = new ArrayList<>(n);
        java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
        StringBuilder id = new StringBuilder(30);
        for (int k = 0; k < n; k++) {
            String s;
            if (k > 0 && k % 200 == 0) {
                s = rows.get(random.nextInt(k)).id();
            } else {
                id.setLength(0);
                id.append("H11010500123").append(20251001080000L + random.nextInt(1_000_000)).append(1000 + k % 9000);
                s = id.toString();
            }
            rows.add(new Row(s, "150102", "110105", "H1101", java.time.LocalDate.of(2025, 10, 1 + k % 30),
                    random.nextLong(1, 10_000_000), 0, CsvModel.Defect.NONE));
        }
        return rows;
    }

    @Test
    @DisplayName("R-CLR-5: with a 64 KiB budget the memory held does not grow with the file (50,000 vs 200,000 rows); exact")
    void memoryDoesNotGrowWithTheFile() throws IOException {
        long[] peak = new long[2];
        int[] sizes = {50_000, 200_000};
        for (int k = 0; k < 2; k++) {
            List<Row> rows = setlIdRows(sizes[k], 5);
            Path file = Files.write(dir.resolve("big.csv"), CsvModel.bytes(rows, false));
            CsvClearingResult got = skipping().institutionDetails(false).idMemory(64 << 10).build().read(file);
            Files.delete(file);
            Expected want = CsvModel.expect(rows);
            assertEquals(want.totals().pairs(), got.totals().pairs());
            assertEquals(want.duplicates(), got.duplicateRows());
            assertEquals(want.problems(), CsvModel.problems(got));
            assertTrue(want.duplicates() >= sizes[k] / 200 - 1, "duplicates " + want.duplicates());
            DuplicateCheckStats s = got.duplicateCheck();
            assertEquals(sizes[k], s.fingerprintedIds());
            assertTrue(s.spilledBytes() >= sizes[k] * 8L, "every fingerprint entry went through the spill: " + s);
            peak[k] = s.peakMemoryBytes();
        }
        System.out.println("memoryDoesNotGrowWithTheFile: peak " + peak[0] + " then " + peak[1] + " bytes");
        assertTrue(peak[1] <= peak[0] + (16 << 10), "peak " + peak[0] + " then " + peak[1] + " bytes");
        assertTrue(peak[1] <= (64 << 10) + FIXED, "peak " + peak[1] + " bytes for a 64 KiB budget");
    }

    @Test
    @DisplayName("R-CLR-5: dense numeric ids are checked exactly by the bitmap, shuffled or not, without fingerprints")
    void denseIdsUseTheBitmap() {
        StringBuilder sb = new StringBuilder(ClearingCsvReader.HEADER).append('\n');
        java.util.List<Integer> ids = new ArrayList<>();
        for (int k = 1; k <= 50_000; k++) {
            ids.add(k);
        }
        java.util.Collections.shuffle(ids, new java.util.Random(3));
        for (int k = 0; k < 500; k++) {
            ids.add(ids.get(k * 7));
        }
        for (int id : ids) {
            sb.append(id).append(",150102,110105,H1,2025-10-01,1.00,0\n");
        }
        CsvClearingResult r = skipping().build().read("d.csv",
                new ByteArrayInputStream(sb.toString().getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
        assertEquals(50_000, r.acceptedRows());
        assertEquals(500, r.duplicateRows());
        assertEquals(0, r.duplicateCheck().fingerprintedIds());
        assertEquals(50_000, r.duplicateCheck().exactIds());
    }

    @Test
    @DisplayName("An unwritable temporary directory is TEMP_STORAGE_FAILURE when a read must spill, and nothing is left")
    void tempDirectoryMissing() {
        StringBuilder sb = new StringBuilder(ClearingCsvReader.HEADER).append('\n');
        for (int k = 0; k < 20_000; k++) {
            sb.append("R").append(100000 + k).append(",150102,110105,H1,2025-10-01,1.00,0\n");
        }
        Path missing = dir.resolve("no-such-dir");
        ClearingCsvReader reader = ClearingCsvReader.builder().idMemory(TINY).tempDirectory(missing).build();
        io.wcsettle.core.error.WcsettleException e = assertThrows(io.wcsettle.core.error.WcsettleException.class,
                () -> reader.read("a.csv", new ByteArrayInputStream(sb.toString().getBytes())));
        assertEquals("TEMP_STORAGE_FAILURE", e.code());
        assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
    }

    @Test
    @DisplayName("A disk that fills up while spilling is TEMP_STORAGE_FAILURE; the temporary files are deleted")
    void diskFull() throws IOException {
        StringBuilder sb = new StringBuilder(ClearingCsvReader.HEADER).append('\n');
        for (int k = 0; k < 50_000; k++) {
            sb.append("R").append(100000 + k).append(",150102,110105,H1,2025-10-01,1.00,0\n");
        }
        // test double: a file system with room for 64 KiB of temporary files
        TempStorage.Opener smallDisk = file -> new FullDiskChannel(TempStorage.REAL.open(file), 64 << 10);
        ClearingCsvReader reader = ClearingCsvReader.builder().idMemory(TINY).tempDirectory(dir)
                .tempFileOpener(smallDisk).build();
        Path csv = Files.writeString(dir.resolve("a.csv"), sb);
        io.wcsettle.core.error.WcsettleException e = assertThrows(io.wcsettle.core.error.WcsettleException.class,
                () -> reader.read(csv));
        assertEquals("TEMP_STORAGE_FAILURE", e.code());
        assertTrue(e.getMessage().contains("No space left on device"), e.getMessage());
        Files.delete(csv);
        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(List.of(), left.toList());
        }
    }

    /** Test double: a channel that refuses writes beyond {@code room} bytes, as a full disk does. */
    private static final class FullDiskChannel extends java.nio.channels.FileChannel {
        private final java.nio.channels.FileChannel real;
        private final long room;

        FullDiskChannel(java.nio.channels.FileChannel real, long room) {
            this.real = real;
            this.room = room;
        }

        @Override
        public int write(java.nio.ByteBuffer src, long position) throws IOException {
            if (position + src.remaining() > room) {
                throw new IOException("No space left on device");
            }
            return real.write(src, position);
        }

        @Override
        public int read(java.nio.ByteBuffer dst, long position) throws IOException {
            return real.read(dst, position);
        }

        @Override
        public int read(java.nio.ByteBuffer dst) throws IOException {
            return real.read(dst);
        }

        @Override
        public long read(java.nio.ByteBuffer[] dsts, int offset, int length) throws IOException {
            return real.read(dsts, offset, length);
        }

        @Override
        public int write(java.nio.ByteBuffer src) throws IOException {
            return write(src, real.position());
        }

        @Override
        public long write(java.nio.ByteBuffer[] srcs, int offset, int length) {
            throw new UncheckedIOException(new IOException("not used"));
        }

        @Override
        public long position() throws IOException {
            return real.position();
        }

        @Override
        public java.nio.channels.FileChannel position(long newPosition) throws IOException {
            real.position(newPosition);
            return this;
        }

        @Override
        public long size() throws IOException {
            return real.size();
        }

        @Override
        public java.nio.channels.FileChannel truncate(long size) throws IOException {
            real.truncate(size);
            return this;
        }

        @Override
        public void force(boolean metaData) throws IOException {
            real.force(metaData);
        }

        @Override
        public long transferTo(long position, long count, java.nio.channels.WritableByteChannel target) {
            throw new UnsupportedOperationException();
        }

        @Override
        public long transferFrom(java.nio.channels.ReadableByteChannel src, long position, long count) {
            throw new UnsupportedOperationException();
        }

        @Override
        public java.nio.MappedByteBuffer map(MapMode mode, long position, long size) {
            throw new UnsupportedOperationException();
        }

        @Override
        public java.nio.channels.FileLock lock(long position, long size, boolean shared) {
            throw new UnsupportedOperationException();
        }

        @Override
        public java.nio.channels.FileLock tryLock(long position, long size, boolean shared) {
            throw new UnsupportedOperationException();
        }

        @Override
        protected void implCloseChannel() throws IOException {
            real.close();
        }
    }
}
