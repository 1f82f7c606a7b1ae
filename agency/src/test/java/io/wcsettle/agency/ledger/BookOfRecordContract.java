package io.wcsettle.agency.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import io.wcsettle.core.error.WcsettleException;
import io.wcsettle.core.ledger.Account;
import io.wcsettle.core.ledger.AccountKind;
import io.wcsettle.core.ledger.BookOfRecord;
import io.wcsettle.core.ledger.Entry;
import io.wcsettle.core.ledger.PendingState;
import io.wcsettle.core.ledger.PendingTransfer;
import io.wcsettle.core.ledger.Posting;
import io.wcsettle.core.ledger.PostingOutcome;
import io.wcsettle.core.money.Fen;
import io.wcsettle.core.region.Admdvs;

/**
 * The {@link BookOfRecord} contract (R-PRE-8), run against core's in-memory {@code Ledger}, the
 * JDBC ledger on H2 and on a real PostgreSQL server, so the durable book behaves exactly as the
 * reference.
 */
abstract class BookOfRecordContract {

    static final Account BANK = Account.of(AccountKind.BANK);
    static final Account RECEIVED = Account.of(AccountKind.FUNDS_RECEIVED);
    static final Account TO_BEIJING = Account.prepaymentAdvanced(new Admdvs("110000"));
    static final LocalDate JAN = LocalDate.of(2025, 1, 10);
    static final LocalDate MAR = LocalDate.of(2025, 3, 10);

    BookOfRecord book;

    /** A fresh, empty book. */
    abstract BookOfRecord open();

    /** The same book after a restart, or the same instance when it has no storage. */
    abstract BookOfRecord reopen(BookOfRecord old);

    BookOfRecord book() {
        if (book == null) {
            book = open();
        }
        return book;
    }

    @AfterEach
    void closeBook() throws Exception {
        if (book instanceof AutoCloseable c) {
            c.close();
        }
    }

    @Test
    @DisplayName("R-PRE-8: a posting is applied once; a repeat is a no-op; other content under the key is refused")
    void idempotentPosting() {
        Posting p = Posting.transfer("prepay-1", JAN, "prepayment", TO_BEIJING, BANK, Fen.of(500_00));
        assertEquals(PostingOutcome.APPLIED, book().post(p));
        assertEquals(PostingOutcome.ALREADY_APPLIED, book().post(p));
        WcsettleException e = assertThrows(WcsettleException.class, () -> book().post(
                Posting.transfer("prepay-1", JAN, "prepayment", TO_BEIJING, BANK, Fen.of(500_01))));
        assertEquals("IDEMPOTENCY_CONFLICT", e.code());
        assertEquals(List.of(p), book().journal());
        assertEquals(Fen.of(500_00), book().balance(TO_BEIJING));
        assertEquals(Fen.of(-500_00), book().balance(BANK));
        assertEquals(book().totalDebits(), book().totalCredits());
        assertTrue(book().contains("prepay-1"));
        assertFalse(book().contains("prepay-2"));
    }

    @Test
    @DisplayName("R-PRE-8: multi-entry postings, balances as of a date, sorted balances")
    void balancesAsOf() {
        Account toInnerMongolia = Account.prepaymentAdvanced(new Admdvs("150000"));
        book().post(new Posting("p1", JAN, "two prepayments", List.of(Entry.debit(TO_BEIJING, Fen.of(300)),
                Entry.debit(toInnerMongolia, Fen.of(200)), Entry.credit(BANK, Fen.of(500)))));
        book().post(Posting.transfer("p2", MAR, "refund", BANK, TO_BEIJING, Fen.of(100)));
        assertEquals(Fen.of(300), book().balance(TO_BEIJING, LocalDate.of(2025, 2, 1)));
        assertEquals(Fen.ZERO, book().balance(TO_BEIJING, JAN.minusDays(1)));
        assertEquals(Fen.of(200), book().balance(TO_BEIJING));
        assertEquals(List.of(TO_BEIJING, toInnerMongolia, BANK), List.copyOf(book().balances().keySet()));
        assertEquals(Fen.of(600), book().totalDebits());
        assertEquals(Fen.of(600), book().totalCredits());
    }

