package io.wcsettle.core.clearing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import io.wcsettle.core.money.Fen;
import io.wcsettle.core.region.Admdvs;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class ClearingCsvReaderTest {

    private static final String H = ClearingCsvReader.HEADER + "\n";

    private static CsvClearingResult read(OnMalformed mode, String csv) {
        return new ClearingCsvReader(mode, true, 100).read("q4.csv",
                new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    @DisplayName("R-CLR-5: rows are aggregated per province pair, amounts in yuan")
    void aggregates() {
        CsvClearingResult r = read(OnMalformed.STOP, H
                + "1,150102,110105,H1,2025-10-01,100.00,10\n"
                + "2,150000,110000,H2,2025-11-30,20.5,5.00\r\n"
                + "A-3,110000,430102,H1,2025-12-20,30,0");
        assertEquals(3, r.acceptedRows());
        List<PairTotal> pairs = ClearingTables.of(r.totals()).nationalTable();
        assertEquals(2, pairs.size());
        assertEquals(Fen.of(3000), pairs.get(0).payable());
        assertEquals(Fen.of(12050 - 1500), pairs.get(1).payable());
        assertEquals(LocalDate.of(2025, 10, 1), r.firstConfirmed());
        assertEquals(LocalDate.of(2025, 12, 20), r.lastConfirmed());
        assertEquals(3, r.totals().institutionDetails().size());
    }

    @Test
    @DisplayName("R-CLR-5: a malformed row stops with file, line and field")
    void stopNamesFileLineField() {
        CsvRowException e = assertThrows(CsvRowException.class, () -> read(OnMalformed.STOP, H
                + "1,150102,110105,H1,2025-10-01,100.00,10\n"
                + "2,150102,110105,H1,2025-10-01,1.234,10\n"));
        assertEquals("q4.csv", e.problem().file());
        assertEquals(3, e.problem().line());
        assertEquals("fund_paid", e.problem().field());
        assertEquals("INVALID_AMOUNT", e.code());
    }

    @Test
    @DisplayName("R-CLR-5: skip-and-report counts and lists every bad row, never silently")
    void skipAndReport() {
        CsvClearingResult r = read(OnMalformed.SKIP_AND_REPORT, H
                + "1,150102,110105,H1,2025-10-01,100.00,10\n"
                + "2,990000,110105,H1,2025-10-01,1,0\n"
                + "3,150102,150105,H1,2025-10-01,1,0\n"
                + "4,150102,110105,H1,2025-02-30,1,0\n"
                + "5,150102,110105,H1,2025-10-01,-1,0\n"
                + "6,150102,110105,H1,2025-10-01,1\n"
                + "7,150102,110105,H1,2025-10-01,1,0,9\n"
                + "1,150102,110105,H1,2025-10-01,100.00,10\n"
                + "\n"
                + "8,150102,110105,H1,2025-10-01,1,2\n");
        assertEquals(2, r.acceptedRows());
        assertEquals(6, r.skippedRows());
        assertEquals(1, r.duplicateRows());
        List<String> seen = r.problems().stream().map(p -> p.line() + ":" + p.field() + ":" + p.code()).toList();
        assertEquals(List.of("3:insured_admdvs:INVALID_ADMDVS", "4:treatment_admdvs:NOT_CROSS_PROVINCE",
                "5:confirmed_on:INVALID_DATE", "6:fund_paid:INVALID_AMOUNT", "7:deduction:MALFORMED_ROW",
                "8:deduction:MALFORMED_ROW", "9:record_id:DUPLICATE_RECORD_ID"), seen);
        assertEquals(Fen.of(10100), r.totals().pairs().get(0).fundPaid());
    }

    @Test
    @DisplayName("R-CLR-5: a duplicate record id stops in STOP mode")
    void duplicateStops() {
        CsvRowException e = assertThrows(CsvRowException.class, () -> read(OnMalformed.STOP, H
                + "x1,150102,110105,H1,2025-10-01,1,0\nx1,150102,110105,H1,2025-10-01,1,0\n"));
        assertEquals("DUPLICATE_RECORD_ID", e.code());
        assertEquals(3, e.problem().line());
    }

    @Test
    @DisplayName("R-CLR-5: a wrong header is refused")
    void wrongHeader() {
        assertEquals("header", assertThrows(CsvRowException.class,
                () -> read(OnMalformed.SKIP_AND_REPORT, "id,a,b\n1,2,3\n")).problem().field());
    }

    @Test
    @DisplayName("R-CLR-5: an empty file has no totals")
    void headerOnly() {
        CsvClearingResult r = read(OnMalformed.STOP, H);
        assertEquals(0, r.acceptedRows());
        assertNull(r.firstConfirmed());
    }

    @Provide
    Arbitrary<List<ClearingRecord>> records() {
        Arbitrary<String> province = Arbitraries.of("110105", "150102", "430102", "440300", "510100");
        return Combinators.combine(province, province, Arbitraries.longs().between(0, 99_999_999_999L),
                Arbitraries.longs().between(0, 9_999_999L))
                .filter((i, t, f, d) -> !i.substring(0, 2).equals(t.substring(0, 2)))
                .as((i, t, f, d) -> ClearingRecord.of(new Admdvs(i), new Admdvs(t), Fen.of(f), Fen.of(d)))
                .list().ofMaxSize(3000);
    }

    @Property(tries = 50)
    @Label("R-CLR-5: streaming a file gives the same totals as aggregating the records in memory")
    void streamingEqualsInMemory(@ForAll("records") List<ClearingRecord> records) {
        StringBuilder sb = new StringBuilder(H);
        int id = 0;
        for (ClearingRecord r : records) {
            sb.append(++id).append(',').append(r.insured()).append(',').append(r.treatment()).append(",H,2025-10-01,")
                    .append(r.fundPaid().toYuanString()).append(',').append(r.deduction().toYuanString()).append('\n');
        }
        CsvClearingResult result = read(OnMalformed.STOP, sb.toString());
        List<ClearingRecord> plain = new ArrayList<>();
        records.forEach(r -> plain.add(ClearingRecord.of(r.insured(), r.treatment(), r.fundPaid(), r.deduction())));
        assertEquals(ClearingTotals.of(plain).pairs(), result.totals().pairs());
    }

    @Test
    @DisplayName("R-CLR-5: rows split across buffer refills and tiny reads are parsed and reported alike")
    void bufferBoundaries() {
        StringBuilder sb = new StringBuilder(H);
        java.util.Random random = new java.util.Random(7);
        int bad = 0;
        long fund = 0;
        for (int k = 1; k <= 20_000; k++) {
            String inst = "H" + "x".repeat(random.nextInt(30));
            if (k % 97 == 0) {
                bad++;
                sb.append(k).append(",150102,110105,").append(inst).append(",2025-13-01,1.00,0\r\n");
            } else {
                long f = random.nextInt(1_000_000);
                fund += f;
                sb.append(k).append(",150102,110105,").append(inst).append(",2025-10-01,")
                        .append(Fen.of(f).toYuanString()).append(k % 2 == 0 ? ",0\n" : ",0.1\r\n");
            }
        }
        byte[] bytes = sb.toString().getBytes(StandardCharsets.UTF_8);
        java.io.InputStream trickle = new ByteArrayInputStream(bytes) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, 1 + random.nextInt(5000)));
            }
        };
        CsvClearingResult r = new ClearingCsvReader(OnMalformed.SKIP_AND_REPORT).read("big.csv", trickle);
        assertEquals(20_000 - bad, r.acceptedRows());
        assertEquals(bad, r.skippedRows());
        assertEquals(Fen.of(fund), r.totals().pairs().get(0).fundPaid());
        assertEquals(97 + 1, r.problems().get(0).line());
        assertEquals("confirmed_on", r.problems().get(0).field());
    }

    @Test
    @DisplayName("R-CLR-5: numeric record ids are read exactly: equal ids are duplicates, neighbours are not")
    void numericIds() {
        StringBuilder sb = new StringBuilder(H);
        String[] ids = {"0", "7", "007", "1234567", "1234568", "12345678", "123456789012345678", "1234567", "9999999", "7"};
        for (String id : ids) {
            sb.append(id).append(",150102,110105,H1,2025-10-01,1.00,0\n");
        }
        CsvClearingResult r = read(OnMalformed.SKIP_AND_REPORT, sb.toString());
        assertEquals(8, r.acceptedRows());
        assertEquals(2, r.duplicateRows());
        assertEquals(List.of(9L, 11L), r.problems().stream().map(CsvRowProblem::line).toList());
    }

    @Test
    @DisplayName("R-CLR-2: confirmation dates are validated as calendar dates")
    void dates() {
        byte[] b = "2024-02-29,2025-02-29,2025-12-31,2025-1x-01,2025/01/01,0000-01-01,2025-04-31,".getBytes(
                StandardCharsets.US_ASCII);
        assertEquals(20240229, ClearingCsvReader.date(b, 0));
        assertEquals(-1, ClearingCsvReader.date(b, 11));
        assertEquals(20251231, ClearingCsvReader.date(b, 22));
        assertEquals(-1, ClearingCsvReader.date(b, 33));
        assertEquals(-1, ClearingCsvReader.date(b, 44));
        assertEquals(-1, ClearingCsvReader.date(b, 55));
        assertEquals(-1, ClearingCsvReader.date(b, 66));
    }
}
