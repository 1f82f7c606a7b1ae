package io.wcsettle.examples.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.wcsettle.core.clearing.ClearingCsvReader;
import io.wcsettle.core.clearing.ClearingTables;
import io.wcsettle.core.clearing.CsvClearingResult;
import io.wcsettle.core.clearing.CsvRowProblem;
import io.wcsettle.core.clearing.OnMalformed;
import io.wcsettle.core.clearing.PairTotal;
import io.wcsettle.core.clearing.Payment;
import io.wcsettle.core.clearing.Quarter;
import io.wcsettle.core.clearing.Transfer;
import io.wcsettle.core.money.Fen;
import io.wcsettle.core.region.Admdvs;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code clear FILE.csv}: streams a clearing CSV through {@link ClearingCsvReader} (bounded
 * memory, exact duplicate detection, spilling to temporary files beyond its budget) and prints the
 * national table, the bilateral payments — the payment instruction, each insured province paying
 * each treatment province its payable (R-CLR-6, IM Art. 41) — and, labelled as an analysis beyond
 * the sources, net positions and a netted plan (R-CLR-5, -6). {@code --quarter} clears one
 * clearing period (R-CLR-2) and warns about the records outside it.
 */
@Command(name = "clear", mixinStandardHelpOptions = true,
        description = {"Clear a CSV file of confirmed monthly settlement records (R-CLR-1..6).",
            "Header: " + ClearingCsvReader.HEADER + " (amounts in yuan)."})
public final class ClearCommand implements Callable<Integer> {

    /** Output formats. */
    enum Format { table, csv, json }

    /** Malformed-row handling. */
    enum Malformed { stop, skip }

