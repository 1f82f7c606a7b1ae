package io.wcsettle.core.clearing;

import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the streaming reader cleared from one file.
 *
 * @param totals            totals of the cleared rows
 * @param acceptedRows      rows cleared (aggregated into {@code totals})
 * @param skippedRows       malformed rows skipped (exact count)
 * @param duplicateRows     rows whose record id was seen before, not aggregated (exact count)
 * @param problems          the skipped and duplicate rows, in file order, at most the reader's listing
 *                          limit (the counts above are always exact)
 * @param firstConfirmed    earliest {@code confirmed_on} cleared, {@code null} when none
 * @param lastConfirmed     latest {@code confirmed_on} cleared, {@code null} when none
 * @param period            the clearing period the reader was restricted to, {@code null} for all
 * @param outsidePeriodRows well-formed, non-duplicate rows confirmed outside {@code period}, not
 *                          cleared (0 without a period)
 * @param rowsByPeriod      well-formed, non-duplicate rows per clearing period of their confirmation
 *                          date (R-CLR-2), cleared or not, in period order
 * @param duplicateCheck    how duplicate detection went: memory, spill, re-read rows
 */
public record CsvClearingResult(ClearingTotals totals, long acceptedRows, long skippedRows, long duplicateRows,
        List<CsvRowProblem> problems, LocalDate firstConfirmed, LocalDate lastConfirmed, Quarter period,
        long outsidePeriodRows, Map<Quarter, Long> rowsByPeriod, DuplicateCheckStats duplicateCheck) {

    /** Copies {@code problems} and {@code rowsByPeriod}. */
    public CsvClearingResult {
        problems = List.copyOf(problems);
        rowsByPeriod = Collections.unmodifiableMap(new TreeMap<>(rowsByPeriod));
    }
}
