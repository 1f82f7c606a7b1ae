package io.wcsettle.agency.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.wcsettle.core.clearing.ProvincePair;
import io.wcsettle.core.monthly.StatementTotals;
import io.wcsettle.core.report.OperationReport;
import io.wcsettle.core.report.OperationReport.DisputeRow;
import io.wcsettle.core.report.OperationReport.InstitutionRow;
import io.wcsettle.core.report.OperationReport.MonthRow;
import io.wcsettle.core.report.OperationReport.OverdueRow;
import io.wcsettle.core.report.OperationReport.PairRow;
import io.wcsettle.core.report.OperationReport.UsageRow;

/**
 * Writes an operation report (R-REP-1) as files: {@code report.html} ({@link HtmlReport}),
 * {@code report.json}, and one CSV per table ({@code pairs.csv}, {@code usage.csv},
 * {@code institutions.csv}, {@code monthly.csv}, {@code overdue.csv}, {@code disputes.csv}).
 * Amounts are fen (integers) in JSON and CSV, so nothing is rounded.
 */
public final class ReportFiles {

    /** The CSV files written, in order. */
    public static final List<String> CSV_FILES = List.of("pairs.csv", "usage.csv", "institutions.csv", "monthly.csv",
            "overdue.csv", "disputes.csv");

    private ReportFiles() {
    }

