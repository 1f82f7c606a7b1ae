package io.wcsettle.core.settlement;

import java.util.Objects;
import java.util.Optional;

import io.wcsettle.core.money.Fen;

/**
 * How one line was settled (R-SET-7, R-MON-2): {@code amount = paid + deducted + outside}, where
 * {@code amount} is the line's net amount after its returns (R-SET-12) and zero for a return line.
 *
 * @param id       the line id
 * @param paid     paid by the fund directly
 * @param deducted deducted (R-SET-5)
 * @param outside  outside direct settlement: claimed at the insured place (R-SET-6, R-UPL-3)
 * @param reason   the one reason, empty when the line is paid in full
 */
public record LineResult(String id, Fen paid, Fen deducted, Fen outside, Optional<LineReason> reason) {

    /** Rejects nulls. */
    public LineResult {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(paid, "paid");
        Objects.requireNonNull(deducted, "deducted");
        Objects.requireNonNull(outside, "outside");
        Objects.requireNonNull(reason, "reason");
    }

    /** {@code paid + deducted + outside}. */
    public Fen total() {
        return paid.plus(deducted).plus(outside);
    }
}
