/**
 * Quarterly clearing between provinces (R-CLR-1..6): the clearing calendar ({@link
 * io.wcsettle.core.clearing.Quarter}, {@link io.wcsettle.core.clearing.ClearingSchedule}), the
 * clearing tables built from confirmed monthly settlement records ({@link
 * io.wcsettle.core.clearing.ClearingTotals}, {@link io.wcsettle.core.clearing.ClearingTables}),
 * net positions and the transfer plan, and a streaming CSV reader ({@link
 * io.wcsettle.core.clearing.ClearingCsvReader}).
 */
package io.wcsettle.core.clearing;
