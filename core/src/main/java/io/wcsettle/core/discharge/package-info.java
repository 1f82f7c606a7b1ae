/**
 * A discharge settled with all its consequences in one call
 * ({@link io.wcsettle.core.discharge.DischargeSettlement}): routing (R-FIL-11, R-LOC-1, R-UPL-3), the
 * worker's statement (R-SET-10), the follow-up orders raised with no application (R-AUTO-1) and the
 * treatment place's upload deadline (R-UPL-1), as one
 * {@link io.wcsettle.core.discharge.SettlementOutcome}.
 */
package io.wcsettle.core.discharge;