    /** Writes every file into {@code dir} (created when missing) and returns their paths. */
    public static List<Path> write(OperationReport r, Path dir) {
        try {
            Files.createDirectories(dir);
            List<Path> out = new ArrayList<>();
            out.add(Files.writeString(dir.resolve("report.html"), HtmlReport.render(r), StandardCharsets.UTF_8));
            out.add(Files.writeString(dir.resolve("report.json"), json(r), StandardCharsets.UTF_8));
            List<String> csv = csv(r);
            for (int i = 0; i < CSV_FILES.size(); i++) {
                out.add(Files.writeString(dir.resolve(CSV_FILES.get(i)), csv.get(i), StandardCharsets.UTF_8));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The six CSV tables, in the order of {@link #CSV_FILES}. */
    public static List<String> csv(OperationReport r) {
        StringBuilder pairs = new StringBuilder("insured_admdvs,treatment_admdvs,records,fund_paid_fen,deduction_fen,payable_fen\n");
        for (PairRow p : r.pairs()) {
            pairs.append(p.pair().insured().code()).append(',').append(p.pair().treatment().code()).append(',')
                    .append(p.records()).append(',').append(p.fundPaid().value()).append(',').append(p.deductions().value())
                    .append(',').append(p.payable().value()).append('\n');
        }
        StringBuilder usage = new StringBuilder("quarter,insured_admdvs,treatment_admdvs,clearing_fen,quota_fen,percent,level\n");
        for (UsageRow u : r.usage()) {
            usage.append(u.quarter()).append(',').append(u.pair().insured().code()).append(',')
                    .append(u.pair().treatment().code()).append(',').append(u.rate().quarterClearing().value()).append(',')
                    .append(u.rate().quota().value()).append(',').append(u.rate().percentText()).append(',')
                    .append(u.rate().level()).append('\n');
        }
        StringBuilder inst = new StringBuilder("institution_code," + TOTALS_HEADER + ",deduction_percent\n");
        for (InstitutionRow i : r.institutions()) {
            inst.append(i.institution()).append(',').append(totals(i.totals())).append(',')
                    .append(i.deductionPercent().toPlainString()).append('\n');
        }
        StringBuilder monthly = new StringBuilder("month," + TOTALS_HEADER + "\n");
        for (MonthRow m : r.monthly()) {
            monthly.append(m.month()).append(',').append(totals(m.totals())).append('\n');
        }
        StringBuilder overdue = new StringBuilder("institution_code,overdue_uploads\n");
        for (OverdueRow o : r.overdue()) {
            overdue.append(o.institution()).append(',').append(o.count()).append('\n');
        }
        StringBuilder disputes = new StringBuilder("quarter,dispute_id,raised_by,insured_admdvs,treatment_admdvs,record_id,"
                + "claimed_fen,state\n");
        for (DisputeRow d : r.disputes()) {
            disputes.append(d.quarter()).append(',').append(csvText(d.item().disputeId())).append(',')
                    .append(d.item().raisedBy().code()).append(',').append(d.item().pair().insured().code()).append(',')
                    .append(d.item().pair().treatment().code()).append(',').append(csvText(d.item().recordId())).append(',')
                    .append(d.item().claimed().value()).append(',').append(d.state()).append('\n');
        }
        return List.of(pairs.toString(), usage.toString(), inst.toString(), monthly.toString(), overdue.toString(),
                disputes.toString());
    }

    private static final String TOTALS_HEADER = "settlements,medical_fen,fund_paid_fen,deduction_fen,payable_fen";

    private static String totals(StatementTotals t) {
        return t.count() + "," + t.medicalTotal().value() + "," + t.fundPaid().value() + "," + t.deductions().value() + ","
                + t.payable().value();
    }

    private static String csvText(String s) {
        return s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 ? s : '"' + s.replace("\"", "\"\"") + '"';
    }

    /** The whole report as JSON (amounts in fen). */
    public static String json(OperationReport r) {
        StringBuilder j = new StringBuilder(16 * 1024);
        j.append("{\n  \"period\": ").append(str(r.period().label())).append(",\n  \"quarters\": [");
        for (int i = 0; i < r.period().quarters().size(); i++) {
            j.append(i == 0 ? "" : ", ").append(str(r.period().quarters().get(i).toString()));
        }
        j.append("],\n  \"totalPayableFen\": ").append(r.totalPayable().value()).append(",\n  \"pairs\": [");
        sep(j, r.pairs(), p -> "{\"insured\": " + str(p.pair().insured().code()) + ", \"treatment\": "
                + str(p.pair().treatment().code()) + ", \"records\": " + p.records() + ", \"fundPaidFen\": "
                + p.fundPaid().value() + ", \"deductionFen\": " + p.deductions().value() + ", \"payableFen\": "
                + p.payable().value() + "}");
        j.append("],\n  \"usage\": [");
        sep(j, r.usage(), u -> "{\"quarter\": " + str(u.quarter().toString()) + ", " + pair(u.pair()) + ", \"clearingFen\": "
                + u.rate().quarterClearing().value() + ", \"quotaFen\": " + u.rate().quota().value() + ", \"percent\": "
                + str(u.rate().percentText()) + ", \"level\": " + str(u.rate().level().name()) + "}");
        j.append("],\n  \"institutions\": [");
        sep(j, r.institutions(), i -> "{\"institution\": " + str(i.institution()) + ", " + totalsJson(i.totals())
                + ", \"deductionPercent\": " + str(i.deductionPercent().toPlainString()) + "}");
        j.append("],\n  \"monthly\": [");
        sep(j, r.monthly(), m -> "{\"month\": " + str(m.month().toString()) + ", " + totalsJson(m.totals()) + "}");
        j.append("],\n  \"overdueUploads\": [");
        sep(j, r.overdue(), o -> "{\"institution\": " + str(o.institution()) + ", \"count\": " + o.count() + "}");
        j.append("],\n  \"openDisputes\": [");
        sep(j, r.disputes(), d -> "{\"quarter\": " + str(d.quarter().toString()) + ", \"disputeId\": "
                + str(d.item().disputeId()) + ", \"raisedBy\": " + str(d.item().raisedBy().code()) + ", " + pair(d.item().pair())
                + ", \"recordId\": " + str(d.item().recordId()) + ", \"claimedFen\": " + d.item().claimed().value()
                + ", \"state\": " + str(d.state().name()) + ", \"reason\": " + str(d.item().reason()) + "}");
        j.append("]\n}\n");
        return j.toString();
    }

    private static String pair(ProvincePair p) {
        return "\"insured\": " + str(p.insured().code()) + ", \"treatment\": " + str(p.treatment().code());
    }

    private static String totalsJson(StatementTotals t) {
        return "\"settlements\": " + t.count() + ", \"medicalFen\": " + t.medicalTotal().value() + ", \"fundPaidFen\": "
                + t.fundPaid().value() + ", \"deductionFen\": " + t.deductions().value() + ", \"payableFen\": "
                + t.payable().value();
    }

    private static <T> void sep(StringBuilder j, List<T> items, java.util.function.Function<T, String> f) {
        for (int i = 0; i < items.size(); i++) {
            j.append(i == 0 ? "\n    " : ",\n    ").append(f.apply(items.get(i)));
        }
        if (!items.isEmpty()) {
            j.append("\n  ");
        }
    }

    private static String str(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}
