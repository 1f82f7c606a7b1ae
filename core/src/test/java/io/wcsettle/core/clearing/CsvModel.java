package io.wcsettle.core.clearing;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.wcsettle.core.money.Fen;
import io.wcsettle.core.region.Admdvs;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Test model of a clearing CSV: rows as data, the file they make, and what the reader must report
 * computed the obvious way, in memory (a {@code HashSet} of id strings, {@link ClearingTotals#of}).
 */
final class CsvModel {

    /** One line after the header: a good row, a row the reader must refuse, or a blank line. */
    record Row(String id, String insured, String treatment, String institution, LocalDate date, long fund,
            long deduction, Defect defect) {

        String line() {
            if (defect == Defect.BLANK) {
                return "";
            }
            String inst = defect == Defect.QUOTE_IN_INSTITUTION ? "H\"" + institution : institution;
            String d = defect == Defect.BAD_DATE ? "2025-02-30" : date.toString();
            String treat = defect == Defect.SAME_PROVINCE ? insured.substring(0, 2) + "9901" : treatment;
            return id + "," + insured + "," + treat + "," + inst + "," + d + "," + Fen.of(fund).toYuanString() + ","
                    + Fen.of(deduction).toYuanString();
        }

        ClearingRecord record() {
            return new ClearingRecord(id, new Admdvs(insured), new Admdvs(treatment), institution, date, Fen.of(fund),
                    Fen.of(deduction));
        }
    }

    /** What is wrong with a row, if anything. */
    enum Defect {
        NONE(null, null), BLANK(null, null), BAD_DATE("confirmed_on", "INVALID_DATE"),
        QUOTE_IN_INSTITUTION("institution_code", "MALFORMED_ROW"), SAME_PROVINCE("treatment_admdvs", "NOT_CROSS_PROVINCE");

        final String field;
        final String code;

        Defect(String field, String code) {
            this.field = field;
            this.code = code;
        }
    }

    /** What the reader must report. */
    record Expected(ClearingTotals totals, long accepted, long skipped, long duplicates, List<String> problems,
            LocalDate first, LocalDate last) {
    }

    private CsvModel() {
    }

    static String csv(List<Row> rows, boolean crlf) {
        StringBuilder sb = new StringBuilder(ClearingCsvReader.HEADER).append(crlf ? "\r\n" : "\n");
        for (Row r : rows) {
            sb.append(r.line()).append(crlf ? "\r\n" : "\n");
        }
        return sb.toString();
    }

    static byte[] bytes(List<Row> rows, boolean crlf) {
        return csv(rows, crlf).getBytes(StandardCharsets.UTF_8);
    }

    /** The exact computation: first row with an id is cleared, later ones are duplicates. */
    static Expected expect(List<Row> rows) {
        Set<String> seen = new HashSet<>();
        List<ClearingRecord> cleared = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        long skipped = 0;
        long duplicates = 0;
        LocalDate first = null;
        LocalDate last = null;
        long line = 1;
        for (Row r : rows) {
            line++;
            if (r.defect() == Defect.BLANK) {
                continue;
            }
            if (r.defect() != Defect.NONE) {
                skipped++;
                problems.add(line + ":" + r.defect().field + ":" + r.defect().code);
                continue;
            }
            if (!seen.add(r.id())) {
                duplicates++;
                problems.add(line + ":record_id:DUPLICATE_RECORD_ID");
                continue;
            }
            cleared.add(r.record());
            first = first == null || r.date().isBefore(first) ? r.date() : first;
            last = last == null || r.date().isAfter(last) ? r.date() : last;
        }
        return new Expected(ClearingTotals.of(cleared), cleared.size(), skipped, duplicates, problems, first, last);
    }

    static List<String> problems(CsvClearingResult r) {
        return r.problems().stream().map(p -> p.line() + ":" + p.field() + ":" + p.code()).toList();
    }

    // ---- generators

    private static final String[] PLACES = {"110105", "150102", "430102", "440300", "510100", "310115", "650102"};

    /** Record ids of every shape the field has, plus a few that look numeric but are not the same number. */
    static Arbitrary<String> ids() {
        Arbitrary<String> dense = Arbitraries.longs().between(1, 400).map(String::valueOf);
        Arbitrary<String> sparse = Arbitraries.longs().between(100_000_000_000_000_000L, 999_999_999_999_999_999L)
                .map(String::valueOf);
        Arbitrary<String> zeros = Arbitraries.longs().between(0, 50).map(v -> "00" + v);
        Arbitrary<String> long19 = Arbitraries.strings().numeric().ofLength(19).map(s -> "9" + s);
        Arbitrary<String> alnum13 = Arbitraries.strings().withCharRange('A', 'Z').withCharRange('0', '9').ofLength(12)
                .map(s -> "R" + s);
        Arbitrary<String> alnum30 = Arbitraries.strings().withCharRange('0', '9').ofLength(29).map(s -> "H" + s);
        Arbitrary<String> shortAlnum = Arbitraries.strings().withCharRange('a', 'c').ofMinLength(1).ofMaxLength(3);
        Arbitrary<String> utf8 = Arbitraries.strings().withChars("记录号码单") .ofMinLength(1).ofMaxLength(4)
                .map(s -> s + "-1");
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(4, dense), net.jqwik.api.Tuple.of(2, sparse), net.jqwik.api.Tuple.of(1, zeros),
                net.jqwik.api.Tuple.of(1, long19), net.jqwik.api.Tuple.of(3, alnum13), net.jqwik.api.Tuple.of(3, alnum30),
                net.jqwik.api.Tuple.of(2, shortAlnum), net.jqwik.api.Tuple.of(1, utf8));
    }

    static Arbitrary<Row> row(Arbitrary<String> ids) {
        Arbitrary<String> place = Arbitraries.of(PLACES);
        Arbitrary<String> inst = Arbitraries.strings().withCharRange('0', '9').ofMinLength(1).ofMaxLength(12)
                .map(s -> "H" + s);
        Arbitrary<LocalDate> date = Arbitraries.integers().between(0, 120).map(d -> LocalDate.of(2025, 9, 1).plusDays(d));
        Arbitrary<Long> fund = Arbitraries.longs().between(0, 99_999_999_999L);
        Arbitrary<Long> deduction = Arbitraries.longs().between(0, 9_999_999L);
        Arbitrary<Defect> defect = Arbitraries.frequency(net.jqwik.api.Tuple.of(40, Defect.NONE),
                net.jqwik.api.Tuple.of(1, Defect.BLANK), net.jqwik.api.Tuple.of(1, Defect.BAD_DATE),
                net.jqwik.api.Tuple.of(1, Defect.QUOTE_IN_INSTITUTION), net.jqwik.api.Tuple.of(1, Defect.SAME_PROVINCE));
        return Combinators.combine(ids, place, place, inst, date, fund, deduction, defect)
                .filter((i, a, b, n, d, f, x, e) -> !a.substring(0, 2).equals(b.substring(0, 2)))
                .as(Row::new);
    }

    /**
     * Rows where about a fifth repeat the id of an earlier row (with other amounts and dates, so
     * that which row counts shows in the totals).
     */
    static Arbitrary<List<Row>> rows(int maxSize) {
        return row(ids()).list().ofMaxSize(maxSize).flatMap(base -> Arbitraries.integers().between(0, 1_000_000)
                .list().ofSize(base.size()).map(picks -> {
                    List<Row> out = new ArrayList<>(base.size());
                    for (int k = 0; k < base.size(); k++) {
                        Row r = base.get(k);
                        int pick = picks.get(k);
                        if (k > 0 && pick % 5 == 0) {
                            String id = out.get(pick / 5 % k).id();
                            r = new Row(id, r.insured(), r.treatment(), r.institution(), r.date(), r.fund(),
                                    r.deduction(), r.defect());
                        }
                        out.add(r);
                    }
                    return out;
                }));
    }
}
