package io.wcsettle.core.ledger;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;

import io.wcsettle.core.money.Fen;

/**
 * The agency's book of record (R-PRE-8, IM Art. 29): double entry, append-only, every operation
 * under an idempotency key that is applied at most once. {@link Ledger} keeps it in memory; the
 * {@code wcsettle-agency} module keeps it in a database, where it survives restarts.
 *
 * <p>Idempotency keys form one namespace across postings, reservations and their resolutions:
 * repeating an operation with the same key and content is a no-op ({@link PostingOutcome#ALREADY_APPLIED});
 * the same key with other content is {@code IDEMPOTENCY_CONFLICT}.
 *
 * <p>Two-phase transfers ({@link PendingTransfer}) reserve an amount when a payment is initiated
 * and post it when the payment is confirmed (R-PRE-9), or void it. Posted and pending balances are
 * kept apart; each of them sums to zero over all accounts.
 */
public interface BookOfRecord {

    /**
     * Appends {@code posting} unless its key was applied before.
     *
     * @return {@code APPLIED}, or {@code ALREADY_APPLIED} for a repeat with the same content
     * @throws io.wcsettle.core.error.WcsettleException {@code IDEMPOTENCY_CONFLICT}
     */
    PostingOutcome post(Posting posting);

    /**
     * Reserves {@code transfer}: it moves the pending balances, not the posted ones.
     *
     * @return {@code APPLIED} or {@code ALREADY_APPLIED}
     * @throws io.wcsettle.core.error.WcsettleException {@code IDEMPOTENCY_CONFLICT}
     */
    PostingOutcome reserve(PendingTransfer transfer);

    /**
     * Posts the pending transfer {@code pendingKey} for {@code amount} (at most what it reserved;
     * the remainder is released) as a posting under {@code key}, booked on {@code bookedOn}.
     *
     * @return {@code APPLIED} or {@code ALREADY_APPLIED}
     * @throws io.wcsettle.core.error.WcsettleException {@code PENDING_NOT_FOUND},
     *         {@code PENDING_ALREADY_RESOLVED} (posted or voided under another key),
     *         {@code PENDING_AMOUNT_EXCEEDED}, {@code IDEMPOTENCY_CONFLICT}
     */
    PostingOutcome postPending(String key, String pendingKey, LocalDate bookedOn, Fen amount);

    /**
     * Voids the pending transfer {@code pendingKey} under {@code key}: nothing is posted.
     *
     * @return {@code APPLIED} or {@code ALREADY_APPLIED}
     * @throws io.wcsettle.core.error.WcsettleException {@code PENDING_NOT_FOUND},
     *         {@code PENDING_ALREADY_RESOLVED}, {@code IDEMPOTENCY_CONFLICT}
     */
    PostingOutcome voidPending(String key, String pendingKey, LocalDate bookedOn);

    /** The state of the pending transfer {@code pendingKey}, empty when there is none. */
    Optional<PendingState> pendingState(String pendingKey);

    /** The reservations still pending, in the order made. */
    List<PendingTransfer> openPending();

    /** The posted balance of {@code account}, debit minus credit. */
    Fen balance(Account account);

    /** The posted balance of {@code account} counting postings booked on or before {@code asOf}. */
    Fen balance(Account account, LocalDate asOf);

    /** Every account's posted balance (debit minus credit), sorted by account, zero balances included when posted to. */
    SortedMap<Account, Fen> balances();

    /** The pending balance of {@code account}: open reservations' debits minus credits. */
    Fen pendingBalance(Account account);

    /** Σ of all debits ever posted. */
    Fen totalDebits();

    /** Σ of all credits ever posted. */
    Fen totalCredits();

    /** The postings in the order applied, postings made from pending transfers included (a snapshot). */
    List<Posting> journal();

    /** Whether an operation with {@code idempotencyKey} was applied. */
    boolean contains(String idempotencyKey);
}
