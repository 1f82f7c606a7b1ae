package io.wcsettle.core.clearing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.function.LongConsumer;

import io.wcsettle.core.error.CoreErrorCode;
import io.wcsettle.core.error.WcsettleException;

/**
 * Clears a CSV file of confirmed monthly settlement records in one streaming pass, in bounded
 * memory whatever the record ids look like, with exact duplicate detection.
 *
 * <p>Format (see also the README): UTF-8 (ASCII is UTF-8; a byte-order mark before the header is
 * allowed; GBK is refused), comma-separated, no quoting: no field may contain a comma, a quote, a
 * CR or another control character. Lines end with {@code \n} or {@code \r\n}; the last line may
 * lack one; blank lines are ignored. This exact header:
 * <pre>record_id,insured_admdvs,treatment_admdvs,institution_code,confirmed_on,fund_paid,deduction</pre>
 * Amounts are non-negative yuan with at most 2 decimals; dates ISO {@code yyyy-MM-dd}; the two
 * admdvs must be in different provinces (R-CLR-1). Pairs are aggregated by province (R-CLR-5).
 *
 * <p>A malformed row is, by the caller's choice ({@link OnMalformed}), either refused with a
 * {@link CsvRowException} naming file, line and field, or skipped, counted and listed in the
 * result. A repeated {@code record_id} is treated the same way (code {@code DUPLICATE_RECORD_ID}):
 * the first row with an id is cleared, every later row with the same id bytes is not. A line
 * longer than 64 KiB or a wrong header always stops.
 *
 * <p>Duplicates are exact: ids are compared byte for byte. Numeric ids of a sequence are checked
 * against a bitmap ({@code DenseIdWindow}, one bit per id), 64 rows at a time so that shuffled
 * ids' cache misses overlap ({@code WindowBatch}); other ids leave an 8-byte
 * fingerprint entry and are confirmed at the end of the read by re-reading the few candidate
 * rows ({@code DeferredDuplicates}). Memory stays within about {@link Builder#idMemory} (by
 * default a third of the maximum heap, at most 32 MiB) plus 64 KiB of buffers, whatever the file:
 * beyond it the entries spill to temporary files in {@link Builder#tempDirectory}, deleted when
 * the read ends. The input is read once; a {@link #read(Path) file} is re-read only at the
 * candidate rows, a {@link #read(String, InputStream) stream} is copied (in memory, then to a
 * temporary file) from its first fingerprinted row on.
 *
 * <p>The hot path parses bytes directly: no String, BigDecimal or object per row (unless
 * institution details are requested). Immutable and thread-safe; each {@code read} is independent,
 * and results of several files combine with {@link ClearingTotals#merge}.
 */
public final class ClearingCsvReader {

    /** The required header line. */
    public static final String HEADER =
            "record_id,insured_admdvs,treatment_admdvs,institution_code,confirmed_on,fund_paid,deduction";

    private static final String[] FIELDS = HEADER.split(",");
    private static final int BUFFER = 1 << 16;
    /** Below this many buffered bytes the buffer is refilled before a row is parsed. */
    private static final int MIN_WINDOW = 1024;
    private static final long MAX_ID_MEMORY = 32L << 20;
    private static final long MIN_ID_MEMORY = 16L << 10;

    private final OnMalformed mode;
    private final boolean withDetails;
    private final int listLimit;
    private final Quarter period;
    private final long idMemory;
    private final Path tempDirectory;
    private final LongConsumer progress;
    private final IdFingerprint fingerprint;
    private final TempStorage.Opener opener;

    /** A reader in {@code mode}, without institution details, listing up to 10,000 problems. */
    public ClearingCsvReader(OnMalformed mode) {
        this(builder().onMalformed(mode));
    }

