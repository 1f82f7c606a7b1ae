package io.wcsettle.core.clearing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import io.wcsettle.core.error.CoreErrorCode;
import io.wcsettle.core.region.Admdvs;

/**
 * Clears a CSV file of confirmed monthly settlement records in one streaming pass, in constant
 * memory apart from the record-id set (see {@code RecordIdSet}: ≈ 1 bit per sequential numeric id).
 *
 * <p>Format: UTF-8/ASCII, comma-separated, no quoting (no field may contain a comma or quote),
 * {@code \n} or {@code \r\n} line ends, this exact header:
 * <pre>record_id,insured_admdvs,treatment_admdvs,institution_code,confirmed_on,fund_paid,deduction</pre>
 * Amounts are non-negative yuan with at most 2 decimals; dates ISO {@code yyyy-MM-dd}; the two
 * admdvs must be in different provinces (R-CLR-1). Pairs are aggregated by province (R-CLR-5).
 *
 * <p>A malformed row is, by the caller's choice ({@link OnMalformed}), either refused with a
 * {@link CsvRowException} naming file, line and field, or skipped, counted and listed in the
 * result. A repeated {@code record_id} is treated the same way (code {@code DUPLICATE_RECORD_ID}):
 * the repeat is never aggregated. A line longer than 64 KiB or a wrong header always stops.
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
    private static final long MAX_FEN = 10_000_000_000_000_000L; // 16 digits of fen
    private static final boolean[] PROVINCES = new boolean[100];
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    static {
        for (int p = 0; p < 100; p++) {
            PROVINCES[p] = Admdvs.isValid(String.format("%02d0000", p));
        }
    }

    private final OnMalformed mode;
    private final boolean withDetails;
    private final int listLimit;

    /** A reader in {@code mode}, without institution details, listing up to 10,000 problems. */
    public ClearingCsvReader(OnMalformed mode) {
        this(mode, false, 10_000);
    }

    /**
     * @param mode        stop or skip-and-report
     * @param withDetails also collect payment and audit-deduction details per institution (memory
     *                    grows with the number of institutions)
     * @param listLimit   how many problems the result lists; counts stay exact beyond it
     */
    public ClearingCsvReader(OnMalformed mode, boolean withDetails, int listLimit) {
        this.mode = Objects.requireNonNull(mode, "mode");
        this.withDetails = withDetails;
        if (listLimit < 0) {
            throw new IllegalArgumentException("listLimit < 0");
        }
        this.listLimit = listLimit;
    }

    /** Clears {@code file}; problems name it by its file name. */
    public CsvClearingResult read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return read(String.valueOf(file.getFileName()), in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Clears the CSV in {@code in} (not closed); problems name it {@code fileName}. */
    public CsvClearingResult read(String fileName, InputStream in) {
        try {
            return new Run(fileName, in).run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The state of one read. */
    private final class Run {
        private final String file;
        private final InputStream in;
        private final byte[] buf = new byte[BUFFER];
        private int pos;
        private int lim;
        private boolean eof;
        private long line;

        private final ClearingTotals.Accumulator acc = new ClearingTotals.Accumulator(withDetails);
        private final RecordIdSet ids = new RecordIdSet();
        private final List<CsvRowProblem> problems = new ArrayList<>();
        private long accepted;
        private long skipped;
        private long duplicates;
        private int minDate = Integer.MAX_VALUE;
        private int maxDate = Integer.MIN_VALUE;

        // fields of the row being parsed
        private long idNumber;
        private boolean idNumeric;
        private long idHash;
        private int insured;
        private int treatment;
        private int instStart;
        private int instEnd;
        private int date;
        private long fund;
        private long deduction;
        private int errField;
        private CoreErrorCode errCode;
        private String errMessage;

        Run(String file, InputStream in) {
            this.file = file;
            this.in = in;
        }

        CsvClearingResult run() throws IOException {
            readHeader();
            while (true) {
                if (lim - pos < MIN_WINDOW && !eof) {
                    fill();
                }
                if (pos >= lim) {
                    break;
                }
                if (buf[pos] == '\n' || (buf[pos] == '\r' && pos + 1 < lim && buf[pos + 1] == '\n')) {
                    pos += buf[pos] == '\n' ? 1 : 2; // a blank line carries no record
                    line++;
                    continue;
                }
                int next = parseRow(pos);
                if (next == NEED_MORE) {
                    needMore();
                    continue;
                }
                line++;
                if (next == ERROR) {
                    int end = lineEnd(pos);
                    if (end < 0) {
                        line--;
                        needMore();
                        continue;
                    }
                    pos = end;
                    problem(errField, errCode, errMessage);
                    skipped++;
                    continue;
                }
                pos = next;
                accept();
            }
            return new CsvClearingResult(acc.toTotals(), accepted, skipped, duplicates, problems,
                    minDate == Integer.MAX_VALUE ? null : toDate(minDate),
                    maxDate == Integer.MIN_VALUE ? null : toDate(maxDate));
        }

        private void accept() {
            boolean fresh = idNumeric ? ids.addNumeric(idNumber) : ids.addHashed(idHash);
            if (!fresh) {
                duplicates++;
                problem(0, CoreErrorCode.DUPLICATE_RECORD_ID, "record_id seen before");
                return;
            }
            int pair = insured * 100 + treatment;
            acc.add(pair, fund, deduction);
            if (withDetails) {
                acc.addDetail(pair, new String(buf, instStart, instEnd - instStart, StandardCharsets.UTF_8),
                        fund, deduction);
            }
            if (date < minDate) {
                minDate = date;
            }
            if (date > maxDate) {
                maxDate = date;
            }
            accepted++;
        }

        private void problem(int field, CoreErrorCode code, String message) {
            CsvRowProblem p = new CsvRowProblem(file, line, FIELDS[field], code.name(), message);
            if (mode == OnMalformed.STOP) {
                throw new CsvRowException(p);
            }
            if (problems.size() < listLimit) {
                problems.add(p);
            }
        }

        private void readHeader() throws IOException {
            fill();
            int end = lineEnd(pos);
            while (end < 0 && !eof && lim < buf.length) {
                fill();
                end = lineEnd(pos);
            }
            line = 1;
            int stop = end < 0 ? lim : end - 1;
            if (stop > pos && buf[stop - 1] == '\r') {
                stop--;
            }
            String header = new String(buf, pos, Math.max(0, stop - pos), StandardCharsets.UTF_8);
            if (header.startsWith("\uFEFF")) {
                header = header.substring(1);
            }
            if (!header.equals(HEADER)) {
                throw new CsvRowException(new CsvRowProblem(file, 1, "header", CoreErrorCode.MALFORMED_ROW.name(),
                        "header must be " + HEADER));
            }
            pos = end < 0 ? lim : end;
        }

        private void needMore() throws IOException {
            if (eof) {
                throw new IllegalStateException("parser asked for more data at end of file");
            }
            if (lim - pos >= buf.length) {
                throw new CsvRowException(new CsvRowProblem(file, line + 1, "record_id",
                        CoreErrorCode.MALFORMED_ROW.name(), "line longer than " + BUFFER + " bytes"));
            }
            fill();
        }

        private void fill() throws IOException {
            if (pos > 0) {
                System.arraycopy(buf, pos, buf, 0, lim - pos);
                lim -= pos;
                pos = 0;
            }
            while (lim < buf.length && !eof) {
                int n = in.read(buf, lim, buf.length - lim);
                if (n < 0) {
                    eof = true;
                } else {
                    lim += n;
                }
            }
        }

        /** Index after the next '\n' from {@code i}, {@code lim} at end of file, or -1. */
        private int lineEnd(int i) {
            for (; i < lim; i++) {
                if (buf[i] == '\n') {
                    return i + 1;
                }
            }
            return eof ? lim : -1;
        }

        private static final int NEED_MORE = -1;
        private static final int ERROR = -2;

        private int fail(int field, CoreErrorCode code, String message) {
            errField = field;
            errCode = code;
            errMessage = message;
            return ERROR;
        }

        /** Parses the row at {@code i}: index after its line end, {@link #NEED_MORE} or {@link #ERROR}. */
        private int parseRow(int i) {
            final byte[] b = buf;
            final int end = lim;
            // record_id
            int start = i;
            byte c;
            if (i + 8 <= end) {
                // fast path: a numeric id of 1..7 digits followed by ',' parsed 8 bytes at once
                long x = (long) LONGS.get(b, i) - 0x3030303030303030L;
                long nonDigit = (x | (x + 0x7676767676767676L)) & 0x8080808080808080L;
                int len = Long.numberOfTrailingZeros(nonDigit) >>> 3;
                if (len > 0 && len < 8 && b[i + len] == ',' && (b[i] != '0' || len == 1)) {
                    long v = x << (8 * (8 - len));
                    v = v * 10 + (v >>> 8);
                    v = (((v & 0x000000FF000000FFL) * (100 + (1000000L << 32)))
                            + (((v >>> 16) & 0x000000FF000000FFL) * (1 + (10000L << 32)))) >>> 32;
                    idNumeric = true;
                    idNumber = v;
                    i += len + 1;
                    return parseRest(b, i, end);
                }
            }
            long num = 0;
            boolean numeric = true;
            while (true) {
                if (i >= end) {
                    return eof ? fail(1, CoreErrorCode.MALFORMED_ROW, "missing field") : NEED_MORE;
                }
                c = b[i];
                int digit = c - '0';
                if (digit >= 0 && digit <= 9) {
                    num = num * 10 + digit;
                    i++;
                    continue;
                }
                if (c == ',') {
                    break;
                }
                if (c == '\n' || c == '\r') {
                    return fail(1, CoreErrorCode.MALFORMED_ROW, "missing field");
                }
                numeric = false;
                i++;
            }
            int len = i - start;
            if (len == 0) {
                return fail(0, CoreErrorCode.MALFORMED_ROW, "empty");
            }
            idNumeric = numeric && len <= 18 && (b[start] != '0' || len == 1); // "007" is not "7"
            idNumber = num;
            if (!idNumeric) {
                long hash = 0xcbf29ce484222325L; // FNV-1a 64, only for non-numeric ids
                for (int k = start; k < i; k++) {
                    hash = (hash ^ b[k]) * 0x100000001b3L;
                }
                idHash = hash ^ (hash >>> 29);
            }
            return parseRest(b, i + 1, end);
        }

        /** Parses the row from {@code insured_admdvs} on. */
        private int parseRest(byte[] b, int i, int end) {
            int start;
            byte c;
            // insured_admdvs, treatment_admdvs
            int r = admdvs(b, i, end, 1);
            if (r < 0) {
                return r;
            }
            insured = r;
            i += 7;
            r = admdvs(b, i, end, 2);
            if (r < 0) {
                return r;
            }
            treatment = r;
            i += 7;
            if (insured == treatment) {
                return fail(2, CoreErrorCode.NOT_CROSS_PROVINCE, "insured and treatment in the same province");
            }
            // institution_code: 8 bytes at a time while the buffer allows, looking for ',' or '\n'
            start = i;
            while (i + 8 <= end) {
                long word = (long) LONGS.get(b, i);
                long comma = word ^ 0x2C2C2C2C2C2C2C2CL;
                long newline = word ^ 0x0A0A0A0A0A0A0A0AL;
                long hit = ((comma - 0x0101010101010101L) & ~comma | (newline - 0x0101010101010101L) & ~newline)
                        & 0x8080808080808080L;
                if (hit != 0) {
                    i += Long.numberOfTrailingZeros(hit) >>> 3;
                    break;
                }
                i += 8;
            }
            while (true) {
                if (i >= end) {
                    return eof ? fail(4, CoreErrorCode.MALFORMED_ROW, "missing field") : NEED_MORE;
                }
                c = b[i];
                if (c > '"') {
                    if (c == ',') {
                        break;
                    }
                    i++;
                    continue;
                }
                if (c == '\n' || c == '\r' || c == '"') {
                    return fail(3, CoreErrorCode.MALFORMED_ROW, c == '"' ? "quotes not supported" : "missing fields");
                }
                i++;
            }
            if (i == start) {
                return fail(3, CoreErrorCode.MALFORMED_ROW, "empty");
            }
            instStart = start;
            instEnd = i;
            i++;
            // confirmed_on
            if (i + 11 > end) {
                if (!eof) {
                    return NEED_MORE;
                }
                return fail(4, CoreErrorCode.INVALID_DATE, "not yyyy-MM-dd");
            }
            int d = date(b, i);
            if (d < 0 || b[i + 10] != ',') {
                return fail(4, CoreErrorCode.INVALID_DATE, "not yyyy-MM-dd");
            }
            date = d;
            i += 11;
            // fund_paid, deduction
            r = amount(b, i, end, 5, ',');
            if (r < 0) {
                return r;
            }
            fund = amountValue;
            i = r;
            r = amount(b, i, end, 6, '\n');
            if (r < 0) {
                return r;
            }
            deduction = amountValue;
            return r;
        }

        private int admdvs(byte[] b, int i, int end, int field) {
            if (i + 8 <= end) {
                // fast path: six ASCII digits followed by ',' checked 8 bytes at once
                long x = (long) LONGS.get(b, i) - 0x0000303030303030L;
                if (((x | (x + 0x0000767676767676L)) & 0x0000808080808080L) == 0 && (x >>> 48 & 0xFF) == ',') {
                    int p = (int) (x & 0xFF) * 10 + (int) (x >>> 8 & 0xFF);
                    return PROVINCES[p] ? p : fail(field, CoreErrorCode.INVALID_ADMDVS, "unknown province");
                }
            }
            if (i + 7 > end) {
                if (!eof) {
                    return NEED_MORE;
                }
                return fail(field, CoreErrorCode.INVALID_ADMDVS, "not six digits");
            }
            int p = 0;
            for (int k = 0; k < 6; k++) {
                int digit = b[i + k] - '0';
                if (digit < 0 || digit > 9) {
                    return fail(field, CoreErrorCode.INVALID_ADMDVS, "not six digits");
                }
                if (k < 2) {
                    p = p * 10 + digit;
                }
            }
            if (b[i + 6] != ',') {
                return fail(field, CoreErrorCode.INVALID_ADMDVS, "not six digits");
            }
            if (!PROVINCES[p]) {
                return fail(field, CoreErrorCode.INVALID_ADMDVS, "unknown province");
            }
            return p;
        }

        private long amountValue;

        /**
         * Parses a yuan amount ending with {@code terminator} (for the last field: a line end or
         * end of file); returns the index after the terminator.
         */
        private int amount(byte[] b, int i, int end, int field, char terminator) {
            // fast path for the common shape: 1..14 integer digits, '.', 1..2 decimals, terminator
            int start = i;
            long v = 0;
            int d;
            while (i < end && (d = b[i] - '0') >= 0 && d <= 9) {
                v = v * 10 + d;
                i++;
            }
            int intDigits = i - start;
            if (intDigits > 0 && intDigits <= 14 && i + 3 < end && b[i] == '.') {
                int d1 = b[i + 1] - '0';
                int d2 = b[i + 2] - '0';
                if (d1 >= 0 && d1 <= 9) {
                    int after;
                    if (d2 >= 0 && d2 <= 9) {
                        v = v * 100 + d1 * 10 + d2;
                        after = i + 3;
                    } else {
                        v = v * 100 + d1 * 10;
                        after = i + 2;
                    }
                    byte t = b[after];
                    if (t == terminator) {
                        amountValue = v;
                        return after + 1;
                    }
                }
            }
            return amountSlow(b, start, end, field, terminator);
        }

        private int amountSlow(byte[] b, int i, int end, int field, char terminator) {
            long v = 0;
            int intDigits = 0;
            int frac = -1;
            while (true) {
                if (i >= end) {
                    if (!eof) {
                        return NEED_MORE;
                    }
                    if (terminator != '\n') {
                        return fail(field + 1, CoreErrorCode.MALFORMED_ROW, "missing field");
                    }
                    break;
                }
                byte c = b[i];
                if (c >= '0' && c <= '9') {
                    if (frac >= 0) {
                        if (++frac > 2) {
                            return fail(field, CoreErrorCode.INVALID_AMOUNT, "more than 2 decimals");
                        }
                    } else {
                        intDigits++;
                    }
                    v = v * 10 + (c - '0');
                    if (v >= MAX_FEN) {
                        return fail(field, CoreErrorCode.INVALID_AMOUNT, "too large");
                    }
                    i++;
                    continue;
                }
                if (c == '.' && frac < 0) {
                    frac = 0;
                    i++;
                    continue;
                }
                if (terminator == ',' && c == ',') {
                    i++;
                    break;
                }
                if (terminator == '\n') {
                    if (c == '\n') {
                        i++;
                        break;
                    }
                    if (c == '\r') {
                        if (i + 1 >= end && !eof) {
                            return NEED_MORE;
                        }
                        if (i + 1 >= end || b[i + 1] == '\n') {
                            i += Math.min(2, end - i);
                            break;
                        }
                    }
                    if (c == ',') {
                        return fail(field, CoreErrorCode.MALFORMED_ROW, "extra fields after the last column");
                    }
                } else if (c == '\n' || c == '\r') {
                    return fail(field + 1, CoreErrorCode.MALFORMED_ROW, "missing field");
                }
                return fail(field, CoreErrorCode.INVALID_AMOUNT, c == '-' ? "negative" : "not a decimal");
            }
            if (intDigits == 0 || frac == 0) {
                return fail(field, CoreErrorCode.INVALID_AMOUNT, "not a decimal");
            }
            int scale = frac < 0 ? 0 : frac;
            for (int k = scale; k < 2; k++) {
                v *= 10;
            }
            if (v >= MAX_FEN) {
                return fail(field, CoreErrorCode.INVALID_AMOUNT, "too large");
            }
            amountValue = v;
            return i;
        }
    }

    /** {@code yyyymmdd} of a valid ISO date at {@code i}, or -1. */
    static int date(byte[] b, int i) {
        if (i + 8 <= b.length) {
            // fast path: "yyyy-MM-" as one long: digits become 0..9, dashes 0
            long x = (long) LONGS.get(b, i) - 0x2D30302D30303030L;
            if (((x | (x + 0x7676767676767676L)) & 0x8080808080808080L) == 0 && (x & 0xFF0000FF00000000L) == 0) {
                int d0 = b[i + 8] - '0';
                int d1 = b[i + 9] - '0';
                if (d0 < 0 || d0 > 9 || d1 < 0 || d1 > 9) {
                    return -1;
                }
                int y = (int) (x & 0xFF) * 1000 + (int) (x >>> 8 & 0xFF) * 100 + (int) (x >>> 16 & 0xFF) * 10
                        + (int) (x >>> 24 & 0xFF);
                int m = (int) (x >>> 40 & 0xFF) * 10 + (int) (x >>> 48 & 0xFF);
                int d = d0 * 10 + d1;
                if (y == 0 || m < 1 || m > 12 || d < 1 || (d > 28 && d > daysInMonth(y, m))) {
                    return -1;
                }
                return y * 10000 + m * 100 + d;
            }
        }
        if (b[i + 4] != '-' || b[i + 7] != '-') {
            return -1;
        }
        int y = 0;
        for (int k = 0; k < 4; k++) {
            int d = b[i + k] - '0';
            if (d < 0 || d > 9) {
                return -1;
            }
            y = y * 10 + d;
        }
        int m0 = b[i + 5] - '0';
        int m1 = b[i + 6] - '0';
        int d0 = b[i + 8] - '0';
        int d1 = b[i + 9] - '0';
        if (m0 < 0 || m0 > 9 || m1 < 0 || m1 > 9 || d0 < 0 || d0 > 9 || d1 < 0 || d1 > 9) {
            return -1;
        }
        int m = m0 * 10 + m1;
        int d = d0 * 10 + d1;
        if (y == 0 || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) {
            return -1;
        }
        return y * 10000 + m * 100 + d;
    }

    private static int daysInMonth(int y, int m) {
        switch (m) {
            case 2:
                return (y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)) ? 29 : 28;
            case 4: case 6: case 9: case 11:
                return 30;
            default:
                return 31;
        }
    }

    private static LocalDate toDate(int yyyymmdd) {
        return LocalDate.of(yyyymmdd / 10000, yyyymmdd / 100 % 100, yyyymmdd % 100);
    }
}