    @Parameters(index = "0", paramLabel = "FILE.csv", description = "the records")
    private Path file;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "table, csv or json (default: ${DEFAULT-VALUE})")
    private Format format;

    @Option(names = "--on-malformed", paramLabel = "MODE", defaultValue = "stop",
            description = "stop at the first malformed row, or skip and report it (default: ${DEFAULT-VALUE})")
    private Malformed onMalformed;

    @Option(names = "--progress", description = "draw a progress bar on stderr even when it is not a terminal")
    private boolean progress;

    @Option(names = "--quarter", paramLabel = "YYYYQn", converter = QuarterConverter.class,
            description = {"clear only the records of this clearing period, e.g. 2025Q4 (R-CLR-2: confirmed from the",
                "previous quarter's 21st through the 20th of its last month); the others are counted and warned about"})
    private Quarter quarter;

    @Option(names = "--temp-dir", paramLabel = "DIR",
            description = "where duplicate detection spills beyond its memory (default: java.io.tmpdir)")
    private Path tempDir;

    @Option(names = "--id-memory", paramLabel = "SIZE", converter = SizeConverter.class,
            description = "heap for duplicate detection, e.g. 16m (default: a third of the heap, at most 32m)")
    private Long idMemory;

    private final PrintStream out;
    private final PrintStream err;

    /** A command printing to the process's streams. */
    public ClearCommand() {
        this(System.out, System.err);
    }

    ClearCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() throws IOException {
        ClearingCsvReader.Builder builder = ClearingCsvReader.builder()
                .onMalformed(onMalformed == Malformed.skip ? OnMalformed.SKIP_AND_REPORT : OnMalformed.STOP)
                .period(quarter);
        if (tempDir != null) {
            builder.tempDirectory(tempDir);
        }
        if (idMemory != null) {
            builder.idMemory(idMemory);
        }
        ProgressBar bar = null;
        if (progress || System.console() != null) {
            bar = new ProgressBar(Files.isRegularFile(file) ? Files.size(file) : 0, err);
            builder.progress(bar);
        }
        CsvClearingResult result;
        try {
            result = builder.build().read(file);
        } finally {
            if (bar != null) {
                bar.finish();
            }
        }
        for (CsvRowProblem p : result.problems()) {
            err.println("skipped: " + p);
        }
        if (result.skippedRows() > 0 || result.duplicateRows() > 0) {
            err.printf("skipped %d malformed and %d duplicate rows; %d rows cleared%n",
                    result.skippedRows(), result.duplicateRows(), result.acceptedRows());
        }
        warnAboutPeriods(result);
        ClearingTables tables = ClearingTables.of(result.totals());
        switch (format) {
            case csv -> printCsv(tables);
            case json -> printJson(tables, result);
            default -> printTable(tables, result);
        }
        return 0;
    }

    /** R-CLR-2: records confirmed outside the chosen period are not cleared, and said so. */
    private void warnAboutPeriods(CsvClearingResult r) {
        if (r.period() != null) {
            if (r.outsidePeriodRows() > 0) {
                err.printf("warning: %d records confirmed outside %s (%s .. %s) were not cleared: %s%n",
                        r.outsidePeriodRows(), r.period(), r.period().periodStart(), r.period().periodEnd(),
                        byPeriod(r, r.period()));
            }
        } else if (r.rowsByPeriod().size() > 1) {
            err.printf("warning: the records belong to %d clearing periods (%s); all were cleared together,"
                    + " --quarter clears one%n", r.rowsByPeriod().size(), byPeriod(r, null));
        }
    }

    private static String byPeriod(CsvClearingResult r, Quarter except) {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<Quarter, Long> e : r.rowsByPeriod().entrySet()) {
            if (!e.getKey().equals(except)) {
                sb.append(sb.length() == 0 ? "" : ", ").append(e.getValue()).append(" in ").append(e.getKey());
            }
        }
        return sb.toString();
    }

    /** Parses {@code 64m}, {@code 512k}, {@code 1g} or a number of bytes (at least 16k). */
    static final class SizeConverter implements CommandLine.ITypeConverter<Long> {
        @Override
        public Long convert(String s) {
            String t = s.trim().toLowerCase(java.util.Locale.ROOT);
            long unit = switch (t.isEmpty() ? ' ' : t.charAt(t.length() - 1)) {
                case 'k' -> 1L << 10;
                case 'm' -> 1L << 20;
                case 'g' -> 1L << 30;
                default -> 1;
            };
            try {
                long v = Math.multiplyExact(Long.parseLong(unit > 1 ? t.substring(0, t.length() - 1) : t), unit);
                if (v < 16 << 10) {
                    throw new CommandLine.TypeConversionException("at least 16k: " + s);
                }
                return v;
            } catch (NumberFormatException | ArithmeticException e) {
                throw new CommandLine.TypeConversionException("not a size like 16m: " + s);
            }
        }
    }

    /** Parses {@code 2025Q4}. */
    static final class QuarterConverter implements CommandLine.ITypeConverter<Quarter> {
        @Override
        public Quarter convert(String value) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d{4})[Qq]([1-4])").matcher(value.trim());
            if (!m.matches()) {
                throw new CommandLine.TypeConversionException("not a quarter like 2025Q4: " + value);
            }
            return Quarter.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
        }
    }

    private void printTable(ClearingTables t, CsvClearingResult r) {
        if (r.firstConfirmed() == null) {
            out.printf("records %d%n", r.acceptedRows());
        } else {
            out.printf("records %d (confirmed %s .. %s)%n", r.acceptedRows(), r.firstConfirmed(), r.lastConfirmed());
        }
        out.printf("%-8s %-9s %9s %18s %16s %18s%n", "insured", "treatment", "records", "fund paid", "deductions", "payable");
        for (PairTotal p : t.nationalTable()) {
            out.printf("%-8s %-9s %9d %18s %16s %18s%n", p.pair().insured(), p.pair().treatment(), p.records(),
                    p.fundPaid().toYuanString(), p.deductions().toYuanString(), p.payable().toYuanString());
        }
        out.printf("total payable %s%n", t.totalPayable().toYuanString());
        out.println("payments (bilateral: each insured province pays each treatment province its payable, IM Art. 41):");
        for (Payment x : t.payments()) {
            out.printf("  %s -> %s %18s%s%n", x.from(), x.to(), x.amount().toYuanString(), x.refund() ? " refund" : "");
        }
        out.println("analysis, not a payment instruction (beyond the sources):");
        out.println("  net positions (receivable - payable):");
        for (Map.Entry<Admdvs, Fen> e : t.netPositions().entrySet()) {
            out.printf("    %s %18s%n", e.getKey(), e.getValue().toYuanString());
        }
        out.println("  netted plan:");
        for (Transfer x : t.nettingAnalysis()) {
            out.printf("    %s -> %s %18s%n", x.from(), x.to(), x.amount().toYuanString());
        }
    }

    private void printCsv(ClearingTables t) {
        out.println("insured_admdvs,treatment_admdvs,records,fund_paid,deduction,payable");
        for (PairTotal p : t.nationalTable()) {
            out.println(p.pair().insured() + "," + p.pair().treatment() + "," + p.records() + ","
                    + p.fundPaid().toYuanString() + "," + p.deductions().toYuanString() + "," + p.payable().toYuanString());
        }
    }

    private void printJson(ClearingTables t, CsvClearingResult r) throws IOException {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        root.put("records", r.acceptedRows()).put("skipped", r.skippedRows()).put("duplicates", r.duplicateRows());
        if (r.period() != null) {
            root.put("period", r.period().toString()).put("outsidePeriod", r.outsidePeriodRows());
        }
        ArrayNode pairs = root.putArray("pairs");
        for (PairTotal p : t.nationalTable()) {
            pairs.addObject().put("insured", p.pair().insured().code()).put("treatment", p.pair().treatment().code())
                    .put("records", p.records()).put("fundPaidFen", p.fundPaid().value())
                    .put("deductionFen", p.deductions().value()).put("payableFen", p.payable().value());
        }
        root.put("totalPayableFen", t.totalPayable().value());
        ArrayNode payments = root.putArray("payments");
        for (Payment x : t.payments()) {
            payments.addObject().put("from", x.from().code()).put("to", x.to().code())
                    .put("amountFen", x.amount().value()).put("refund", x.refund());
        }
        ObjectNode analysis = root.putObject("nettingAnalysis");
        analysis.put("note", "analysis beyond the sources, not a payment instruction (R-CLR-6); pay by 'payments'");
        ArrayNode net = analysis.putArray("net");
        t.netPositions().forEach((k, v) -> net.addObject().put("province", k.code()).put("netFen", v.value()));
        ArrayNode transfers = analysis.putArray("transfers");
        for (Transfer x : t.nettingAnalysis()) {
            transfers.addObject().put("from", x.from().code()).put("to", x.to().code()).put("amountFen", x.amount().value());
        }
        out.println(mapper.writeValueAsString(root));
    }
}
