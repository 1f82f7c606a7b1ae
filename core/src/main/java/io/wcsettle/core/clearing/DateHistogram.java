package io.wcsettle.core.clearing;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Rows per confirmation date, so that the first and last date and the rows per clearing period
 * stay exact when duplicates found at the end of a read are taken out again. One page of 366
 * counters per calendar year that occurs (≈ 3 KiB), allocated on first use: the memory depends
 * on the years in the file (one or two in practice), never on its length.
 */
final class DateHistogram {

    private static final int[] MONTH_START = new int[13];

    static {
        int[] days = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
        for (int m = 1; m <= 12; m++) {
            MONTH_START[m] = m == 1 ? 0 : MONTH_START[m - 1] + days[m - 2];
        }
    }

    private static final long PAGE_BYTES = 366 * 8 + 16 + 64;

    private final Map<Integer, long[]> years = new HashMap<>();
    private final MemoryMeter meter;
    private int minYear = Integer.MAX_VALUE;
    private int maxYear = Integer.MIN_VALUE;
    private int lastYear = -1;
    private long[] lastPage;

    DateHistogram(MemoryMeter meter) {
        this.meter = meter;
    }

    private static int slot(int yyyymmdd) {
        return MONTH_START[yyyymmdd / 100 % 100] + yyyymmdd % 100 - 1;
    }

    /** Counts one row confirmed on {@code yyyymmdd}. */
    void add(int yyyymmdd) {
        int y = yyyymmdd / 10000;
        long[] page = y == lastYear ? lastPage : page(y);
        page[slot(yyyymmdd)]++;
    }

    private long[] page(int y) {
        long[] page = years.get(y);
        if (page == null) {
            page = new long[366];
            years.put(y, page);
            meter.reserve(PAGE_BYTES);
            minYear = Math.min(minYear, y);
            maxYear = Math.max(maxYear, y);
        }
        lastYear = y;
        lastPage = page;
        return page;
    }

    /** Takes back one row counted by {@link #add}. */
    void remove(int yyyymmdd) {
        page(yyyymmdd / 10000)[slot(yyyymmdd)]--;
    }

    /** Earliest date with rows in {@code [from, to]} (inclusive, as {@code yyyymmdd}), or null. */
    LocalDate first(int from, int to) {
        for (int y = Math.max(from / 10000, minYear); y <= Math.min(to / 10000, maxYear); y++) {
            long[] page = years.get(y);
            if (page != null) {
                for (int m = 1; m <= 12; m++) {
                    for (int d = 1; d <= 31; d++) {
                        LocalDate hit = hit(page, y, m, d, from, to);
                        if (hit != null) {
                            return hit;
                        }
                    }
                }
            }
        }
        return null;
    }

    /** Latest date with rows in {@code [from, to]}, or null. */
    LocalDate last(int from, int to) {
        for (int y = Math.min(to / 10000, maxYear); y >= Math.max(from / 10000, minYear); y--) {
            long[] page = years.get(y);
            if (page != null) {
                for (int m = 12; m >= 1; m--) {
                    for (int d = 31; d >= 1; d--) {
                        LocalDate hit = hit(page, y, m, d, from, to);
                        if (hit != null) {
                            return hit;
                        }
                    }
                }
            }
        }
        return null;
    }

    private static LocalDate hit(long[] page, int y, int m, int d, int from, int to) {
        int key = y * 10000 + m * 100 + d;
        if (key < from || key > to || d > CsvRowParser.daysInMonth(y, m) || page[slot(key)] == 0) {
            return null;
        }
        return LocalDate.of(y, m, d);
    }

    /** Rows per clearing period (R-CLR-2), periods without rows left out. */
    Map<Quarter, Long> byPeriod() {
        Map<Quarter, Long> out = new TreeMap<>();
        for (Map.Entry<Integer, long[]> e : years.entrySet()) {
            int y = e.getKey();
            long[] page = e.getValue();
            for (int m = 1; m <= 12; m++) {
                for (int d = 1; d <= CsvRowParser.daysInMonth(y, m); d++) {
                    long n = page[MONTH_START[m] + d - 1];
                    if (n != 0) {
                        out.merge(Quarter.containing(LocalDate.of(y, m, d)), n, Long::sum);
                    }
                }
            }
        }
        return out;
    }
}
