package io.wcsettle.benchmarks;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import java.util.SplittableRandom;

import io.wcsettle.core.clearing.ClearingCsvReader;

/**
 * Writes a clearing CSV of N confirmed monthly settlement records with a fixed seed: 31 mainland
 * provinces, skewed like real cross-province traffic (a few big receiving provinces: Beijing,
 * Shanghai, Guangdong, Zhejiang, Jiangsu take most treatment; insured places spread more evenly).
 *
 * <p>Record ids come in the shapes of {@link IdShape}: the agency sequence the reader's bitmap was
 * built for, and the shapes it was not tuned for (shuffled sequence, sparse 18-digit numbers,
 * 13-character alphanumeric ids, the platform's 30-character {@code setl_id}). Every shape but
 * {@link IdShape#DENSE} is in shuffled order. A file can carry real duplicates: a row that repeats
 * the id of an earlier row, half of them an exact copy (a re-upload), half with another amount
 * and date (a corrected re-upload), so that "the first row with an id wins" is visible in the
 * totals. The number of duplicate rows is returned exactly.
 *
 * <p>Usage: {@code java -cp benchmarks.jar io.wcsettle.benchmarks.ClearingFileGenerator ROWS FILE
 * [SHAPE [DUPLICATES_PER_MILLION [SEED]]]}, e.g. {@code 5000000 q4.csv alnum30 1000}.
 */
public final class ClearingFileGenerator {

    /** The 31 mainland provinces (GB/T 2260 two-digit codes). */
    static final int[] PROVINCES = {11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37,
        41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63, 64, 65};

    /** Default seed: identical files on every machine. */
    public static final long SEED = 20251221L;

    private static final byte[] BASE36 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ".getBytes(StandardCharsets.US_ASCII);

    /** The shapes of record ids. */
    public enum IdShape {
        /** 1, 2, 3, … in file order: an agency sequence (the reader's bitmap fast path). */
        DENSE,
        /** The same numbers 1..N, in shuffled order. */
        DENSE_SHUFFLED,
        /** Random distinct 18-digit numbers. */
        SPARSE,
        /** 13 characters: {@code R}, the treatment province, 10 base-36 characters. */
        ALNUM13,
        /**
         * 30 characters like the platform's {@code setl_id} / {@code medins_setl_id}: institution
         * code (H + 11 digits), time {@code yyyyMMddHHmmss}, 4-digit sequence.
         */
        ALNUM30;

        /** Parses {@code dense}, {@code dense-shuffled}, … (case-insensitive). */
        public static IdShape parse(String s) {
            return valueOf(s.toUpperCase(Locale.ROOT).replace('-', '_'));
        }

        /** The name in lower case with dashes. */
        public String label() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /**
     * What was written.
     *
     * @param rows       data rows (lines after the header)
     * @param duplicates rows whose id repeats an earlier row's
     */
    public record Summary(long rows, long duplicates) {
    }

    private ClearingFileGenerator() {
    }

    /** Entry point: {@code ROWS FILE [SHAPE [DUPLICATES_PER_MILLION [SEED]]]}. */
    public static void main(String[] args) throws Exception {
        Args.main("ClearingFileGenerator ROWS FILE [SHAPE [DUPLICATES_PER_MILLION [SEED]]]", args, a -> {
            if (a.length < 2 || a.length > 5) {
                throw new Args.UsageException("expected 2 to 5 arguments, got " + a.length);
            }
            long rows = Args.number("ROWS", a[0], 1, Long.MAX_VALUE);
            IdShape shape = a.length > 2 ? Args.shape(a[2]) : IdShape.DENSE;
            int perMillion = a.length > 3 ? (int) Args.number("DUPLICATES_PER_MILLION", a[3], 0, 1_000_000) : 0;
            long seed = a.length > 4 ? Args.number("SEED", a[4], Long.MIN_VALUE, Long.MAX_VALUE) : SEED;
            Summary s = write(Path.of(a[1]), rows, seed, shape, perMillion);
            System.out.println(s.rows() + " rows, " + s.duplicates() + " duplicates, ids " + shape.label());
        });
    }

    /** Writes {@code rows} records with dense sequential ids and no duplicates. */
    public static void write(Path file, long rows, long seed) throws IOException {
        write(file, rows, seed, IdShape.DENSE, 0);
    }

