package io.wcsettle.core.ledger;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

import io.wcsettle.core.error.CoreErrorCode;
import io.wcsettle.core.error.WcsettleException;
import io.wcsettle.core.money.Fen;

/**
 * The prepayment and clearing ledger of one agency (R-PRE-8, IM Art. 29): double entry (every
 * posting balances), append-only (postings are never changed or removed; a correction is a new
 * posting) and idempotent (a key is applied at most once).
 *
 * <p>Thread-safe. In memory; a persistent store would replay {@link #journal()}.
 */
public final class Ledger {

    private final List<Posting> journal = new ArrayList<>();
    private final Map<String, Posting> byKey = new HashMap<>();
    private final Map<Account, Fen> balances = new HashMap<>();
    private Fen debits = Fen.ZERO;
    private Fen credits = Fen.ZERO;

    /** An empty ledger. */
    public Ledger() {
    }

    /**
     * Appends {@code posting} unless its key was applied before.
     *
     * @return {@link PostingOutcome#APPLIED}, or {@link PostingOutcome#ALREADY_APPLIED} when the same
     *         key was applied with the same content (no-op)
     * @throws WcsettleException {@code IDEMPOTENCY_CONFLICT} when the key was applied with different
     *                           content
     */
    public synchronized PostingOutcome post(Posting posting) {
        Objects.requireNonNull(posting, "posting");
        Posting earlier = byKey.get(posting.idempotencyKey());
        if (earlier != null) {
            if (earlier.equals(posting)) {
                return PostingOutcome.ALREADY_APPLIED;
            }
            throw new WcsettleException(CoreErrorCode.IDEMPOTENCY_CONFLICT, "idempotencyKey",
                    "key already applied with different content");
        }
        for (Entry e : posting.entries()) {
            balances.merge(e.account(), e.signed(), Fen::plus);
            if (e.side() == Side.DEBIT) {
                debits = debits.plus(e.amount());
            } else {
                credits = credits.plus(e.amount());
            }
        }
        byKey.put(posting.idempotencyKey(), posting);
        journal.add(posting);
        return PostingOutcome.APPLIED;
    }

    /** The balance of {@code account}, debit minus credit. */
    public synchronized Fen balance(Account account) {
        return balances.getOrDefault(account, Fen.ZERO);
    }

    /** The balance of {@code account} counting postings booked on or before {@code asOf}. */
    public synchronized Fen balance(Account account, LocalDate asOf) {
        Fen sum = Fen.ZERO;
        for (Posting p : journal) {
            if (!p.bookedOn().isAfter(asOf)) {
                for (Entry e : p.entries()) {
                    if (e.account().equals(account)) {
                        sum = sum.plus(e.signed());
                    }
                }
            }
        }
        return sum;
    }

    /** Every account's balance (debit minus credit), sorted by account. */
    public synchronized SortedMap<Account, Fen> balances() {
        return Collections.unmodifiableSortedMap(new TreeMap<>(balances));
    }

    /** Σ of all debits ever posted. */
    public synchronized Fen totalDebits() {
        return debits;
    }

    /** Σ of all credits ever posted. */
    public synchronized Fen totalCredits() {
        return credits;
    }

    /** The postings in the order applied (a snapshot). */
    public synchronized List<Posting> journal() {
        return List.copyOf(journal);
    }

    /** Whether a posting with {@code idempotencyKey} was applied. */
    public synchronized boolean contains(String idempotencyKey) {
        return byKey.containsKey(idempotencyKey);
    }
}
