/**
 * Monthly settlement with institutions in the agency database (R-UPL-5): intake, cancellations,
 * deduction revisions, statements confirmed or disputed, confirmed records registered for clearing.
 */
package io.wcsettle.agency.monthly;
