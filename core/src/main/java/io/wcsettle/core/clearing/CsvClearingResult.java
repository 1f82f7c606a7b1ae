package io.wcsettle.core.clearing;

import java.time.LocalDate;
import java.util.List;

/**
 * What the streaming reader cleared from one file.
 *
 * @param totals          totals of the accepted rows
 * @param acceptedRows    rows aggregated
 * @param skippedRows     malformed rows skipped (exact count)
 * @param duplicateRows   rows whose record id was seen before, not aggregated (exact count)
 * @param problems        the skipped and duplicate rows, in file order, at most the reader's listing
 *                        limit (the counts above are always exact)
 * @param firstConfirmed  earliest {@code confirmed_on} accepted, {@code null} when none
 * @param lastConfirmed   latest {@code confirmed_on} accepted, {@code null} when none
 */
public record CsvClearingResult(ClearingTotals totals, long acceptedRows, long skippedRows, long duplicateRows,
        List<CsvRowProblem> problems, LocalDate firstConfirmed, LocalDate lastConfirmed) {

    /** Copies {@code problems}. */
    public CsvClearingResult {
        problems = List.copyOf(problems);
    }
}
