package io.wcsettle.core.clearing;

import java.util.Objects;
import java.time.LocalDate;

/**
 * A clearing record with the date of the cost it clears (the settlement date), which R-CLR-8
 * checks against the period it falls in.
 *
 * @param record the record
 * @param costOn the date of the cost (the direct settlement's date)
 */
public record DatedRecord(ClearingRecord record, LocalDate costOn) {

    /** Rejects nulls and a record without id or confirmation date. */
    public DatedRecord {
        Objects.requireNonNull(record, "record");
        Objects.requireNonNull(costOn, "costOn");
        Objects.requireNonNull(record.recordId(), "recordId");
        Objects.requireNonNull(record.confirmedOn(), "confirmedOn");
    }

    /** R-CLR-2: the period the record falls in. */
    public Quarter period() {
        return Quarter.containing(record.confirmedOn());
    }

    /** R-CLR-8: whether that period misses the "year cleared by Q1" bound. */
    public boolean missesYearBound() {
        return YearBound.misses(costOn, period());
    }
}
