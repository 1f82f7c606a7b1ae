package io.wcsettle.examples.cli;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
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
import io.wcsettle.core.clearing.Transfer;
import io.wcsettle.core.money.Fen;
import io.wcsettle.core.region.Admdvs;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code clear FILE.csv}: streams a clearing CSV through {@link ClearingCsvReader} (constant
 * memory) and prints the national table, the bilateral payments — the payment instruction, each
 * insured province paying each treatment province its payable (R-CLR-6, IM Art. 41) — and, labelled
 * as an analysis beyond the sources, net positions and a netted plan (R-CLR-5, -6).
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
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString(), null, "no such file");
        }
        ClearingCsvReader reader = new ClearingCsvReader(
                onMalformed == Malformed.skip ? OnMalformed.SKIP_AND_REPORT : OnMalformed.STOP);
        boolean bar = progress || System.console() != null;
        CsvClearingResult result;
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            ProgressInputStream in = bar ? new ProgressInputStream(raw, Files.size(file), err) : null;
            result = reader.read(file.toString(), in != null ? in : raw);
            if (in != null) {
                in.finish();
            }
        }
        for (CsvRowProblem p : result.problems()) {
            err.println("skipped: " + p);
        }
        if (result.skippedRows() > 0 || result.duplicateRows() > 0) {
            err.printf("skipped %d malformed and %d duplicate rows; %d rows cleared%n",
                    result.skippedRows(), result.duplicateRows(), result.acceptedRows());
        }
        ClearingTables tables = ClearingTables.of(result.totals());
        switch (format) {
            case csv -> printCsv(tables);
            case json -> printJson(tables, result);
            default -> printTable(tables, result);
        }
        return 0;
    }

    private void printTable(ClearingTables t, CsvClearingResult r) {
        out.printf("records %d (confirmed %s .. %s)%n", r.acceptedRows(), r.firstConfirmed(), r.lastConfirmed());
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
