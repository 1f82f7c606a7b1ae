package io.wcsettle.core.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.regex.Pattern;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import io.wcsettle.core.clearing.ClearingCsvReader;
import io.wcsettle.core.clearing.ClearingRecord;
import io.wcsettle.core.clearing.ClearingTotals;
import io.wcsettle.core.clearing.CsvClearingResult;
import io.wcsettle.core.clearing.OnMalformed;
import io.wcsettle.core.error.WcsettleException;
import io.wcsettle.core.money.Fen;
import io.wcsettle.core.region.Admdvs;

/**
 * R-CLR-1, R-CLR-5: clearing CSV files shaped like the field's (30-character ids, real duplicates,
 * CRLF, a BOM), then mutated as text and as bytes, read in skip-and-report mode. The oracle is an
 * independent reading of the format the README documents: a data line is a row when it has seven
 * fields free of {@code "}, control characters and DEL, a non-empty id and institution, two
 * six-digit codes of known, different provinces, a real ISO date and two non-negative yuan amounts
 * below 10^14 with at most two decimals; the first row of an id is cleared and every later row of it is a
 * duplicate. Where that reading is ambiguous (a file that is not UTF-8, a damaged header, an id
 * shared by a good and a bad line) only the typed outcome is checked.
 */
class ClearingCsvFuzzTest {

    private static final Pattern AMOUNT = Pattern.compile("[0-9]+(\\.[0-9]{1,2})?");
    private static final Pattern ADMDVS = Pattern.compile("[0-9]{6}");
    private static final Pattern DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");
    /** The documented bound of an amount: below 10^14 yuan (16 digits of fen). */
    private static final BigDecimal MAX_FEN = BigDecimal.TEN.pow(16);
    private static final String[] PLACES = {"150102", "110105", "430102", "440106", "310115", "510107", "650102"};

