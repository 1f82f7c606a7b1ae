/**
 * Audit and risk (R-AUD-1..3): large amounts, high frequency, spending at both the filing place
 * and the insured place during one filing (两地双向支出), manual claims duplicating direct
 * settlements, and the suspension list (R-AUD-2) the settlement engine honours. Rules run over a
 * stream of records; findings are deterministic for the same records in any order.
 */
package io.wcsettle.core.audit;
