/**
 * Administrative division codes (admdvs): validation, province and city derivation, and the
 * filing-target match of R-FIL-6 (municipalities, cities, province-governed county-level cities).
 */
package io.wcsettle.core.region;
