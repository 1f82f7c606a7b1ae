package io.wcsettle.core.clearing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.wcsettle.core.error.WcsettleException;
import io.wcsettle.core.money.Fen;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** The clearing CSV format: what is accepted, what is refused, and how I/O failures surface. */
class CsvFormatTest {

    private static final String H = ClearingCsvReader.HEADER;

    @TempDir
    Path dir;

    private static CsvClearingResult skip(byte[] csv) {
        return ClearingCsvReader.builder().onMalformed(OnMalformed.SKIP_AND_REPORT).institutionDetails(true).build()
                .read("f.csv", new ByteArrayInputStream(csv));
    }

    private static CsvClearingResult skip(String csv) {
        return skip(csv.getBytes(StandardCharsets.UTF_8));
    }

    // ---- refused bytes at every position and alignment

    /** A valid row, its text fields of the given lengths. */
    private static String row(String id, String inst) {
        return id + ",150102,110105," + inst + ",2025-10-01,12.34,0.50";
    }

    @Provide
    Arbitrary<String> textFields() {
        return Arbitraries.strings().withCharRange('A', 'Z').withCharRange('0', '9').ofMinLength(1).ofMaxLength(40);
    }

    @Provide
    Arbitrary<Byte> refused() {
        return Arbitraries.of((byte) '"', (byte) '\r', (byte) 0, (byte) 1, (byte) '\t', (byte) 0x1F, (byte) 0x7F,
                (byte) 0xFF, (byte) 0xC0, (byte) 0x80, (byte) 0xB5);
    }

