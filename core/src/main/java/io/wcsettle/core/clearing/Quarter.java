package io.wcsettle.core.clearing;

import java.time.LocalDate;
import java.util.Objects;

import io.wcsettle.core.error.CoreErrorCode;
import io.wcsettle.core.error.InvalidInputException;

/**
 * A clearing quarter (IM Art. 38), e.g. Q4 2025.
 *
 * @param year    the calendar year of the quarter
 * @param quarter 1..4
 */
public record Quarter(int year, int quarter) implements Comparable<Quarter> {

    /** The generation day of every quarter's tables is the 21st of its last month (R-CLR-2). */
    static final int GENERATION_DAY = 21;

    /**
     * @throws InvalidInputException {@code INVALID_QUARTER} for a quarter outside 1..4
     */
    public Quarter {
        if (quarter < 1 || quarter > 4) {
            throw new InvalidInputException(CoreErrorCode.INVALID_QUARTER, "quarter", "must be 1..4");
        }
        if (year < 1 || year > 9999) {
            throw new InvalidInputException(CoreErrorCode.INVALID_INPUT, "year", "must be 1..9999");
        }
    }

    /** The quarter {@code quarter} of {@code year}. */
    public static Quarter of(int year, int quarter) {
        return new Quarter(year, quarter);
    }

    /**
     * R-CLR-2 (IM Art. 39, interpretation): the clearing period a monthly settlement confirmed on
     * {@code confirmedOn} belongs to. A period runs from the previous quarter's generation day (the
     * 21st, inclusive) through the 20th of its own last month, so a record confirmed on
     * 2025-12-21 belongs to Q1 2026.
     */
    public static Quarter containing(LocalDate confirmedOn) {
        Objects.requireNonNull(confirmedOn, "confirmedOn");
        int month = confirmedOn.getMonthValue();
        Quarter q = new Quarter(confirmedOn.getYear(), (month - 1) / 3 + 1);
        boolean lastMonth = month % 3 == 0;
        return lastMonth && confirmedOn.getDayOfMonth() >= GENERATION_DAY ? q.next() : q;
    }

    /** The following quarter (Q4 → Q1 of the next year). */
    public Quarter next() {
        return quarter == 4 ? new Quarter(year + 1, 1) : new Quarter(year, quarter + 1);
    }

    /** The preceding quarter (Q1 → Q4 of the previous year). */
    public Quarter previous() {
        return quarter == 1 ? new Quarter(year - 1, 4) : new Quarter(year, quarter - 1);
    }

    /** The quarter's last calendar month, 3, 6, 9 or 12. */
    public int lastMonth() {
        return quarter * 3;
    }

    /** R-CLR-2: the first confirmation date of this period (the previous generation day). */
    public LocalDate periodStart() {
        Quarter p = previous();
        return LocalDate.of(p.year, p.lastMonth(), GENERATION_DAY);
    }

    /** R-CLR-2: the last confirmation date of this period (the 20th of the last month). */
    public LocalDate periodEnd() {
        return LocalDate.of(year, lastMonth(), GENERATION_DAY - 1);
    }

    /** The clearing calendar of this quarter (R-CLR-2..4). */
    public ClearingSchedule schedule() {
        return ClearingSchedule.of(this);
    }

    @Override
    public int compareTo(Quarter o) {
        return year != o.year ? Integer.compare(year, o.year) : Integer.compare(quarter, o.quarter);
    }

    @Override
    public String toString() {
        return year + "Q" + quarter;
    }
}
