/**
 * Quarterly clearing between provinces (R-CLR-1..6): the clearing calendar ({@link
 * io.wcsettle.core.clearing.Quarter}, {@link io.wcsettle.core.clearing.ClearingSchedule}), the
 * clearing tables built from confirmed monthly settlement records ({@link
 * io.wcsettle.core.clearing.ClearingTotals}, {@link io.wcsettle.core.clearing.ClearingTables}),
 * the bilateral payments of IM Art. 41 (the payment instruction), net positions and a netted plan
 * as an analysis only, and a streaming CSV reader ({@link
 * io.wcsettle.core.clearing.ClearingCsvReader}).
 */
package io.wcsettle.core.clearing;
