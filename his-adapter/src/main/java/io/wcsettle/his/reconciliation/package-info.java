/**
 * Daily reconciliation with the platform (3201 totals, 3202 details): compares local records
 * with the platform's and lists every mismatch.
 */
package io.wcsettle.his.reconciliation;