    /**
     * @param mode        stop or skip-and-report
     * @param withDetails also collect payment and audit-deduction details per institution (memory
     *                    grows with the number of institutions)
     * @param listLimit   how many problems the result lists; counts stay exact beyond it
     */
    public ClearingCsvReader(OnMalformed mode, boolean withDetails, int listLimit) {
        this(builder().onMalformed(mode).institutionDetails(withDetails).problemListLimit(listLimit));
    }

    private ClearingCsvReader(Builder b) {
        this.mode = b.mode;
        this.withDetails = b.withDetails;
        this.listLimit = b.listLimit;
        this.period = b.period;
        this.idMemory = b.idMemory > 0 ? b.idMemory
                : Math.max(MIN_ID_MEMORY, Math.min(MAX_ID_MEMORY, Runtime.getRuntime().maxMemory() / 3));
        this.tempDirectory = b.tempDirectory != null ? b.tempDirectory
                : Path.of(System.getProperty("java.io.tmpdir"));
        this.progress = b.progress;
        this.fingerprint = b.fingerprint;
        this.opener = b.opener;
    }

    /** A builder with the defaults: stop at the first bad row, no details, 10,000 problems listed. */
    public static Builder builder() {
        return new Builder();
    }

    /** Settings of a reader; {@link #build()} makes an immutable reader. */
    public static final class Builder {
        private OnMalformed mode = OnMalformed.STOP;
        private boolean withDetails;
        private int listLimit = 10_000;
        private Quarter period;
        private long idMemory;
        private Path tempDirectory;
        private LongConsumer progress;
        private IdFingerprint fingerprint = IdFingerprint.DEFAULT;
        private TempStorage.Opener opener = TempStorage.REAL;

        private Builder() {
        }

        /** Stop at the first bad row, or skip and report bad rows (default {@link OnMalformed#STOP}). */
        public Builder onMalformed(OnMalformed mode) {
            this.mode = Objects.requireNonNull(mode, "mode");
            return this;
        }

        /**
         * Also collect payment and audit-deduction details per pair and institution (default
         * off; memory grows with the number of institutions, not rows).
         */
        public Builder institutionDetails(boolean on) {
            this.withDetails = on;
            return this;
        }

        /** How many problems the result lists (default 10,000); the counts stay exact beyond it. */
        public Builder problemListLimit(int limit) {
            if (limit < 0) {
                throw new IllegalArgumentException("listLimit < 0");
            }
            this.listLimit = limit;
            return this;
        }

        /**
         * Clear only the records of this clearing period (R-CLR-2: confirmed from the previous
         * quarter's 21st through the 20th of its last month); the others are counted per period
         * in the result, not cleared. Default: clear every record.
         */
        public Builder period(Quarter quarter) {
            this.period = quarter;
            return this;
        }

        /**
         * Heap bytes duplicate detection may hold (default: a third of the maximum heap, at most
         * 32 MiB; at least 16 KiB). Beyond it, it spills to temporary files; a smaller budget
         * means more temporary-file traffic, never a different result.
         */
        public Builder idMemory(long bytes) {
            if (bytes < MIN_ID_MEMORY) {
                throw new IllegalArgumentException("idMemory below " + MIN_ID_MEMORY + " bytes");
            }
            this.idMemory = bytes;
            return this;
        }

        /** Where temporary files go (default: {@code java.io.tmpdir}). */
        public Builder tempDirectory(Path directory) {
            this.tempDirectory = Objects.requireNonNull(directory, "directory");
            return this;
        }

        /** Called with the number of input bytes read so far, after every 64 KiB or so. */
        public Builder progress(LongConsumer bytesRead) {
            this.progress = bytesRead;
            return this;
        }

        /** Test seam: a fingerprint function (e.g. one that collides on purpose). */
        Builder fingerprint(IdFingerprint f) {
            this.fingerprint = Objects.requireNonNull(f);
            return this;
        }

        /** Test seam: how temporary files are opened (e.g. a disk that fills up). */
        Builder tempFileOpener(TempStorage.Opener o) {
            this.opener = Objects.requireNonNull(o);
            return this;
        }

