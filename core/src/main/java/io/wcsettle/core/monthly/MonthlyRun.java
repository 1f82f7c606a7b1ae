package io.wcsettle.core.monthly;

import java.time.YearMonth;
import java.util.List;

/**
 * The monthly settlement of one month (R-UPL-5): a statement per institution, and what was left
 * out and why.
 *
 * @param month       the month
 * @param statements  one per institution with at least one settlement, sorted by institution code
 * @param cancelled   settlements of the month left out because they were cancelled
 * @param otherMonths settlements given that belong to another month, left out
 * @param repeats     settlements given more than once with the same content, counted once
 */
public record MonthlyRun(YearMonth month, List<MonthlyStatement> statements, long cancelled, long otherMonths,
        long repeats) {

    /** Copies the list. */
    public MonthlyRun {
        statements = List.copyOf(statements);
    }

    /** Σ of every statement's totals: exactly the month's settlements (R-MON-2). */
    public StatementTotals total() {
        StatementTotals t = StatementTotals.ZERO;
        for (MonthlyStatement s : statements) {
            t = t.plus(s.total());
        }
        return t;
    }
}