    @Property(tries = 1500)
    @Label("A quote, a lone CR, a control character or a non-UTF-8 byte anywhere in a row refuses the row,"
            + " at every position and alignment, in the middle of the file or at its end")
    void refusedByteAnywhereRefusesTheRow(@ForAll("textFields") String id, @ForAll("textFields") String inst,
            @ForAll("refused") byte bad, @ForAll @IntRange(min = 0, max = 200) int position,
            @ForAll @IntRange(min = 0, max = 15) int padding, @ForAll boolean last, @ForAll boolean finalLineEnd) {
        String good = row(id, inst);
        int at = position % (good.length() + 1);
        if (bad == '\r' && at == good.length()) {
            at--; // CR before the line end would be a CRLF, which is allowed
        }
        // padding shifts the row against the 8-byte words the scanner reads
        String before = H + "\n" + row("P" + "0".repeat(padding), "H1") + "\n";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] g = good.getBytes(StandardCharsets.US_ASCII);
        out.writeBytes(before.getBytes(StandardCharsets.US_ASCII));
        out.write(g, 0, at);
        out.write(bad);
        out.write(g, at, g.length - at);
        if (!last || finalLineEnd) {
            out.write('\n');
        }
        if (!last) {
            out.writeBytes((row("Z9", "H2") + "\n").getBytes(StandardCharsets.US_ASCII));
        }
        CsvClearingResult r = skip(out.toByteArray());
        assertEquals(1, r.skippedRows(), "the row with the byte is refused");
        assertEquals(last ? 1 : 2, r.acceptedRows(), "the other rows are cleared");
        assertEquals(3, r.problems().get(0).line());
        int idEnd = id.length();
        int instStart = idEnd + 15;
        int instEnd = instStart + inst.length();
        if (at <= idEnd) {
            assertEquals("record_id", r.problems().get(0).field());
        } else if (at >= instStart && at <= instEnd) {
            assertEquals("institution_code", r.problems().get(0).field());
        }
    }

    @Property(tries = 200)
    @Label("A row longer than a buffer with a quote near the buffer edge is refused (the slow path at the edge)")
    void refusedByteAcrossBufferRefills(@ForAll @IntRange(min = 60_000, max = 66_000) int filler,
            @ForAll @IntRange(min = 0, max = 7) int alignment, @ForAll("refused") byte bad) {
        StringBuilder sb = new StringBuilder(H).append('\n');
        // filler rows of ~70 bytes up to the wanted offset, then a row with a 3,000-byte institution code
        int k = 0;
        while (sb.length() < filler) {
            sb.append(row("F" + k++, "H" + "1".repeat(alignment))).append('\n');
        }
        String inst = "H" + "7".repeat(3_000);
        byte[] head = sb.toString().getBytes(StandardCharsets.US_ASCII);
        byte[] longRow = row("LONG", inst).getBytes(StandardCharsets.US_ASCII);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(head);
        int at = 20 + (filler * 31 + alignment) % 2_900;
        out.write(longRow, 0, at);
        out.write(bad);
        out.write(longRow, at, longRow.length - at);
        out.write('\n');
        CsvClearingResult r = skip(out.toByteArray());
        assertEquals(1, r.skippedRows());
        assertEquals(k, r.acceptedRows());
        assertEquals("institution_code", r.problems().get(0).field());
    }

    @Property(tries = 300)
    @Label("The 8-byte scan flags exactly the first byte that ends or refuses a text field")
    void specialsFindTheFirstSpecialByte(@ForAll("words") byte[] w) {
        long word = ByteBuffer.wrap(w).order(java.nio.ByteOrder.LITTLE_ENDIAN).getLong();
        long hit = CsvRowParser.specials(word);
        int first = -1;
        for (int i = 0; i < 8; i++) {
            int c = w[i] & 0xFF;
            if (c == ',' || c == '"' || c < 0x20 || c >= 0x7F) {
                first = i;
                break;
            }
        }
        assertEquals(first, hit == 0 ? -1 : Long.numberOfTrailingZeros(hit) >>> 3);
    }

    @Provide
    Arbitrary<byte[]> words() {
        Arbitrary<Byte> interesting = Arbitraries.of((byte) ',', (byte) '"', (byte) 0x1F, (byte) 0x20, (byte) 0x21,
                (byte) 0x7E, (byte) 0x7F, (byte) 0x80, (byte) 0xFF, (byte) 0x00, (byte) 0x2B, (byte) 0x2D, (byte) 'A');
        Arbitrary<Byte> any = Arbitraries.bytes();
        Arbitrary<Byte> printable = Arbitraries.bytes().between((byte) 0x23, (byte) 0x7E).filter(b -> b != ',');
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(2, interesting), net.jqwik.api.Tuple.of(1, any),
                net.jqwik.api.Tuple.of(6, printable)).array(byte[].class).ofSize(8);
    }

    @Property(tries = 2000)
    @Label("UTF-8 in text fields is checked like Java's strict decoder (overlong forms, surrogates, > U+10FFFF refused)")
    void utf8AsTheStrictDecoder(@ForAll("utf8ish") byte[] b) {
        boolean valid;
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b));
            valid = true;
        } catch (CharacterCodingException e) {
            valid = false;
        }
        boolean ours = true;
        for (int i = 0; i < b.length; ) {
            if (b[i] >= 0) {
                i++;
                continue;
            }
            int n = CsvRowParser.utf8(b, i, b.length);
            if (n <= 0) {
                ours = false;
                break;
            }
            i += n;
        }
        assertEquals(valid, ours);
    }

    @Provide
    Arbitrary<byte[]> utf8ish() {
        Arbitrary<byte[]> chars = Arbitraries.strings().ofMaxLength(6).map(s -> s.getBytes(StandardCharsets.UTF_8));
        Arbitrary<byte[]> raw = Arbitraries.bytes().array(byte[].class).ofMaxSize(6);
        Arbitrary<byte[]> tricky = Arbitraries.of(new byte[] {(byte) 0xC0, (byte) 0x80}, new byte[] {(byte) 0xE0,
            (byte) 0x80, (byte) 0x80}, new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, new byte[] {(byte) 0xF4,
            (byte) 0x90, (byte) 0x80, (byte) 0x80}, new byte[] {(byte) 0xF0, (byte) 0x9F, (byte) 0x98, (byte) 0x80},
            new byte[] {(byte) 0xE4, (byte) 0xB8}, new byte[] {(byte) 0xD6, (byte) 0xD0});
        return Arbitraries.oneOf(chars, raw, tricky);
    }

    @Test
    @DisplayName("UTF-8 institution codes and ids are read; GBK bytes are refused with a message saying so")
    void encodings() {
        CsvClearingResult ok = skip(H + "\n" + row("记录1", "北京协和医院") + "\n");
        assertEquals(1, ok.acceptedRows());
        assertEquals("北京协和医院", ok.totals().institutionDetails().get(0).institutionCode());
        byte[] gbk = (H + "\n" + row("R1", "北京") + "\n").getBytes(java.nio.charset.Charset.forName("GBK"));
        CsvClearingResult bad = skip(gbk);
        assertEquals(1, bad.skippedRows());
        assertEquals("institution_code", bad.problems().get(0).field());
        assertTrue(bad.problems().get(0).message().contains("GBK"), bad.problems().get(0).message());
    }

    // ---- header, line ends, BOM

    @Test
    @DisplayName("A header-only file is accepted with or without a final line end, CRLF or LF, with a BOM or not")
    void headerOnly() {
        for (String csv : List.of(H, H + "\n", H + "\r\n", "\uFEFF" + H, "\uFEFF" + H + "\r\n", H + "\n\n")) {
            CsvClearingResult r = skip(csv);
            assertEquals(0, r.acceptedRows(), csv);
            assertEquals(0, r.skippedRows(), csv);
            assertNull(r.firstConfirmed());
        }
    }

    @Test
    @DisplayName("An empty file, a wrong header or a header with a missing column is refused as the header")
    void badHeaders() {
        for (String csv : List.of("", "\n", H.substring(0, H.length() - 1), H + ",extra\n", H.toUpperCase() + "\n",
                "\"record_id\"" + H.substring(9) + "\n")) {
            CsvRowException e = assertThrows(CsvRowException.class, () -> skip(csv));
            assertEquals("header", e.problem().field());
            assertEquals(1, e.problem().line());
        }
    }

    @Test
    @DisplayName("CRLF and LF rows mix, the last row may lack its line end, blank lines are skipped")
    void lineEnds() {
        CsvClearingResult r = skip(H + "\r\n" + row("1", "H") + "\r\n\r\n" + row("2", "H") + "\n\n" + row("3", "H"));
        assertEquals(3, r.acceptedRows());
        assertEquals(0, r.skippedRows());
    }

    // ---- I/O failures

    @Test
    @DisplayName("read(Path) of a missing file or a directory is IO_FAILURE naming the path")
    void missingFileAndDirectory() {
        ClearingCsvReader reader = new ClearingCsvReader(OnMalformed.STOP);
        Path missing = dir.resolve("nope.csv");
        WcsettleException e = assertThrows(WcsettleException.class, () -> reader.read(missing));
        assertEquals("IO_FAILURE", e.code());
        assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
        WcsettleException d = assertThrows(WcsettleException.class, () -> reader.read(dir));
        assertEquals("IO_FAILURE", d.code());
        assertTrue(d.getMessage().contains(dir.toString()) && d.getMessage().contains("directory"), d.getMessage());
    }

    @Test
    @DisplayName("A stream that fails while being read is IO_FAILURE naming the file")
    void failingStream() {
        InputStream broken = new InputStream() {
            private int n;

            @Override
            public int read() throws IOException {
                if (n++ > 200) {
                    throw new IOException("device gone");
                }
                return H.charAt(n % H.length());
            }
        };
        WcsettleException e = assertThrows(WcsettleException.class,
                () -> new ClearingCsvReader(OnMalformed.STOP).read("in.csv", broken));
        assertEquals("IO_FAILURE", e.code());
        assertTrue(e.getMessage().contains("in.csv") && e.getMessage().contains("device gone"), e.getMessage());
    }

    @Test
    @DisplayName("A file rewritten between the read and the re-read of its candidate rows is IO_FAILURE, not a wrong total")
    void fileChangedUnderneath() throws IOException {
        Path f = dir.resolve("q.csv");
        StringBuilder sb = new StringBuilder(H).append('\n');
        for (int k = 0; k < 100; k++) {
            sb.append(row("R" + k, "H")).append('\n');
        }
        sb.append(row("R5", "H")).append('\n');
        Files.writeString(f, sb);
        String changed = sb.toString().replace("R5,", "Q5,");
        ClearingCsvReader reader = ClearingCsvReader.builder().onMalformed(OnMalformed.SKIP_AND_REPORT)
                .progress(bytes -> {
                    try {
                        Files.writeString(f, changed);
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }).build();
        WcsettleException e = assertThrows(WcsettleException.class, () -> reader.read(f));
        assertEquals("IO_FAILURE", e.code());
        assertTrue(e.getMessage().contains("changed"), e.getMessage());
    }

    // ---- clearing periods

    @Test
    @DisplayName("R-CLR-2: with a period only its records are cleared; the others are counted by period")
    void period() {
        String csv = H + "\n" + row("1", "H").replace("2025-10-01", "2025-09-20") + "\n"
                + row("2", "H").replace("2025-10-01", "2025-09-21") + "\n"
                + row("3", "H").replace("2025-10-01", "2025-12-20") + "\n"
                + row("4", "H").replace("2025-10-01", "2025-12-21") + "\n"
                + row("5", "H").replace("2025-10-01", "2026-01-05") + "\n"
                + row("2", "H").replace("2025-10-01", "2026-01-05") + "\n";
        CsvClearingResult r = ClearingCsvReader.builder().onMalformed(OnMalformed.SKIP_AND_REPORT)
                .period(Quarter.of(2025, 4)).build().read("p.csv", new ByteArrayInputStream(csv.getBytes()));
        assertEquals(2, r.acceptedRows());
        assertEquals(3, r.outsidePeriodRows());
        assertEquals(1, r.duplicateRows());
        assertEquals(LocalDate.of(2025, 9, 21), r.firstConfirmed());
        assertEquals(LocalDate.of(2025, 12, 20), r.lastConfirmed());
        assertEquals(Map.of(Quarter.of(2025, 3), 1L, Quarter.of(2025, 4), 2L, Quarter.of(2026, 1), 2L), r.rowsByPeriod());
        assertEquals(Fen.of(2 * 1234), r.totals().pairs().get(0).fundPaid());
    }

    @Property(tries = 50)
    @Label("R-CLR-2: clearing per period and adding up the periods gives the clearing of the whole file")
    void periodsAddUp(@ForAll("periodRows") List<CsvModel.Row> rows) {
        byte[] csv = CsvModel.bytes(rows, false);
        CsvClearingResult all = skip(csv);
        ClearingTotals sum = ClearingTotals.empty();
        long cleared = 0;
        for (Quarter q : all.rowsByPeriod().keySet()) {
            CsvClearingResult one = ClearingCsvReader.builder().onMalformed(OnMalformed.SKIP_AND_REPORT)
                    .institutionDetails(true).period(q).build().read("f.csv", new ByteArrayInputStream(csv));
            assertEquals(all.rowsByPeriod().get(q), one.acceptedRows());
            assertEquals(all.acceptedRows() - one.acceptedRows(), one.outsidePeriodRows());
            assertEquals(all.duplicateRows(), one.duplicateRows());
            sum = sum.merge(one.totals());
            cleared += one.acceptedRows();
        }
        assertEquals(all.totals(), sum);
        assertEquals(all.acceptedRows(), cleared);
    }

    @Provide
    Arbitrary<List<CsvModel.Row>> periodRows() {
        return CsvModel.rows(300);
    }
}