        /** The reader. */
        public ClearingCsvReader build() {
            return new ClearingCsvReader(this);
        }
    }

    /**
     * Clears {@code file}; problems name it by its file name.
     *
     * @throws WcsettleException {@code IO_FAILURE} naming the path when the file is missing, a
     *                           directory or cannot be read; {@code TEMP_STORAGE_FAILURE} when
     *                           spilling fails; a {@link CsvRowException} for a bad row in STOP mode
     */
    public CsvClearingResult read(Path file) {
        Objects.requireNonNull(file, "file");
        String name = String.valueOf(file.getFileName());
        if (Files.isDirectory(file)) {
            throw ioFailure(file.toString(), "is a directory", null);
        }
        InputStream in;
        try {
            in = Files.newInputStream(file);
        } catch (IOException e) {
            throw ioFailure(file.toString(), Files.exists(file) ? "cannot be opened" : "no such file", e);
        }
        try (in) {
            // a pipe or device cannot be read twice: it is spooled like a stream
            Path rereadable = Files.isRegularFile(file) ? file : null;
            return new Run(name, file.toString(), in, rereadable).run();
        } catch (IOException e) {
            throw ioFailure(file.toString(), "cannot be read", e);
        }
    }

    /**
     * Clears the CSV in {@code in} (not closed); problems name it {@code fileName}.
     *
     * @throws WcsettleException {@code IO_FAILURE} when the stream fails, {@code
     *                           TEMP_STORAGE_FAILURE} when spilling fails; a {@link CsvRowException}
     *                           for a bad row in STOP mode
     */
    public CsvClearingResult read(String fileName, InputStream in) {
        try {
            return new Run(fileName, fileName, in, null).run();
        } catch (IOException e) {
            throw ioFailure(fileName, "cannot be read", e);
        }
    }

    static WcsettleException ioFailure(String file, String what, Exception e) {
        String reason = e == null || e.getMessage() == null || e.getMessage().equals(file) ? ""
                : " (" + e.getMessage() + ")";
        return new WcsettleException(CoreErrorCode.IO_FAILURE, "file", file + ": " + what + reason, e);
    }

    /** The state of one read. */
    private final class Run {
        private final String file;
        private final String path;
        private final InputStream in;
        private final Path rereadable;
        private final byte[] buf = new byte[BUFFER];
        private int pos;
        private int lim;
        private boolean eof;
        /** Input offset of {@code buf[0]}. */
        private long bufStart;
        /** Lines done (the header is line 1). */
        private long line;

        private final ClearingTotals.Accumulator acc = new ClearingTotals.Accumulator(withDetails);
        private final CsvRowParser row = new CsvRowParser();
        private final MemoryMeter meter = new MemoryMeter();
        private final TempStorage temp;
        private final DenseIdWindow window;
        private final DeferredDuplicates deferred;
        private final LineIndex lineIndex;
        private final DateHistogram dates;
        private RowSource.Spool spool;
        private final int periodFrom;
        private final int periodTo;

        private final List<CsvRowProblem> problems = new ArrayList<>();
        private final WindowBatch batch;
        private final WindowBatch.Seen seenBefore = this::seenBefore;
        private long accepted;
        private long outside;
        private long skipped;
        private long duplicates;

        Run(String file, String path, InputStream in, Path rereadable) {
            this.file = file;
            this.path = path;
            this.in = in;
            this.rereadable = rereadable;
            this.temp = new TempStorage(tempDirectory, opener, (int) Math.min(1 << 16, idMemory / 64), meter);
            this.window = new DenseIdWindow(idMemory / 4, meter);
            this.batch = new WindowBatch(withDetails);
            this.deferred = new DeferredDuplicates(idMemory, fingerprint, temp, meter);
            this.lineIndex = new LineIndex(idMemory / 32, temp, meter);
            this.dates = new DateHistogram(meter);
            this.periodFrom = period == null ? 0 : toInt(period.periodStart());
            this.periodTo = period == null ? 99991231 : toInt(period.periodEnd());
        }

