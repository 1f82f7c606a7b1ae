/**
 * Settlement at discharge (R-SET-1..12): a {@link io.wcsettle.core.settlement.Bill} of
 * immutable inputs goes through a {@link io.wcsettle.core.settlement.SettlementEngine} into a
 * {@link io.wcsettle.core.settlement.SettlementResult} — whether the bill is settled directly
 * (every failing {@link io.wcsettle.core.settlement.BillReason}), and per line what the fund pays,
 * what is deducted and what goes to the insured place, with at most one
 * {@link io.wcsettle.core.settlement.LineReason}. The checks depend on the bill's
 * {@link io.wcsettle.core.settlement.SettlementBasis} (cross-province, the insured place's own
 * settlement of R-FIL-11, local networked of R-LOC-1); a
 * {@link io.wcsettle.core.settlement.SettlementRouter} turns the cross-province verdict into a
 * {@link io.wcsettle.core.settlement.Route}. A {@link io.wcsettle.core.settlement.WorkerStatement}
 * is the document the worker is handed (R-SET-10), as text or printable HTML.
 */
package io.wcsettle.core.settlement;
