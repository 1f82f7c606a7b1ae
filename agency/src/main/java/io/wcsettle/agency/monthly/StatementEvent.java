package io.wcsettle.agency.monthly;

import java.time.LocalDate;

import io.wcsettle.core.monthly.StatementState;

/**
 * One state change of a monthly statement, with who and when (R-UPL-5).
 *
 * @param state      the state entered
 * @param actor      who made the change (agency clerk, institution)
 * @param occurredOn the business date
 * @param recordedAt when it was recorded, epoch milliseconds of the injected clock
 * @param note       free text (a dispute's reason), no personal data
 */
public record StatementEvent(StatementState state, String actor, LocalDate occurredOn, long recordedAt, String note) {
}
