package io.wcsettle.core.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import io.wcsettle.core.error.InvalidInputException;
import io.wcsettle.core.error.WcsettleException;
import io.wcsettle.core.money.Fen;
import io.wcsettle.core.region.Admdvs;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.state.Action;
import net.jqwik.api.state.ActionChain;
import net.jqwik.api.state.Transformer;

class LedgerStatefulTest {

    private static final Account BANK = Account.of(AccountKind.BANK);
    private static final Arbitrary<Admdvs> COUNTERPART = Arbitraries.of("110000", "150000", "430000", "440000")
            .map(Admdvs::new);
    private static final Arbitrary<Fen> AMOUNT = Arbitraries.longs().between(1, 10_000_000_000L).map(Fen::of);
    private static final Arbitrary<LocalDate> DATE = Arbitraries.integers().between(0, 730)
            .map(d -> LocalDate.of(2025, 1, 1).plusDays(d));

    /** The ledger under test plus what the test knows it applied. */
    static final class Book {
        final Ledger ledger = new Ledger();
        final List<Posting> applied = new ArrayList<>();
        int nextKey;

        String freshKey(String kind) {
            return kind + "-" + (nextKey++);
        }

        void postNew(Posting p) {
            assertEquals(PostingOutcome.APPLIED, ledger.post(p));
            applied.add(p);
        }
    }

    /** A business event: debit and credit accounts chosen per kind. */
    record Event(String kind, boolean debitSubAccount, AccountKind other) implements Action.Independent<Book> {
        @Override
        public Arbitrary<Transformer<Book>> transformer() {
            return Combinators.combine(COUNTERPART, AMOUNT, DATE).as((cp, amount, date) ->
                    Transformer.mutate(kind + " " + cp + " " + amount, book -> {
                        Account sub = Account.prepaymentAdvanced(cp);
                        Account o = other == AccountKind.BANK ? BANK : Account.of(other);
                        Posting p = debitSubAccount
                                ? Posting.transfer(book.freshKey(kind), date, kind, sub, o, amount)
                                : Posting.transfer(book.freshKey(kind), date, kind, o, sub, amount);
                        book.postNew(p);
                    }));
        }
    }

    /** Treatment side receives funds from the insured side or collects from lower levels. */
    record Receipt(AccountKind credited) implements Action.Independent<Book> {
        @Override
        public Arbitrary<Transformer<Book>> transformer() {
            return Combinators.combine(AMOUNT, DATE).as((amount, date) ->
                    Transformer.mutate("receive " + credited + " " + amount, book -> book.postNew(
                            Posting.transfer(book.freshKey("receipt"), date, "receipt", BANK,
                                    Account.of(credited), amount))));
        }
    }

    /** A repeated request: the same key and content again is a no-op. */
    static final class Repeat implements Action.Dependent<Book> {
        @Override
        public boolean precondition(Book book) {
            return !book.applied.isEmpty();
        }

        @Override
        public Arbitrary<Transformer<Book>> transformer(Book book) {
            return Arbitraries.of(book.applied).map(p -> Transformer.mutate("repeat " + p.idempotencyKey(), b -> {
                int before = b.ledger.journal().size();
                assertEquals(PostingOutcome.ALREADY_APPLIED, b.ledger.post(p));
                assertEquals(before, b.ledger.journal().size());
            }));
        }
    }

    /** The same key with different content is refused and changes nothing. */
    static final class Conflict implements Action.Dependent<Book> {
        @Override
        public boolean precondition(Book book) {
            return !book.applied.isEmpty();
        }

        @Override
        public Arbitrary<Transformer<Book>> transformer(Book book) {
            return Arbitraries.of(book.applied).map(p -> Transformer.mutate("conflict " + p.idempotencyKey(), b -> {
                Posting changed = new Posting(p.idempotencyKey(), p.bookedOn(), p.memo(), List.of(
                        Entry.debit(BANK, p.debits().plus(Fen.of(1))),
                        Entry.credit(Account.of(AccountKind.FUNDS_RECEIVED), p.debits().plus(Fen.of(1)))));
                Fen debits = b.ledger.totalDebits();
                WcsettleException e = assertThrows(WcsettleException.class, () -> b.ledger.post(changed));
                assertEquals("IDEMPOTENCY_CONFLICT", e.code());
                assertEquals(debits, b.ledger.totalDebits());
            }));
        }
    }

    @Provide
    Arbitrary<ActionChain<Book>> ledgerActions() {
        return ActionChain.startWith(Book::new)
                .withAction(3, new Event("prepayment", true, AccountKind.BANK))
                .withAction(2, new Event("topUp", true, AccountKind.BANK))
                .withAction(2, new Event("adjustmentRefund", false, AccountKind.BANK))
                .withAction(2, new Event("clearing", false, AccountKind.CLEARING_COLLECTED))
                .withAction(2, new Receipt(AccountKind.FUNDS_RECEIVED))
                .withAction(1, new Receipt(AccountKind.PREPAYMENT_COLLECTED))
                .withAction(2, new Repeat())
                .withAction(1, new Conflict())
                .withMaxTransformations(40);
    }

    @Property(tries = 200)
    @Label("R-PRE-8: debits equal credits after every action and no idempotency key is applied twice")
    void ledgerStaysBalanced(@ForAll("ledgerActions") ActionChain<Book> chain) {
        chain.withInvariant("Σ debits = Σ credits", book -> {
            assertEquals(book.ledger.totalDebits(), book.ledger.totalCredits());
            assertEquals(Fen.ZERO, book.ledger.balances().values().stream().reduce(Fen.ZERO, Fen::plus));
        }).withInvariant("each key once", book -> {
            List<Posting> journal = book.ledger.journal();
            Set<String> keys = new HashSet<>();
            journal.forEach(p -> keys.add(p.idempotencyKey()));
            assertEquals(journal.size(), keys.size());
            assertEquals(book.applied, journal);
        }).run();
    }

    @Test
    @DisplayName("R-PRE-8: balances per account and as of a date; sub-account named per counterpart")
    void balances() {
        Ledger l = new Ledger();
        Account sub = Account.prepaymentAdvanced(new Admdvs("110105"));
        assertEquals("暂付款—异地就医预付金—110000", sub.name());
        l.post(Posting.transfer("k1", LocalDate.of(2025, 1, 10), "prepay", sub, BANK, Fen.of(500)));
        l.post(Posting.transfer("k2", LocalDate.of(2025, 3, 10), "refund", BANK, sub, Fen.of(200)));
        assertEquals(Fen.of(300), l.balance(sub));
        assertEquals(Fen.of(500), l.balance(sub, LocalDate.of(2025, 2, 1)));
        assertEquals(Fen.ZERO, l.balance(sub, LocalDate.of(2025, 1, 9)));
        assertEquals(Fen.of(-300), l.balance(BANK));
    }

    @Test
    @DisplayName("R-PRE-8: an unbalanced posting is refused")
    void unbalanced() {
        assertEquals("UNBALANCED_POSTING", assertThrows(InvalidInputException.class, () -> new Posting("k",
                LocalDate.of(2025, 1, 1), "", List.of(Entry.debit(BANK, Fen.of(2)),
                        Entry.credit(Account.of(AccountKind.FUNDS_RECEIVED), Fen.of(1))))).code());
    }
}
