/**
 * Catalogues the settlement engine judges lines against: the treatment place's drug, item,
 * service and rehab catalogues with optional maximum unit prices (R-SET-3) and the insured
 * place's assistive-device catalogue with per-unit caps (R-SET-4), each entry a list of dated
 * versions (R-SET-8). Built once, shared read-only across threads; lookups do not allocate.
 */
package io.wcsettle.core.catalogue;
