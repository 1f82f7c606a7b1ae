/**
 * Settlement at discharge (R-SET-1..12): a {@link io.wcsettle.core.settlement.Bill} of
 * immutable inputs goes through a {@link io.wcsettle.core.settlement.SettlementEngine} into a
 * {@link io.wcsettle.core.settlement.SettlementResult} — whether the bill is settled directly
 * (every failing {@link io.wcsettle.core.settlement.BillReason}), and per line what the fund pays,
 * what is deducted and what goes to the insured place, with at most one
 * {@link io.wcsettle.core.settlement.LineReason}. A {@link io.wcsettle.core.settlement.WorkerStatement}
 * explains it to the worker (R-SET-10).
 */
package io.wcsettle.core.settlement;