        CsvClearingResult run() throws IOException {
            try {
                readHeader();
                while (true) {
                    if (lim - pos < MIN_WINDOW && !eof) {
                        fill();
                    }
                    if (pos >= lim) {
                        break;
                    }
                    long start = bufStart + pos;
                    if (buf[pos] == '\n' || (buf[pos] == '\r' && pos + 1 < lim && buf[pos + 1] == '\n')) {
                        pos += buf[pos] == '\n' ? 1 : 2; // a blank line carries no record
                        endLine(start);
                        continue;
                    }
                    int next = row.parse(buf, pos, lim, eof);
                    if (next == CsvRowParser.NEED_MORE) {
                        needMore();
                        continue;
                    }
                    if (next == CsvRowParser.MALFORMED) {
                        int end = lineEnd(pos);
                        if (end < 0) {
                            needMore();
                            continue;
                        }
                        pos = end;
                        skipped++;
                        problem(line + 1, row.errField, row.errCode, row.errMessage);
                        endLine(start);
                        continue;
                    }
                    pos = next;
                    accept(line + 1, start);
                    endLine(start);
                }
                return finish();
            } finally {
                deferred.close();
                lineIndex.close();
                if (spool != null) {
                    spool.close();
                }
                temp.close();
            }
        }

        private void endLine(long start) {
            line++;
            if ((line & ((1 << LineIndex.SHIFT) - 1)) == 0) {
                lineIndex.add(start);
            }
        }

        private void accept(long rowLine, long start) {
            if (row.idNumeric && !window.excludes(buf, row.idStart, row.idEnd) && window.covers(row.idNumber(buf))) {
                // counted now, checked with its batch, taken out again if the id was seen
                String inst = count(row, buf);
                if (batch.add(row.idNumber(buf), rowLine, row.date, row.insured * 100 + row.treatment, row.fund,
                        row.deduction, inst)) {
                    batch.check(window, seenBefore);
                }
                return;
            }
            if (rowLine > DeferredDuplicates.MAX_LINE) {
                checkBatch();
                throw new CsvRowException(new CsvRowProblem(file, rowLine, FIELDS[0], CoreErrorCode.MALFORMED_ROW.name(),
                        "more than " + DeferredDuplicates.MAX_LINE + " lines"));
            }
            if (rereadable == null && spool == null) {
                spool = new RowSource.Spool(start, rowLine, idMemory / 16, temp, meter);
                spool.write(buf, (int) (start - bufStart), lim - (int) (start - bufStart));
            }
            deferred.add(fingerprint.of(buf, row.idStart, row.idEnd), rowLine);
            count(row, buf);
        }

        /**
         * Counts a row that is not (yet known to be) a duplicate; its institution code when
         * details are collected and the row is in the period, else {@code null}.
         */
        private String count(CsvRowParser r, byte[] b) {
            dates.add(r.date);
            if (r.date < periodFrom || r.date > periodTo) {
                outside++;
                return null;
            }
            int pair = r.insured * 100 + r.treatment;
            acc.add(pair, r.fund, r.deduction);
            String inst = null;
            if (withDetails) {
                inst = new String(b, r.instStart, r.instEnd - r.instStart, StandardCharsets.UTF_8);
                acc.addDetail(pair, inst, r.fund, r.deduction);
            }
            accepted++;
            return inst;
        }

        /** Checks the rows held in the batch (before anything later is reported). */
        private void checkBatch() {
            batch.check(window, seenBefore);
        }

        /** A row of the batch whose id was seen before: taken out of the totals and reported. */
        private void seenBefore(WindowBatch b, int k) {
            uncount(b.date[k], b.pair[k], b.fund[k], b.deduction[k], withDetails ? b.institution[k] : null);
            duplicates++;
            problem(b.line[k], 0, CoreErrorCode.DUPLICATE_RECORD_ID, "record_id seen before");
        }

