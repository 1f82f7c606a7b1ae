package io.wcsettle.core.ledger;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

import io.wcsettle.core.error.AgencyErrorCode;
import io.wcsettle.core.error.CoreErrorCode;
import io.wcsettle.core.error.InvalidInputException;
import io.wcsettle.core.error.WcsettleException;
import io.wcsettle.core.money.Fen;

/**
 * The prepayment and clearing ledger of one agency (R-PRE-8, IM Art. 29): double entry (every
 * posting balances), append-only (postings are never changed or removed; a correction is a new
 * posting) and idempotent (a key is applied at most once).
 *
 * <p>Thread-safe. In memory: gone at exit. The agency's durable book is the JDBC ledger of the
 * {@code wcsettle-agency} module, which has the same {@link BookOfRecord} API and is checked
 * against this one.
 */
public final class Ledger implements BookOfRecord {

    private final List<Posting> journal = new ArrayList<>();
    private final Map<String, Posting> byKey = new HashMap<>();
    private final Map<Account, Fen> balances = new HashMap<>();
    private Fen debits = Fen.ZERO;
    private Fen credits = Fen.ZERO;
    /** Reservations by key, in the order made. */
    private final Map<String, PendingTransfer> reservations = new LinkedHashMap<>();
    /** Resolutions by their own key. */
    private final Map<String, Resolution> resolutions = new HashMap<>();
    /** The resolution of each resolved reservation, by the reservation's key. */
    private final Map<String, Resolution> resolutionOf = new HashMap<>();
    private final Map<Account, Fen> pending = new HashMap<>();

    /** How a reservation was resolved: posted for {@code amount} (null when voided), on {@code on}. */
    private record Resolution(String key, String pendingKey, LocalDate on, Fen amount) {
    }

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
    @Override
    public synchronized PostingOutcome post(Posting posting) {
        Objects.requireNonNull(posting, "posting");
        Posting earlier = byKey.get(posting.idempotencyKey());
        if (earlier != null && !resolutions.containsKey(posting.idempotencyKey())) {
            if (earlier.equals(posting)) {
                return PostingOutcome.ALREADY_APPLIED;
            }
            throw conflict();
        }
        if (earlier != null || usedElsewhere(posting.idempotencyKey())) {
            throw conflict();
        }
        apply(posting);
        return PostingOutcome.APPLIED;
    }

    @Override
    public synchronized PostingOutcome reserve(PendingTransfer transfer) {
        Objects.requireNonNull(transfer, "transfer");
        PendingTransfer earlier = reservations.get(transfer.idempotencyKey());
        if (earlier != null) {
            if (earlier.equals(transfer)) {
                return PostingOutcome.ALREADY_APPLIED;
            }
            throw conflict();
        }
        if (byKey.containsKey(transfer.idempotencyKey()) || resolutions.containsKey(transfer.idempotencyKey())) {
            throw conflict();
        }
        reservations.put(transfer.idempotencyKey(), transfer);
        pending.merge(transfer.debit(), transfer.amount(), Fen::plus);
        pending.merge(transfer.credit(), transfer.amount().negate(), Fen::plus);
        return PostingOutcome.APPLIED;
    }

    @Override
    public synchronized PostingOutcome postPending(String key, String pendingKey, LocalDate bookedOn, Fen amount) {
        Objects.requireNonNull(amount, "amount");
        if (amount.isNegative() || amount.isZero()) {
            throw new InvalidInputException(CoreErrorCode.INVALID_AMOUNT, "amount", "must be positive");
        }
        return resolve(new Resolution(requireKey(key), requireKey(pendingKey), Objects.requireNonNull(bookedOn,
                "bookedOn"), amount));
    }

    @Override
    public synchronized PostingOutcome voidPending(String key, String pendingKey, LocalDate bookedOn) {
        return resolve(new Resolution(requireKey(key), requireKey(pendingKey), Objects.requireNonNull(bookedOn,
                "bookedOn"), null));
    }

