package io.wcsettle.agency.monthly;

import io.wcsettle.agency.clearing.Registration;

/**
 * A confirmed monthly statement and what its confirmation sent to clearing (R-UPL-5 → R-CLR-1).
 *
 * @param statement    the statement, now confirmed
 * @param registration its cross-province records registered for clearing (empty when confirmed before)
 * @param repeated     the statement was confirmed before: nothing changed
 */
public record Confirmation(StatementView statement, Registration registration, boolean repeated) {
}