        /** Takes a row counted by {@link #count} out again: it was a duplicate. */
        private void uncount(CsvRowParser r, byte[] b) {
            uncount(r.date, r.insured * 100 + r.treatment, r.fund, r.deduction,
                    withDetails ? new String(b, r.instStart, r.instEnd - r.instStart, StandardCharsets.UTF_8) : null);
        }

        /** Takes a counted row out again, from its values ({@code institution} only with details). */
        private void uncount(int date, int pair, long fund, long deduction, String institution) {
            dates.remove(date);
            if (date < periodFrom || date > periodTo) {
                outside--;
                return;
            }
            acc.subtract(pair, fund, deduction);
            if (withDetails) {
                acc.subtractDetail(pair, institution, fund, deduction);
            }
            accepted--;
        }

        private void problem(long rowLine, int field, CoreErrorCode code, String message) {
            // the batch's rows come before this one: their duplicates are reported first
            checkBatch();
            CsvRowProblem p = new CsvRowProblem(file, rowLine, FIELDS[field], code.name(), message);
            if (mode == OnMalformed.STOP) {
                // so does a duplicate among the fingerprinted rows before this one
                CsvRowProblem earlier = firstDeferredDuplicate();
                throw new CsvRowException(earlier != null && earlier.line() < rowLine ? earlier : p);
            }
            if (problems.size() < listLimit) {
                problems.add(p);
            }
        }

        private RowSource source() {
            return rereadable != null ? new RowSource.FileSource(rereadable, path) : spool;
        }

        /** STOP mode: resolves the fingerprinted rows so far and returns the earliest duplicate. */
        private CsvRowProblem firstDeferredDuplicate() {
            if (deferred.size() == 0) {
                return null;
            }
            long[] first = {Long.MAX_VALUE, 0};
            deferred.resolve(source(), lineIndex, path, (dupLine, firstLine, r, b) -> {
                if (dupLine < first[0]) {
                    first[0] = dupLine;
                    first[1] = firstLine;
                }
            });
            spool = null;
            return first[0] == Long.MAX_VALUE ? null : duplicateProblem(first[0], first[1]);
        }

        private CsvRowProblem duplicateProblem(long dupLine, long firstLine) {
            return new CsvRowProblem(file, dupLine, FIELDS[0], CoreErrorCode.DUPLICATE_RECORD_ID.name(),
                    "record_id seen before, on line " + firstLine);
        }

        private CsvClearingResult finish() {
            checkBatch();
            long fingerprinted = deferred.size();
            if (mode == OnMalformed.STOP) {
                CsvRowProblem dup = firstDeferredDuplicate();
                if (dup != null) {
                    throw new CsvRowException(dup);
                }
            } else if (fingerprinted > 0) {
                // the listed duplicates: the earliest lines, at most listLimit of them
                PriorityQueue<long[]> latest = new PriorityQueue<>((a, b) -> Long.compare(b[0], a[0]));
                deferred.resolve(source(), lineIndex, path, (dupLine, firstLine, r, b) -> {
                    duplicates++;
                    uncount(r, b);
                    if (listLimit > 0 && (latest.size() < listLimit || dupLine < latest.peek()[0])) {
                        latest.add(new long[] {dupLine, firstLine});
                        if (latest.size() > listLimit) {
                            latest.poll();
                        }
                    }
                });
                spool = null;
                List<long[]> found = new ArrayList<>(latest);
                found.sort((a, b) -> Long.compare(a[0], b[0]));
                mergeProblems(found);
            }
            Map<Quarter, Long> byPeriod = dates.byPeriod();
            DuplicateCheckStats stats = new DuplicateCheckStats(window.exactIds(), fingerprinted, deferred.candidates(),
                    meter.peak(), temp.bytesWritten());
            return new CsvClearingResult(acc.toTotals(), accepted, skipped, duplicates, problems,
                    dates.first(periodFrom, periodTo), dates.last(periodFrom, periodTo), period, outside, byPeriod,
                    stats);
        }