    private PostingOutcome resolve(Resolution r) {
        Resolution earlier = resolutions.get(r.key());
        if (earlier != null) {
            if (earlier.equals(r)) {
                return PostingOutcome.ALREADY_APPLIED;
            }
            throw conflict();
        }
        if (byKey.containsKey(r.key()) || reservations.containsKey(r.key())) {
            throw conflict();
        }
        PendingTransfer t = reservations.get(r.pendingKey());
        if (t == null) {
            throw new WcsettleException(AgencyErrorCode.PENDING_NOT_FOUND, "pendingKey", "no pending transfer");
        }
        if (resolutionOf.containsKey(r.pendingKey())) {
            throw new WcsettleException(AgencyErrorCode.PENDING_ALREADY_RESOLVED, "pendingKey",
                    "already posted or voided under another key");
        }
        if (r.amount() != null && r.amount().compareTo(t.amount()) > 0) {
            throw new WcsettleException(AgencyErrorCode.PENDING_AMOUNT_EXCEEDED, "amount",
                    "more than the " + t.amount() + " reserved");
        }
        pending.merge(t.debit(), t.amount().negate(), Fen::plus);
        pending.merge(t.credit(), t.amount(), Fen::plus);
        resolutions.put(r.key(), r);
        resolutionOf.put(r.pendingKey(), r);
        if (r.amount() != null) {
            apply(t.posting(r.key(), r.on(), r.amount()));
        }
        return PostingOutcome.APPLIED;
    }

    @Override
    public synchronized Optional<PendingState> pendingState(String pendingKey) {
        if (!reservations.containsKey(pendingKey)) {
            return Optional.empty();
        }
        Resolution r = resolutionOf.get(pendingKey);
        return Optional.of(r == null ? PendingState.PENDING : r.amount() == null ? PendingState.VOIDED
                : PendingState.POSTED);
    }

    @Override
    public synchronized List<PendingTransfer> openPending() {
        List<PendingTransfer> open = new ArrayList<>();
        for (PendingTransfer t : reservations.values()) {
            if (!resolutionOf.containsKey(t.idempotencyKey())) {
                open.add(t);
            }
        }
        return open;
    }

    @Override
    public synchronized Fen pendingBalance(Account account) {
        return pending.getOrDefault(account, Fen.ZERO);
    }

    private boolean usedElsewhere(String key) {
        return reservations.containsKey(key) || resolutions.containsKey(key);
    }

    private static String requireKey(String key) {
        if (key == null || key.isBlank()) {
            throw new InvalidInputException(CoreErrorCode.INVALID_INPUT, "idempotencyKey", "required");
        }
        return key;
    }

    private static WcsettleException conflict() {
        return new WcsettleException(CoreErrorCode.IDEMPOTENCY_CONFLICT, "idempotencyKey",
                "key already applied with different content");
    }

    private void apply(Posting posting) {
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
    }

    /** The balance of {@code account}, debit minus credit. */
    @Override
    public synchronized Fen balance(Account account) {
        return balances.getOrDefault(account, Fen.ZERO);
    }

    /** The balance of {@code account} counting postings booked on or before {@code asOf}. */
    @Override
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
    @Override
    public synchronized SortedMap<Account, Fen> balances() {
        return Collections.unmodifiableSortedMap(new TreeMap<>(balances));
    }

    /** Σ of all debits ever posted. */
    @Override
    public synchronized Fen totalDebits() {
        return debits;
    }

    /** Σ of all credits ever posted. */
    @Override
    public synchronized Fen totalCredits() {
        return credits;
    }

    /** The postings in the order applied (a snapshot). */
    @Override
    public synchronized List<Posting> journal() {
        return List.copyOf(journal);
    }

    /** Whether a posting with {@code idempotencyKey} was applied. */
    @Override
    public synchronized boolean contains(String idempotencyKey) {
        return byKey.containsKey(idempotencyKey) || usedElsewhere(idempotencyKey);
    }
}
