package io.wcsettle.core.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import io.wcsettle.core.catalogue.Catalogue;
import io.wcsettle.core.catalogue.CatalogueCsv;
import io.wcsettle.core.error.CoreErrorCode;
import io.wcsettle.core.error.WcsettleException;

/**
 * R-SET-3, R-SET-4, R-SET-8: catalogue CSV files, well-formed and mutated, some read through a
 * reader that fails part way. The oracle is an independent reading of the documented format: a
 * file is accepted iff every data row is {@code code,from,until,limit} with a non-empty code, real
 * dates of years 1..9999, {@code until} not before {@code from}, a valid 16,6 price or empty
 * limit, and no two versions of a code overlap; then every row's limit is in force on its first
 * day. A failing reader is {@code IO_FAILURE}.
 */
class CatalogueCsvFuzzTest {

    /** A file and whether its reader fails after {@code failAt} characters (-1: never). */
    record Csv(String text, int failAt) {
        @Override
        public String toString() {
            return Fuzz.render(text) + (failAt >= 0 ? " (reader fails at " + failAt + ")" : "");
        }
    }

    static Csv generate(SplittableRandom r) {
        StringBuilder sb = new StringBuilder();
        if (r.nextInt(10) == 0) {
            sb.append('\uFEFF');
        }
        if (r.nextInt(4) > 0) {
            sb.append("code,from,until,limit\n");
        }
        int rows = r.nextInt(r.nextInt(20) == 0 ? 400 : 12);
        LocalDate base = LocalDate.of(1 + r.nextInt(9990), 1, 1);
        for (int i = 0; i < rows; i++) {
            String code = r.nextInt(4) == 0 ? "C" + r.nextInt(3) : "H43" + Mutate.digits(r, 27);
            LocalDate from = base.plusDays(r.nextInt(2000));
            String until = r.nextInt(3) == 0 ? "" : from.plusDays(r.nextInt(400)).toString();
            String limit = r.nextInt(4) == 0 ? "" : r.nextInt(6) == 0 ? MoneyFuzzTest.decimalText(r)
                    : r.nextInt(1_000_000) + "." + Mutate.digits(r, 1 + r.nextInt(6));
            if (limit == null) {
                limit = "";
            }
            if (r.nextInt(15) == 0) {
                sb.append("# comment ").append(i).append('\n');
            }
            sb.append(code).append(',').append(from).append(',').append(until).append(',').append(limit)
                    .append(r.nextInt(8) == 0 ? "\r\n" : "\n");
        }
        String text = sb.toString();
        if (r.nextBoolean() && text.length() < 20_000) {
            text = Mutate.string(r, text);
        }
        return new Csv(text, r.nextInt(30) == 0 ? r.nextInt(text.length() + 1) : -1);
    }

    /** Fails with an IOException after {@code failAt} characters. */
    private static Reader reader(Csv csv) {
        StringReader in = new StringReader(csv.text());
        if (csv.failAt() < 0) {
            return in;
        }
        return new Reader() {
            private int read;

            @Override
            public int read(char[] buf, int off, int len) throws IOException {
                if (read >= csv.failAt()) {
                    throw new IOException("disk gone");
                }
                int n = in.read(buf, off, Math.min(len, Math.max(1, csv.failAt() - read)));
                read += Math.max(n, 0);
                return n;
            }

            @Override
            public void close() {
            }
        };
    }

    private record Row(String code, long from, long until, long limit) {
    }

    /** The reference reading: the rows, or {@code null} when the file must be refused. */
    static List<Row> reference(String text) {
        List<Row> rows = new ArrayList<>();
        List<String> lines = lines(text);
        boolean header = true;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (i == 0 && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            if (header) {
                header = false;
                if (line.startsWith("code,")) {
                    continue;
                }
            }
            String[] f = line.split(",", -1);
            if (f.length != 4 || f[0].isEmpty()) {
                return null;
            }
            Long from = day(f[1]);
            Long until = f[2].isEmpty() ? Long.valueOf(Integer.MAX_VALUE) : day(f[2]);
            BigInteger limit = f[3].isEmpty() ? BigInteger.valueOf(Catalogue.NO_LIMIT)
                    : MoneyFuzzTest.reference(f[3], 6, 16, false);
            if (from == null || until == null || limit == null || until < from) {
                return null;
            }
            rows.add(new Row(f[0], from, until, limit.longValue()));
        }
        Map<String, List<Row>> byCode = new HashMap<>();
        rows.forEach(row -> byCode.computeIfAbsent(row.code(), c -> new ArrayList<>()).add(row));
        for (List<Row> versions : byCode.values()) {
            versions.sort((a, b) -> Long.compare(a.from(), b.from()));
            for (int k = 1; k < versions.size(); k++) {
                if (versions.get(k).from() <= versions.get(k - 1).until()) {
                    return null;
                }
            }
        }
        return rows;
    }

    /** {@link java.io.BufferedReader#readLine()} line ends: LF, CR or CRLF. */
    private static List<String> lines(String text) {
        List<String> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                out.add(text.substring(start, i));
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                start = i + 1;
            }
        }
        if (start < text.length()) {
            out.add(text.substring(start));
        }
        return out;
    }

    private static Long day(String s) {
        if (!DateAndAdmdvsFuzzTest.isDate(s) || s.startsWith("0000")) {
            return null;
        }
        return LocalDate.parse(s).toEpochDay();
    }

    @Test
    @DisplayName("R-SET-3, R-SET-8 fuzz: CatalogueCsv.read agrees with the reference reading, or is a typed error")
    void read() {
        Fuzz.run("CatalogueCsv.read", Fuzz.tries(1), CatalogueCsvFuzzTest::generate,
                csv -> CatalogueCsv.read(reader(csv)), new Fuzz.Oracle<Csv, Catalogue>() {
                    @Override
                    public void accepted(Csv csv, Catalogue c) {
                        List<Row> rows = reference(csv.text());
                        if (rows == null) {
                            fail("the reference refuses the file");
                        }
                        assertTrue(csv.failAt() < 0 || csv.failAt() >= csv.text().length(), "the reader failed");
                        for (Row row : rows) {
                            assertEquals(row.limit(), c.limitOn(row.code(), row.from()), row.toString());
                        }
                        assertEquals(rows.stream().map(Row::code).distinct().count(), c.size(), "codes");
                    }

                    @Override
                    public void rejected(Csv csv, WcsettleException e) {
                        if (e.errorCode() == CoreErrorCode.IO_FAILURE) {
                            assertTrue(csv.failAt() >= 0, "IO_FAILURE without a failing reader");
                            assertTrue(e.retryable(), "IO_FAILURE is retryable");
                            return;
                        }
                        assertTrue(reference(csv.text()) == null, "the reference accepts the file");
                        assertTrue(e.errorCode() == CoreErrorCode.INVALID_CATALOGUE
                                || e.errorCode() == CoreErrorCode.INVALID_DATE
                                || e.errorCode() == CoreErrorCode.INVALID_AMOUNT, e.code());
                    }
                });
    }
}