        /** Merges the deferred duplicates (in line order) into the problems listed during the read. */
        private void mergeProblems(List<long[]> found) {
            List<CsvRowProblem> merged = new ArrayList<>(Math.min(listLimit, problems.size() + found.size()));
            int i = 0;
            int j = 0;
            while (merged.size() < listLimit && (i < problems.size() || j < found.size())) {
                if (j >= found.size() || (i < problems.size() && problems.get(i).line() < found.get(j)[0])) {
                    merged.add(problems.get(i++));
                } else {
                    merged.add(duplicateProblem(found.get(j)[0], found.get(j)[1]));
                    j++;
                }
            }
            problems.clear();
            problems.addAll(merged);
        }

        private void readHeader() throws IOException {
            fill();
            int end = newlineFrom(pos);
            while (end < 0 && !eof && lim < buf.length) {
                fill();
                end = newlineFrom(pos);
            }
            if (end < 0 && !eof) {
                throw new CsvRowException(new CsvRowProblem(file, 1, "header", CoreErrorCode.MALFORMED_ROW.name(),
                        "header line longer than " + BUFFER + " bytes"));
            }
            int stop = end < 0 ? lim : end;
            if (stop > pos && buf[stop - 1] == '\r') {
                stop--;
            }
            int from = pos;
            if (stop - from >= 3 && buf[from] == (byte) 0xEF && buf[from + 1] == (byte) 0xBB
                    && buf[from + 2] == (byte) 0xBF) {
                from += 3;
            }
            String header = new String(buf, from, Math.max(0, stop - from), StandardCharsets.UTF_8);
            if (!header.equals(HEADER)) {
                throw new CsvRowException(new CsvRowProblem(file, 1, "header", CoreErrorCode.MALFORMED_ROW.name(),
                        "header must be " + HEADER));
            }
            pos = end < 0 ? lim : end + 1;
            line = 1;
        }

        private void needMore() throws IOException {
            if (eof) {
                throw new IllegalStateException("parser asked for more data at end of file");
            }
            if (lim - pos >= buf.length) {
                checkBatch();
                throw new CsvRowException(new CsvRowProblem(file, line + 1, "record_id",
                        CoreErrorCode.MALFORMED_ROW.name(), "line longer than " + BUFFER + " bytes"));
            }
            fill();
        }

        private void fill() throws IOException {
            if (pos > 0) {
                System.arraycopy(buf, pos, buf, 0, lim - pos);
                lim -= pos;
                bufStart += pos;
                pos = 0;
            }
            while (lim < buf.length && !eof) {
                int n = in.read(buf, lim, buf.length - lim);
                if (n < 0) {
                    eof = true;
                } else {
                    if (spool != null) {
                        spool.write(buf, lim, n);
                    }
                    lim += n;
                }
            }
            if (progress != null) {
                progress.accept(bufStart + lim);
            }
        }

        /** Index after the next '\n' from {@code i}, {@code lim} at end of file, or -1. */
        private int lineEnd(int i) {
            int nl = newlineFrom(i);
            return nl >= 0 ? nl + 1 : eof ? lim : -1;
        }

        private int newlineFrom(int i) {
            for (; i < lim; i++) {
                if (buf[i] == '\n') {
                    return i;
                }
            }
            return -1;
        }
    }

    private static int toInt(java.time.LocalDate d) {
        return d.getYear() * 10000 + d.getMonthValue() * 100 + d.getDayOfMonth();
    }

    /** {@code yyyymmdd} of a valid ISO date at {@code i}, or -1 (kept for tests). */
    static int date(byte[] b, int i) {
        return CsvRowParser.date(b, i);
    }
}
