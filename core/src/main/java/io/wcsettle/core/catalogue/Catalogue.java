package io.wcsettle.core.catalogue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.wcsettle.core.error.CoreErrorCode;
import io.wcsettle.core.error.InvalidInputException;
import io.wcsettle.core.error.Inputs;
import io.wcsettle.core.money.UnitPrice;

/**
 * An immutable, versioned catalogue of codes, each version carrying an optional per-unit limit:
 * the maximum unit price of a treatment-place entry (R-SET-3, R-SET-7 {@code OVER_STANDARD}) or
 * the cap of an insured-place device (R-SET-4, {@code DEVICE_OVER_CAP}).
 *
 * <p>A code's versions never overlap; the version in force on a day is the one whose
 * {@code [from, until]} (both inclusive, {@code until} open when absent) contains it (R-SET-8).
 * A code with no version in force on that day is not in the catalogue.
 *
 * <p>Built once with {@link #builder()} (or {@link CatalogueCsv}); safe to share between threads.
 * {@link #limitOn(String, long)} does not allocate: an open-addressing table over the code
 * strings (whose hash codes {@link String} caches) points into flat arrays of versions.
 */
public final class Catalogue {

    /** {@link #limitOn} result: no version of the code is in force on that day. */
    public static final long NOT_LISTED = -1L;

    /** {@link #limitOn} result: the version in force has no limit (any price is paid in full). */
    public static final long NO_LIMIT = Long.MAX_VALUE;

    private static final Catalogue EMPTY = new Builder().build();

    private final String[] slots;
    private final int[] slotStart;
    private final int[] slotCount;
    private final int mask;
    private final int[] fromDay;
    private final int[] untilDay;
    private final long[] limit;
    private final int codes;

    private Catalogue(String[] slots, int[] slotStart, int[] slotCount, int[] fromDay, int[] untilDay,
                      long[] limit, int codes) {
        this.slots = slots;
        this.slotStart = slotStart;
        this.slotCount = slotCount;
        this.mask = slots.length - 1;
        this.fromDay = fromDay;
        this.untilDay = untilDay;
        this.limit = limit;
        this.codes = codes;
    }

    /** A catalogue without entries. */
    public static Catalogue empty() {
        return EMPTY;
    }

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Number of distinct codes. */
    public int size() {
        return codes;
    }

    /**
     * R-SET-8: the per-unit limit, in price micros (millionths of a yuan), of the version of
     * {@code code} in force on the day {@code epochDay} ({@link LocalDate#toEpochDay()});
     * {@link #NO_LIMIT} when that version has none; {@link #NOT_LISTED} when no version is in
     * force. Never allocates.
     */
    public long limitOn(String code, long epochDay) {
        int slot = find(code);
        if (slot < 0) {
            return NOT_LISTED;
        }
        int start = slotStart[slot];
        int end = start + slotCount[slot];
        for (int v = start; v < end; v++) {
            if (epochDay >= fromDay[v] && epochDay <= untilDay[v]) {
                return limit[v];
            }
        }
        return NOT_LISTED;
    }

    /** As {@link #limitOn(String, long)} for a date. */
    public long limitOn(String code, LocalDate day) {
        return limitOn(code, day.toEpochDay());
    }

    /** Whether a version of {@code code} is in force on {@code day}. */
    public boolean lists(String code, LocalDate day) {
        return limitOn(code, day) != NOT_LISTED;
    }

    private int find(String code) {
        int i = spread(code.hashCode()) & mask;
        while (true) {
            String k = slots[i];
            if (k == null) {
                return -1;
            }
            if (k.equals(code)) {
                return i;
            }
            i = (i + 1) & mask;
        }
    }

    private static int spread(int h) {
        return h ^ (h >>> 16) ^ (h >>> 7);
    }

    @Override
    public String toString() {
        return "Catalogue[" + codes + " codes]";
    }

    /**
     * Collects versions; {@link #build()} checks them and freezes the catalogue. Not thread-safe;
     * the catalogue it builds is.
     */
    public static final class Builder {

        private final Map<String, List<Version>> versions = new HashMap<>();

        private Builder() {
        }

        /**
         * Adds a version of {@code code}.
         *
         * @param code  catalogue code, non-empty
         * @param from  first day in force
         * @param until last day in force, or {@code null} while open
         * @param limit maximum unit price or cap per unit, or {@code null} for none
         * @throws InvalidInputException {@code INVALID_CATALOGUE} when {@code until} is before {@code from}
         *                               or the code is empty; {@code INVALID_INPUT} when {@code code} or
         *                               {@code from} is missing; {@code INVALID_DATE} for a year outside 1..9999
         */
        public Builder add(String code, LocalDate from, LocalDate until, UnitPrice limit) {
            Inputs.required(code, "code");
            Inputs.required(from, "from");
            if (code.isEmpty()) {
                throw new InvalidInputException(CoreErrorCode.INVALID_CATALOGUE, "code", "empty code");
            }
            int fromDay = epochDay(from, "from");
            int untilDay = until == null ? Integer.MAX_VALUE : epochDay(until, "until");
            if (untilDay < fromDay) {
                throw new InvalidInputException(CoreErrorCode.INVALID_CATALOGUE, code, "until before from");
            }
            versions.computeIfAbsent(code, c -> new ArrayList<>(1)).add(new Version(
                    fromDay, untilDay, limit == null ? NO_LIMIT : limit.micros()));
            return this;
        }

        /** Days of years 1..9999 fit an int; wider {@link LocalDate}s are refused. */
        private static int epochDay(LocalDate d, String field) {
            int year = d.getYear();
            if (year < 1 || year > 9999) {
                throw new InvalidInputException(CoreErrorCode.INVALID_DATE, field, "year outside 1..9999");
            }
            return (int) d.toEpochDay();
        }

        /**
         * The immutable catalogue.
         *
         * @throws InvalidInputException {@code INVALID_CATALOGUE} when two versions of a code overlap
         */
        public Catalogue build() {
            int n = versions.size();
            int capacity = Integer.highestOneBit(Math.max(4, n * 2 + 1) - 1) << 1;
            String[] slots = new String[capacity];
            int[] slotStart = new int[capacity];
            int[] slotCount = new int[capacity];
            int total = versions.values().stream().mapToInt(List::size).sum();
            int[] fromDay = new int[total];
            int[] untilDay = new int[total];
            long[] limit = new long[total];
            int next = 0;
            String[] codes = versions.keySet().toArray(new String[0]);
            Arrays.sort(codes); // deterministic layout
            for (String code : codes) {
                List<Version> vs = new ArrayList<>(versions.get(code));
                vs.sort((a, b) -> Integer.compare(a.from, b.from));
                for (int k = 1; k < vs.size(); k++) {
                    if (vs.get(k).from <= vs.get(k - 1).until) {
                        throw new InvalidInputException(CoreErrorCode.INVALID_CATALOGUE, code,
                                "versions overlap");
                    }
                }
                int slot = spread(code.hashCode()) & (capacity - 1);
                while (slots[slot] != null) {
                    slot = (slot + 1) & (capacity - 1);
                }
                slots[slot] = code;
                slotStart[slot] = next;
                slotCount[slot] = vs.size();
                for (Version v : vs) {
                    fromDay[next] = v.from;
                    untilDay[next] = v.until;
                    limit[next] = v.limit;
                    next++;
                }
            }
            return new Catalogue(slots, slotStart, slotCount, fromDay, untilDay, limit, n);
        }
    }

    private record Version(int from, int until, long limit) {
    }
}
