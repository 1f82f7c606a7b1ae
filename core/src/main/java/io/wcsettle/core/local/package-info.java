/**
 * Local networked settlement (R-LOC-1, source 000): for old injuries and recurrences inside the
 * insured city, the employer applies online, the agency approves online, and the settlement
 * engine settles at discharge with the approval in place of a cross-province filing
 * ({@link io.wcsettle.core.settlement.Bill#localNetworked}).
 */
package io.wcsettle.core.local;
