/**
 * Filings (备案): application check (R-FIL-1, -2, -3, -5), validity (R-FIL-4 with R-CAL-3),
 * admission coverage (R-FIL-8), early end (R-FIL-9), change/cancel lock with override and
 * append-only history (R-FIL-10), target-city match (R-FIL-6) and back-in-insured-place routing
 * (R-FIL-11).
 */
package io.wcsettle.core.filing;
