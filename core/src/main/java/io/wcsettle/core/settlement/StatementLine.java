package io.wcsettle.core.settlement;

import java.util.Objects;
import java.util.Optional;

import io.wcsettle.core.money.Fen;

/**
 * One line of the worker's statement (R-SET-10): what the line cost (its net amount after returns;
 * a return line's own negative amount), how it was settled and why, with a plain Chinese sentence.
 *
 * @param id       line id
 * @param code     catalogue code
 * @param category what the line is
 * @param amount   net amount of an original line, or the return line's own (negative) amount
 * @param paid     paid by the fund directly
 * @param deducted deducted
 * @param outside  to the insured place
 * @param reason   the line's reason, empty when paid in full
 * @param text     the explanation in plain Chinese, citing the rule
 */
public record StatementLine(String id, String code, LineCategory category, Fen amount, Fen paid, Fen deducted,
                            Fen outside, Optional<LineReason> reason, String text) {

    /** Rejects nulls. */
    public StatementLine {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(paid, "paid");
        Objects.requireNonNull(deducted, "deducted");
        Objects.requireNonNull(outside, "outside");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(text, "text");
    }
}
