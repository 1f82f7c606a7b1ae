package io.wcsettle.core.settlement;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import io.wcsettle.core.money.Fen;
import io.wcsettle.core.rule.Citation;

/**
 * One line of the worker's statement (R-SET-10): what the line cost (its net amount after returns;
 * a return line's own negative amount), how it was settled and why. The structured form keeps the
 * reason with its rule id and source; {@code text} is the worker's plain Chinese sentence, citing
 * the articles of the places involved, without rule ids or English.
 *
 * @param id        line id
 * @param code      catalogue code
 * @param category  what the line is
 * @param amount    net amount of an original line, or the return line's own (negative) amount
 * @param paid      paid by the fund directly
 * @param deducted  deducted
 * @param outside   outside direct settlement
 * @param reason    the line's reason, empty when paid in full
 * @param citations the articles of the insured and treatment place the text cites
 * @param text      the explanation in plain Chinese
 */
public record StatementLine(String id, String code, LineCategory category, Fen amount, Fen paid, Fen deducted,
                            Fen outside, Optional<LineReason> reason, List<Citation> citations, String text) {

    /** Rejects nulls; copies the list. */
    public StatementLine {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(paid, "paid");
        Objects.requireNonNull(deducted, "deducted");
        Objects.requireNonNull(outside, "outside");
        Objects.requireNonNull(reason, "reason");
        citations = List.copyOf(citations);
        Objects.requireNonNull(text, "text");
    }
}
