/**
 * Quarterly clearing between provinces (R-CLR-1..6): the clearing calendar ({@link
 * io.wcsettle.core.clearing.Quarter}, {@link io.wcsettle.core.clearing.ClearingSchedule}), the
 * clearing tables built from confirmed monthly settlement records ({@link
 * io.wcsettle.core.clearing.ClearingTotals}, {@link io.wcsettle.core.clearing.ClearingTables}),
 * the bilateral payments of IM Art. 41 (the payment instruction), net positions and a netted plan
 * as an analysis only, and a streaming CSV reader ({@link
 * io.wcsettle.core.clearing.ClearingCsvReader}).
 *
 * <p>The reader's duplicate detection is exact and runs in bounded memory; its parts are
 * package-private, one concept each: {@code CsvRowParser} (bytes to fields), {@code DenseIdWindow}
 * (numeric sequence ids, one bit each), {@code DeferredDuplicates} (fingerprint filter, candidate
 * search, confirmation by re-reading) built on {@code LongPartitions} (a radix partition that
 * spills), {@code ExternalSorter} (an external merge sort), {@code LineIndex} and {@code RowFetcher}
 * (re-reading rows by line), {@code RowSource} (the file, or a spool of a stream), {@code
 * TempStorage} (temporary files, typed failures), {@code DateHistogram} and {@code MemoryMeter}.
 */
package io.wcsettle.core.clearing;
