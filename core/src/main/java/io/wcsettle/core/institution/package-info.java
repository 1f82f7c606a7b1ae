/**
 * The institution library (R-INS-1, IM Art. 17): each agreement institution's state with
 * effective dates (in agreement, suspended, terminated, closed) and the settlement kinds it is
 * enabled for (cross-province, local networked), as an append-only history. A bill is judged by
 * the facts on its admission date ({@link io.wcsettle.core.institution.InstitutionFacts#toSettlementInstitution}).
 */
package io.wcsettle.core.institution;
