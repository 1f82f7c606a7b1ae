package io.wcsettle.benchmarks;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * Writes a clearing CSV of N confirmed monthly settlement records with a fixed seed: 31 mainland
 * provinces, skewed like real cross-province traffic (a few big receiving provinces: Beijing,
 * Shanghai, Guangdong, Zhejiang, Jiangsu take most treatment; insured places spread more evenly).
 *
 * <p>Usage: {@code java -cp benchmarks.jar io.wcsettle.benchmarks.ClearingFileGenerator ROWS FILE [SEED]}.
 */
public final class ClearingFileGenerator {

    /** The 31 mainland provinces (GB/T 2260 two-digit codes). */
    static final int[] PROVINCES = {11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37,
        41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63, 64, 65};

    /** Default seed: identical files on every machine. */
    public static final long SEED = 20251221L;

    private ClearingFileGenerator() {
    }

    /** Entry point: {@code ROWS FILE [SEED]}. */
    public static void main(String[] args) throws IOException {
        long rows = Long.parseLong(args[0]);
        write(Path.of(args[1]), rows, args.length > 2 ? Long.parseLong(args[2]) : SEED);
    }

    /** Writes {@code rows} records to {@code file}. */
    public static void write(Path file, long rows, long seed) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        double[] treatmentCdf = cdf(treatmentWeights());
        double[] insuredCdf = cdf(insuredWeights());
        byte[] line = new byte[128];
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
            out.write((io.wcsettle.core.clearing.ClearingCsvReader.HEADER + "\n").getBytes(StandardCharsets.US_ASCII));
            for (long id = 1; id <= rows; id++) {
                int t = pick(treatmentCdf, random.nextDouble());
                int i;
                do {
                    i = pick(insuredCdf, random.nextDouble());
                } while (i == t);
                int n = 0;
                n = putLong(line, n, id);
                line[n++] = ',';
                n = putAdmdvs(line, n, PROVINCES[i], random.nextInt(1, 20), random.nextInt(1, 30));
                line[n++] = ',';
                n = putAdmdvs(line, n, PROVINCES[t], random.nextInt(1, 20), random.nextInt(1, 30));
                line[n++] = ',';
                line[n++] = 'H';
                n = putPadded(line, n, PROVINCES[t], 2);
                n = putPadded(line, n, random.nextInt(0, 2000), 5);
                line[n++] = ',';
                n = putDate(line, n, random.nextInt(0, 91));
                line[n++] = ',';
                long fund = fundFen(random);
                n = putYuan(line, n, fund);
                line[n++] = ',';
                long deduction = random.nextInt(10) == 0 ? random.nextLong(0, fund / 10 + 1) : 0;
                n = putYuan(line, n, deduction);
                line[n++] = '\n';
                out.write(line, 0, n);
            }
        }
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
        java.time.LocalDate d = java.time.LocalDate.of(2025, 9, 21).plusDays(dayOfQuarter);
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