    /**
     * Writes {@code rows} data rows with ids of {@code shape}, about {@code duplicatesPerMillion}
     * of them repeating an earlier row's id.
     */
    public static Summary write(Path file, long rows, long seed, IdShape shape, int duplicatesPerMillion)
            throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        Rows gen = new Rows(seed, rows, shape);
        byte[] line = new byte[160];
        long fresh = 0;
        long duplicates = 0;
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
            out.write((ClearingCsvReader.HEADER + "\n").getBytes(StandardCharsets.US_ASCII));
            for (long r = 0; r < rows; r++) {
                int n;
                if (fresh > 100 && random.nextInt(1_000_000) < duplicatesPerMillion) {
                    long of = random.nextLong(fresh);
                    n = gen.line(line, of, random.nextBoolean());
                    duplicates++;
                } else {
                    n = gen.line(line, fresh++, false);
                }
                out.write(line, 0, n);
            }
        }
        return new Summary(rows, duplicates);
    }

    /** The content of the row with fresh index {@code k}: a pure function of (seed, k). */
    private static final class Rows {
        private final long seed;
        private final long rows;
        private final IdShape shape;
        private final double[] treatmentCdf = cdf(treatmentWeights());
        private final double[] insuredCdf = cdf(insuredWeights());
        private final int denseBits;

        Rows(long seed, long rows, IdShape shape) {
            this.seed = seed;
            this.rows = rows;
            this.shape = shape;
            this.denseBits = 64 - Long.numberOfLeadingZeros(Math.max(2, rows));
        }

        /** Writes the row of fresh index {@code k} (a corrected copy when {@code altered}). */
        int line(byte[] line, long k, boolean altered) {
            SplittableRandom random = new SplittableRandom(seed ^ (k * 0x9E3779B97F4A7C15L));
            int t = pick(treatmentCdf, random.nextDouble());
            int i;
            do {
                i = pick(insuredCdf, random.nextDouble());
            } while (i == t);
            int n = id(line, 0, k, PROVINCES[t], random);
            line[n++] = ',';
            n = putAdmdvs(line, n, PROVINCES[i], random.nextInt(1, 20), random.nextInt(1, 30));
            line[n++] = ',';
            n = putAdmdvs(line, n, PROVINCES[t], random.nextInt(1, 20), random.nextInt(1, 30));
            line[n++] = ',';
            line[n++] = 'H';
            n = putPadded(line, n, PROVINCES[t], 2);
            n = putPadded(line, n, random.nextInt(0, 2000), 5);
            line[n++] = ',';
            int day = random.nextInt(0, 91);
            long fund = fundFen(random);
            long deduction = random.nextInt(10) == 0 ? random.nextLong(0, fund / 10 + 1) : 0;
            if (altered) {
                day = (day + 7) % 91;
                fund += 100;
            }
            n = putDate(line, n, day);
            line[n++] = ',';
            n = putYuan(line, n, fund);
            line[n++] = ',';
            n = putYuan(line, n, deduction);
            line[n++] = '\n';
            return n;
        }

        private int id(byte[] b, int n, long k, int province, SplittableRandom random) {
            switch (shape) {
                case DENSE:
                    return putLong(b, n, k + 1);
                case DENSE_SHUFFLED: {
                    // a bijection of [0, rows) by cycle-walking a bijection of [0, 2^bits)
                    long x = k;
                    do {
                        x = scramble(x, denseBits, seed);
                    } while (x >= rows);
                    return putLong(b, n, x + 1);
                }
                case SPARSE:
                    return putLong(b, n, 100_000_000_000_000_000L + scramble(k, 59, seed));
                case ALNUM13: {
                    b[n++] = 'R';
                    n = putPadded(b, n, province, 2);
                    long x = scramble(k, 51, seed);
                    for (int d = 9; d >= 0; d--) {
                        b[n + d] = BASE36[(int) (x % 36)];
                        x /= 36;
                    }
                    return n + 10;
                }
                case ALNUM30: {
                    b[n++] = 'H';
                    n = putPadded(b, n, province, 2);
                    n = putPadded(b, n, random.nextInt(1, 20), 2);
                    n = putPadded(b, n, random.nextInt(0, 10_000_000), 7);
                    long x = scramble(k, 33, seed); // distinct (time, sequence) per row
                    java.time.LocalDateTime at = java.time.LocalDateTime.of(2025, 9, 21, 0, 0).plusSeconds(x / 10_000);
                    n = putPadded(b, n, at.getYear(), 4);
                    n = putPadded(b, n, at.getMonthValue(), 2);
                    n = putPadded(b, n, at.getDayOfMonth(), 2);
                    n = putPadded(b, n, at.getHour(), 2);
                    n = putPadded(b, n, at.getMinute(), 2);
                    n = putPadded(b, n, at.getSecond(), 2);
                    return putPadded(b, n, (int) (x % 10_000), 4);
                }
                default:
                    throw new IllegalStateException(shape.name());
            }
        }
    }

    /** A bijection of {@code [0, 2^bits)}: odd multiplications and xor-shifts, keyed by the seed. */
    static long scramble(long x, int bits, long seed) {
        long mask = bits == 64 ? -1L : (1L << bits) - 1;
        int half = Math.max(1, bits / 2);
        x = (x ^ (seed & mask)) & mask;
        x = (x * 0x9E3779B97F4A7C15L) & mask;
        x ^= x >>> half;
        x = (x * 0xC2B2AE3D27D4EB4FL) & mask;
        x ^= x >>> half;
        x = (x * 0x165667B19E3779F9L) & mask;
        x ^= x >>> half;
        return x;
    }

    private static long fundFen(SplittableRandom r) {
        // log-uniform between 100 yuan and 200,000 yuan
        double yuan = 100 * Math.pow(2000, r.nextDouble());
        return (long) (yuan * 100);
    }

    private static double[] treatmentWeights() {
        double[] w = new double[PROVINCES.length];
        for (int k = 0; k < w.length; k++) {
            w[k] = 1;
        }
        w[index(11)] = 40;
        w[index(31)] = 30;
        w[index(44)] = 20;
        w[index(33)] = 10;
        w[index(32)] = 8;
        w[index(43)] = 4;
        return w;
    }

    private static double[] insuredWeights() {
        double[] w = new double[PROVINCES.length];
        for (int k = 0; k < w.length; k++) {
            w[k] = 1 + (k % 5);
        }
        return w;
    }

    private static int index(int province) {
        for (int k = 0; k < PROVINCES.length; k++) {
            if (PROVINCES[k] == province) {
                return k;
            }
        }
        throw new IllegalArgumentException("province " + province);
    }

    private static double[] cdf(double[] w) {
        double sum = 0;
        for (double x : w) {
            sum += x;
        }
        double[] c = new double[w.length];
        double acc = 0;
        for (int k = 0; k < w.length; k++) {
            acc += w[k] / sum;
            c[k] = acc;
        }
        c[w.length - 1] = 1.0;
        return c;
    }

    private static int pick(double[] cdf, double u) {
        for (int k = 0; k < cdf.length; k++) {
            if (u < cdf[k]) {
                return k;
            }
        }
        return cdf.length - 1;
    }

    private static int putAdmdvs(byte[] b, int n, int province, int city, int county) {
        n = putPadded(b, n, province, 2);
        n = putPadded(b, n, city, 2);
        return putPadded(b, n, county, 2);
    }

    private static int putDate(byte[] b, int n, int dayOfQuarter) {
        // confirmation dates of Q4 2025: 2025-09-21 .. 2025-12-20
        LocalDate d = LocalDate.of(2025, 9, 21).plusDays(dayOfQuarter);
        n = putPadded(b, n, d.getYear(), 4);
        b[n++] = '-';
        n = putPadded(b, n, d.getMonthValue(), 2);
        b[n++] = '-';
        return putPadded(b, n, d.getDayOfMonth(), 2);
    }

    private static int putYuan(byte[] b, int n, long fen) {
        n = putLong(b, n, fen / 100);
        b[n++] = '.';
        return putPadded(b, n, (int) (fen % 100), 2);
    }

    private static int putPadded(byte[] b, int n, int v, int width) {
        for (int k = width - 1; k >= 0; k--) {
            b[n + k] = (byte) ('0' + v % 10);
            v /= 10;
        }
        return n + width;
    }

    private static int putLong(byte[] b, int n, long v) {
        int start = n;
        do {
            b[n++] = (byte) ('0' + v % 10);
            v /= 10;
        } while (v > 0);
        for (int x = start, y = n - 1; x < y; x++, y--) {
            byte t = b[x];
            b[x] = b[y];
            b[y] = t;
        }
        return n;
    }
}
