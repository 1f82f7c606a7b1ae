package io.wcsettle.core.monthly;

import java.util.Set;

/**
 * Where a monthly statement stands (R-UPL-5): issued to the institution, then confirmed (对账确认)
 * or disputed; a disputed statement is superseded by a corrected one. Confirmed is final: a
 * confirmed statement is never changed.
 */
public enum StatementState {
    /** Sent to the institution for confirmation. */
    ISSUED,
    /** The institution confirmed it: it is paid, and its cross-province records enter clearing. Final. */
    CONFIRMED,
    /** The institution disputed it: the agency reviews and issues a corrected version. */
    DISPUTED,
    /** Replaced by a corrected version after a dispute. Final. */
    SUPERSEDED;

    /** Whether a statement in this state may move to {@code next}. */
    public boolean allows(StatementState next) {
        return switch (this) {
            case ISSUED -> Set.of(CONFIRMED, DISPUTED).contains(next);
            case DISPUTED -> next == SUPERSEDED;
            case CONFIRMED, SUPERSEDED -> false;
        };
    }
}