    static byte[] generate(SplittableRandom r) {
        StringBuilder sb = new StringBuilder();
        if (r.nextInt(10) == 0) {
            sb.append('\uFEFF');
        }
        sb.append(ClearingCsvReader.HEADER).append(r.nextInt(5) == 0 ? "\r\n" : "\n");
        int rows = r.nextInt(r.nextInt(15) == 0 ? 300 : 20);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            String id = !ids.isEmpty() && r.nextInt(8) == 0 ? ids.get(r.nextInt(ids.size()))
                    : r.nextBoolean() ? "S" + Mutate.digits(r, 29) : Long.toString(1 + r.nextInt(1_000_000));
            ids.add(id);
            String insured = Mutate.pick(r, PLACES);
            String treatment = Mutate.pick(r, PLACES);
            LocalDate day = LocalDate.of(2025, 9, 21).plusDays(r.nextInt(91));
            sb.append(id).append(',').append(insured).append(',').append(treatment).append(",H")
                    .append(Mutate.digits(r, 11)).append(',').append(day).append(',')
                    .append(r.nextInt(1_000_000)).append('.').append(Mutate.digits(r, 2)).append(',')
                    .append(r.nextInt(100)).append(r.nextInt(20) == 0 ? "\r\n" : "\n");
            if (r.nextInt(25) == 0) {
                sb.append('\n');
            }
        }
        String text = sb.toString();
        if (r.nextInt(3) == 0 || text.length() > 20_000) {
            return text.getBytes(StandardCharsets.UTF_8);
        }
        byte[] bytes = Mutate.string(r, text).getBytes(StandardCharsets.UTF_8);
        return r.nextInt(4) == 0 ? Mutate.flip(r, bytes) : bytes;
    }

    /** What the reader must report, or {@code null} where the reading is ambiguous. */
    record Expected(List<ClearingRecord> cleared, long skipped, long duplicates) {
    }

    static Expected reference(byte[] bytes) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        // the last piece has no LF after it: a CR there ends nothing, it is a CR inside the field
        int terminated = lines.size() - 1;
        if (lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i);
            if (i < terminated && l.endsWith("\r")) {
                lines.set(i, l.substring(0, l.length() - 1));
            }
            if (lines.get(i).length() > 20_000) {
                return null;
            }
        }
        if (lines.isEmpty() || !lines.get(0).equals(ClearingCsvReader.HEADER)) {
            return null;
        }
        List<ClearingRecord> cleared = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Set<String> badIds = new HashSet<>();
        long skipped = 0;
        long duplicates = 0;
        for (String line : lines.subList(1, lines.size())) {
            if (line.isEmpty()) {
                continue;
            }
            ClearingRecord row = row(line);
            String id = line.split(",", -1)[0];
            if (row == null) {
                skipped++;
                badIds.add(id);
            } else if (!seen.add(row.recordId())) {
                duplicates++;
            } else {
                cleared.add(row);
            }
        }
        for (String id : badIds) {
            if (seen.contains(id)) {
                return null; // is a good row after a bad one of its id a duplicate? the format does not say
            }
        }
        return new Expected(cleared, skipped, duplicates);
    }

    private static ClearingRecord row(String line) {
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c < 0x20 || c == 0x7F || c == '"') {
                return null;
            }
        }
        String[] f = line.split(",", -1);
        if (f.length != 7 || f[0].isEmpty() || f[3].isEmpty() || !ADMDVS.matcher(f[1]).matches()
                || !ADMDVS.matcher(f[2]).matches() || !DATE.matcher(f[4]).matches()
                || !AMOUNT.matcher(f[5]).matches() || !AMOUNT.matcher(f[6]).matches()) {
            return null;
        }
        Admdvs insured;
        Admdvs treatment;
        LocalDate day;
        try {
            insured = Admdvs.parse("insured", f[1]);
            treatment = Admdvs.parse("treatment", f[2]);
            day = LocalDate.parse(f[4]);
        } catch (WcsettleException | java.time.DateTimeException e) {
            return null;
        }
        if (f[1].substring(0, 2).equals(f[2].substring(0, 2))) {
            return null; // R-CLR-1: cross-province only
        }
        BigDecimal fund = new BigDecimal(f[5]).movePointRight(2);
        BigDecimal deduction = new BigDecimal(f[6]).movePointRight(2);
        if (fund.compareTo(MAX_FEN) >= 0 || deduction.compareTo(MAX_FEN) >= 0) {
            return null;
        }
        return new ClearingRecord(f[0], insured, treatment, f[3], day, Fen.of(fund.longValueExact()),
                Fen.of(deduction.longValueExact()));
    }

    private static CsvClearingResult read(byte[] bytes) {
        return new ClearingCsvReader(OnMalformed.SKIP_AND_REPORT, true, 1_000).read("fuzz.csv",
                new ByteArrayInputStream(bytes));
    }

    @Test
    @DisplayName("R-CLR-1, R-CLR-5 fuzz: ClearingCsvReader agrees with the reference reading of the format, or is a typed error")
    void read() {
        Fuzz.run("ClearingCsvReader.read", Fuzz.tries(1), ClearingCsvFuzzTest::generate, ClearingCsvFuzzTest::read,
                new Fuzz.Oracle<byte[], CsvClearingResult>() {
                    @Override
                    public void accepted(byte[] bytes, CsvClearingResult r) {
                        Expected e = reference(bytes);
                        if (e == null) {
                            return;
                        }
                        assertEquals(e.cleared().size(), r.acceptedRows(), "rows cleared");
                        assertEquals(e.duplicates(), r.duplicateRows(), "duplicates");
                        assertEquals(e.skipped(), r.skippedRows(), () -> "rows skipped " + r.problems() + " in "
                                + new String(bytes, StandardCharsets.UTF_8).replace("\r", "<CR>").replace("\n", "<LF>\n"));
                        assertEquals(ClearingTotals.of(e.cleared()), r.totals(), "totals");
                    }

                    @Override
                    public void rejected(byte[] bytes, WcsettleException error) {
                        if (reference(bytes) != null) {
                            fail("the reference reads the file (every bad row skipped), the reader refused it: "
                                    + error.getMessage());
                        }
                    }
                }, b -> Fuzz.render(new String(b, StandardCharsets.UTF_8)));
    }
}
