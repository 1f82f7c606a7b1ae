package io.wcsettle.core.settlement;

import java.util.AbstractList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.RandomAccess;
import java.util.Set;

import io.wcsettle.core.money.Fen;

/**
 * The outcome of settling one bill: whether it is settled directly, every failing bill-level
 * reason (R-SET-1), and per line (input order) what the fund pays, what is deducted and what goes
 * to the insured place, with at most one reason (R-SET-7). Totals are exact: per bill and per
 * line {@code total = fundPaid + deducted + outside} (R-MON-2).
 *
 * <p>When the bill is not settled directly, nothing is paid directly: every line's net amount is
 * {@code outside} with reason {@code OUTSIDE_DIRECT_SETTLEMENT} (the worker claims it at the
 * insured place, R-UPL-3), except return lines and fully returned lines ({@code RETURN}).
 *
 * <p>Immutable. {@link #lines()} is a read-only view whose elements are made on access.
 */
public final class SettlementResult {

    private final boolean directSettlement;
    private final Set<BillReason> reasons;
    private final List<BillLine> billLines;
    private final long[] parts; // 3 per line: paid, deducted, outside
    private final byte[] lineReasons; // ordinal + 1, 0 = none
    private final Fen total;
    private final Fen fundPaid;
    private final Fen deducted;
    private final Fen outside;

    SettlementResult(EnumSet<BillReason> reasons, List<BillLine> billLines, long[] parts, byte[] lineReasons) {
        this.directSettlement = reasons.isEmpty();
        this.reasons = Collections.unmodifiableSet(reasons);
        this.billLines = billLines;
        this.parts = parts;
        this.lineReasons = lineReasons;
        long p = 0;
        long d = 0;
        long o = 0;
        for (int k = 0; k < parts.length; k += 3) {
            p = Math.addExact(p, parts[k]);
            d = Math.addExact(d, parts[k + 1]);
            o = Math.addExact(o, parts[k + 2]);
        }
        this.fundPaid = Fen.of(p);
        this.deducted = Fen.of(d);
        this.outside = Fen.of(o);
        this.total = Fen.of(Math.addExact(Math.addExact(p, d), o));
    }

    /** Whether the bill is settled directly: no bill-level reason applies. */
    public boolean directSettlement() {
        return directSettlement;
    }

    /** Every failing bill-level reason, in declaration order; empty when settled directly. */
    public Set<BillReason> reasons() {
        return reasons;
    }

    /** The bill's total: the sum of its lines' net amounts. */
    public Fen total() {
        return total;
    }

    /** What the fund pays directly. */
    public Fen fundPaid() {
        return fundPaid;
    }

    /** What is deducted (R-SET-5). */
    public Fen deducted() {
        return deducted;
    }

    /** What goes to the insured place (R-SET-6, R-UPL-3). */
    public Fen outside() {
        return outside;
    }

    /** Number of lines. */
    public int lineCount() {
        return lineReasons.length;
    }

    /** Line {@code i}'s paid part in fen, without allocating. */
    public long paidFen(int i) {
        return parts[3 * i];
    }

    /** Line {@code i}'s deducted part in fen, without allocating. */
    public long deductedFen(int i) {
        return parts[3 * i + 1];
    }

    /** Line {@code i}'s outside part in fen, without allocating. */
    public long outsideFen(int i) {
        return parts[3 * i + 2];
    }

    /** Line {@code i}'s reason, or {@code null} when paid in full; without allocating. */
    public LineReason reasonOf(int i) {
        int r = lineReasons[i];
        return r == 0 ? null : REASONS[r - 1];
    }

    /** The line results, in input order. */
    public List<LineResult> lines() {
        return new Lines();
    }

    private static final LineReason[] REASONS = LineReason.values();

    private final class Lines extends AbstractList<LineResult> implements RandomAccess {
        @Override
        public LineResult get(int i) {
            return new LineResult(billLines.get(i).id(), Fen.of(paidFen(i)), Fen.of(deductedFen(i)),
                    Fen.of(outsideFen(i)), Optional.ofNullable(reasonOf(i)));
        }

        @Override
        public int size() {
            return lineReasons.length;
        }
    }

    @Override
    public String toString() {
        return "SettlementResult[direct=" + directSettlement + ", reasons=" + reasons + ", total=" + total
                + ", fundPaid=" + fundPaid + ", deducted=" + deducted + ", outside=" + outside + "]";
    }
}
