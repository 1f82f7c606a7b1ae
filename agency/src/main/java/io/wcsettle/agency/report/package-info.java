/**
 * The operation report (R-REP-1) from the agency database: collected into core's
 * {@link io.wcsettle.core.report.OperationReport}, written as a self-contained HTML page with SVG
 * charts, as JSON and as CSV.
 */
package io.wcsettle.agency.report;
