package io.wcsettle.core.ledger;

import java.util.Objects;

import io.wcsettle.core.error.CoreErrorCode;
import io.wcsettle.core.error.InvalidInputException;
import io.wcsettle.core.region.Admdvs;

/**
 * A ledger account (R-PRE-8): a kind and, for per-counterpart kinds, the counterpart province.
 *
 * @param kind        the account kind
 * @param counterpart the counterpart province for {@link AccountKind#perCounterpart()} kinds, else
 *                    {@code null}
 */
public record Account(AccountKind kind, Admdvs counterpart) implements Comparable<Account> {

    /** @throws InvalidInputException {@code INVALID_INPUT} when the counterpart is missing or not allowed */
    public Account {
        Objects.requireNonNull(kind, "kind");
        if (kind.perCounterpart() != (counterpart != null)) {
            throw new InvalidInputException(CoreErrorCode.INVALID_INPUT, "counterpart",
                    kind.perCounterpart() ? "required for " + kind : "not allowed for " + kind);
        }
        counterpart = counterpart == null ? null : counterpart.province();
    }

    /** 暂付款—异地就医预付金—{counterpart}. */
    public static Account prepaymentAdvanced(Admdvs counterpart) {
        return new Account(AccountKind.PREPAYMENT_ADVANCED, Objects.requireNonNull(counterpart, "counterpart"));
    }

    /** An account of a kind without counterpart. */
    public static Account of(AccountKind kind) {
        return new Account(kind, null);
    }

    /** The booked name, e.g. {@code 暂付款—异地就医预付金—110000}. */
    public String name() {
        return counterpart == null ? kind.title() : kind.title() + "—" + counterpart.code();
    }

    @Override
    public int compareTo(Account o) {
        int c = kind.compareTo(o.kind);
        if (c != 0 || counterpart == null) {
            return c;
        }
        return counterpart.compareTo(o.counterpart);
    }

    @Override
    public String toString() {
        return name();
    }
}