    @Test
    @DisplayName("R-PRE-8, R-PRE-9: a pending transfer moves pending balances only, then posts once")
    void pendingThenPosted() {
        PendingTransfer t = new PendingTransfer("pay-7", JAN, "clearing 2024Q4", TO_BEIJING, BANK, Fen.of(900));
        assertEquals(PostingOutcome.APPLIED, book().reserve(t));
        assertEquals(PostingOutcome.ALREADY_APPLIED, book().reserve(t));
        assertEquals(Fen.ZERO, book().balance(TO_BEIJING));
        assertEquals(Fen.of(900), book().pendingBalance(TO_BEIJING));
        assertEquals(Fen.of(-900), book().pendingBalance(BANK));
        assertEquals(Optional.of(PendingState.PENDING), book().pendingState("pay-7"));
        assertEquals(List.of(t), book().openPending());

        assertEquals(PostingOutcome.APPLIED, book().postPending("confirm-7", "pay-7", MAR, Fen.of(900)));
        assertEquals(PostingOutcome.ALREADY_APPLIED, book().postPending("confirm-7", "pay-7", MAR, Fen.of(900)));
        assertEquals(Fen.of(900), book().balance(TO_BEIJING));
        assertEquals(Fen.ZERO, book().pendingBalance(TO_BEIJING));
        assertEquals(Optional.of(PendingState.POSTED), book().pendingState("pay-7"));
        assertEquals(List.of(), book().openPending());
        assertEquals(List.of(t.posting("confirm-7", MAR, Fen.of(900))), book().journal());

        assertEquals("PENDING_ALREADY_RESOLVED", assertThrows(WcsettleException.class,
                () -> book().voidPending("void-7", "pay-7", MAR)).code());
        assertEquals("PENDING_ALREADY_RESOLVED", assertThrows(WcsettleException.class,
                () -> book().postPending("confirm-7b", "pay-7", MAR, Fen.of(900))).code());
        assertEquals("IDEMPOTENCY_CONFLICT", assertThrows(WcsettleException.class,
                () -> book().postPending("confirm-7", "pay-7", MAR, Fen.of(800))).code());
    }

    @Test
    @DisplayName("R-PRE-8: a pending transfer posted in part releases the rest; voided posts nothing")
    void partialAndVoid() {
        book().reserve(new PendingTransfer("a", JAN, "", TO_BEIJING, BANK, Fen.of(1000)));
        book().reserve(new PendingTransfer("b", JAN, "", BANK, RECEIVED, Fen.of(70)));
        assertEquals("PENDING_AMOUNT_EXCEEDED", assertThrows(WcsettleException.class,
                () -> book().postPending("a-post", "a", MAR, Fen.of(1001))).code());
        assertEquals(PostingOutcome.APPLIED, book().postPending("a-post", "a", MAR, Fen.of(600)));
        assertEquals(PostingOutcome.APPLIED, book().voidPending("b-void", "b", MAR));
        assertEquals(PostingOutcome.ALREADY_APPLIED, book().voidPending("b-void", "b", MAR));
        assertEquals(Fen.of(600), book().balance(TO_BEIJING));
        assertEquals(Fen.ZERO, book().balance(RECEIVED));
        assertEquals(Fen.ZERO, book().pendingBalance(BANK));
        assertEquals(Optional.of(PendingState.VOIDED), book().pendingState("b"));
        assertEquals(Optional.empty(), book().pendingState("a-post"));
        assertEquals("PENDING_NOT_FOUND", assertThrows(WcsettleException.class,
                () -> book().postPending("x", "nope", MAR, Fen.of(1))).code());
        assertEquals("PENDING_NOT_FOUND", assertThrows(WcsettleException.class,
                () -> book().voidPending("y", "a-post", MAR)).code(), "a posting is not a reservation");
    }

    @Test
    @DisplayName("R-PRE-8: one key namespace across postings, reservations and resolutions")
    void oneNamespace() {
        book().post(Posting.transfer("k", JAN, "", TO_BEIJING, BANK, Fen.of(5)));
        assertEquals("IDEMPOTENCY_CONFLICT", assertThrows(WcsettleException.class,
                () -> book().reserve(new PendingTransfer("k", JAN, "", TO_BEIJING, BANK, Fen.of(5)))).code());
        book().reserve(new PendingTransfer("r", JAN, "", TO_BEIJING, BANK, Fen.of(5)));
        assertEquals("IDEMPOTENCY_CONFLICT", assertThrows(WcsettleException.class,
                () -> book().postPending("k", "r", JAN, Fen.of(5))).code());
        book().postPending("r-post", "r", JAN, Fen.of(5));
        assertEquals("IDEMPOTENCY_CONFLICT", assertThrows(WcsettleException.class,
                () -> book().post(Posting.transfer("r-post", JAN, "", TO_BEIJING, BANK, Fen.of(5)))).code());
        assertEquals(2, book().journal().size());
    }

    @Test
    @DisplayName("R-PRE-8: everything committed is there after a restart, and keys still apply once")
    void survivesRestart() {
        book().post(Posting.transfer("p", JAN, "prepayment", TO_BEIJING, BANK, Fen.of(123)));
        book().reserve(new PendingTransfer("r", JAN, "clearing", TO_BEIJING, BANK, Fen.of(77)));
        List<Posting> journal = book().journal();
        book = reopen(book);
        assertEquals(journal, book.journal());
        assertEquals(Fen.of(123), book.balance(TO_BEIJING));
        assertEquals(Fen.of(77), book.pendingBalance(TO_BEIJING));
        assertEquals(PostingOutcome.ALREADY_APPLIED, book.post(
                Posting.transfer("p", JAN, "prepayment", TO_BEIJING, BANK, Fen.of(123))));
        assertEquals(PostingOutcome.APPLIED, book.postPending("r-post", "r", MAR, Fen.of(77)));
        book = reopen(book);
        assertEquals(Fen.of(200), book.balance(TO_BEIJING));
        assertEquals(Optional.of(PendingState.POSTED), book.pendingState("r"));
    }
}
