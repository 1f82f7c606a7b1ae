package io.wcsettle.agency.monthly;

import java.time.YearMonth;
import java.util.List;

import io.wcsettle.core.monthly.StatementState;
import io.wcsettle.core.monthly.StatementTotals;

/**
 * A stored monthly statement (R-UPL-5) without its items: the figures, the state and its history.
 *
 * @param statementId    {@code yyyy-MM/institution/vN}
 * @param month          the month settled
 * @param institution    the institution
 * @param version        1, then one more for each corrected or supplementary statement of the month
 * @param state          the current state
 * @param crossProvince  the cross-province part
 * @param localNetworked the local networked part (R-LOC-1)
 * @param events         every state change, oldest first
 */
public record StatementView(String statementId, YearMonth month, String institution, int version, StatementState state,
        StatementTotals crossProvince, StatementTotals localNetworked, List<StatementEvent> events) {

    /** Copies the list. */
    public StatementView {
        events = List.copyOf(events);
    }

    /** The whole statement. */
    public StatementTotals total() {
        return crossProvince.plus(localNetworked);
    }
}
