package io.wcsettle.core.ledger;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

import io.wcsettle.core.error.CoreErrorCode;
import io.wcsettle.core.error.InvalidInputException;
import io.wcsettle.core.money.Fen;

/**
 * A balanced journal posting under an idempotency key (R-PRE-8).
 *
 * @param idempotencyKey the caller's key: the same business event always carries the same key
 * @param bookedOn       booking date
 * @param memo           free text; must not contain personal data
 * @param entries        at least two entries; Σ debits = Σ credits
 */
public record Posting(String idempotencyKey, LocalDate bookedOn, String memo, List<Entry> entries) {

    /** @throws InvalidInputException {@code INVALID_INPUT} for a blank key, {@code UNBALANCED_POSTING} */
    public Posting {
        if (idempotencyKey == null || idempotencyKey.isBlank()) {
            throw new InvalidInputException(CoreErrorCode.INVALID_INPUT, "idempotencyKey", "required");
        }
        Objects.requireNonNull(bookedOn, "bookedOn");
        memo = memo == null ? "" : memo;
        entries = List.copyOf(entries);
        if (entries.size() < 2) {
            throw new InvalidInputException(CoreErrorCode.UNBALANCED_POSTING, "entries", "needs two entries");
        }
        Fen net = Fen.ZERO;
        for (Entry e : entries) {
            net = net.plus(e.signed());
        }
        if (!net.isZero()) {
            throw new InvalidInputException(CoreErrorCode.UNBALANCED_POSTING, "entries",
                    "debits and credits differ by " + net);
        }
    }

    /** A two-entry posting: debit {@code debit}, credit {@code credit}, both {@code amount}. */
    public static Posting transfer(String idempotencyKey, LocalDate bookedOn, String memo, Account debit,
            Account credit, Fen amount) {
        return new Posting(idempotencyKey, bookedOn, memo, List.of(Entry.debit(debit, amount),
                Entry.credit(credit, amount)));
    }

    /** Σ debits of this posting. */
    public Fen debits() {
        Fen sum = Fen.ZERO;
        for (Entry e : entries) {
            if (e.side() == Side.DEBIT) {
                sum = sum.plus(e.amount());
            }
        }
        return sum;
    }
}
