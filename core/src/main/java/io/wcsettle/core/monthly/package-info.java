/**
 * Monthly settlement with institutions (R-UPL-5, IM Art. 30, 34; R-LOC-1): per institution, the
 * month's direct settlements with cancellations excluded and deductions applied, confirmed or
 * disputed by the institution; the confirmed cross-province records feed quarterly clearing.
 */
package io.wcsettle.core.monthly;
