package io.wcsettle.agency.ledger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.wcsettle.agency.jdbc.AgencySchema;
import io.wcsettle.agency.jdbc.AgencyStorageException;
import io.wcsettle.agency.jdbc.StorageErrorCode;
import io.wcsettle.core.error.AgencyErrorCode;
import io.wcsettle.core.error.CoreErrorCode;
import io.wcsettle.core.error.InvalidInputException;
import io.wcsettle.core.error.WcsettleException;
import io.wcsettle.core.ledger.Account;
import io.wcsettle.core.ledger.AccountKind;
import io.wcsettle.core.ledger.BookOfRecord;
import io.wcsettle.core.ledger.Entry;
import io.wcsettle.core.ledger.PendingState;
import io.wcsettle.core.ledger.PendingTransfer;
import io.wcsettle.core.ledger.Posting;
import io.wcsettle.core.ledger.PostingOutcome;
import io.wcsettle.core.ledger.Side;
import io.wcsettle.core.money.Fen;
import io.wcsettle.core.region.Admdvs;

/**
 * The agency's book of record on JDBC (R-PRE-8): the {@link BookOfRecord} API of core's in-memory
 * {@code Ledger}, durable. Each operation is one transaction: the operation row (its idempotency
 * key under a UNIQUE constraint) and its entries commit together or not at all, so a crash at any
 * moment leaves the book balanced, and a key is applied once even when several writers (threads,
 * processes) race: the database refuses the second insert and the loser reads what the winner
 * wrote. Balances are sums over the entries, so they are what was committed, across restarts.
 *
 * <p>Keys are at most {@link #MAX_KEY} characters (a longer one is {@code INVALID_INPUT}).
 * Append-only: nothing is ever updated or deleted. One connection per instance, every method
 * synchronised; open one instance per writer thread or process for concurrency.
 */
public final class JdbcLedger implements BookOfRecord, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcLedger.class);
    private static final String POSTING = "POSTING";
    private static final String RESERVE = "RESERVE";
    private static final String POST_PENDING = "POST_PENDING";
    private static final String VOID_PENDING = "VOID_PENDING";
    private static final String SIGNED = "CASE WHEN e.side = 'DEBIT' THEN e.amount ELSE -e.amount END";
    private static final String UNRESOLVED = "NOT EXISTS (SELECT 1 FROM wcs_ledger_op r WHERE r.resolves = o.op_key)";

    /** The longest idempotency key stored (the column's width). */
    public static final int MAX_KEY = 200;

    private final Connection connection;
    private final Clock clock;

    private JdbcLedger(Connection connection, Clock clock) {
        this.connection = connection;
        this.clock = clock;
    }

    /**
     * Opens (and migrates) the ledger in {@code dataSource} (H2 or PostgreSQL).
     *
     * @param clock stamps {@code created_at} of each operation (not the booking date, which the caller gives)
     * @throws AgencyStorageException {@code STORAGE_FAILURE}, {@code MIGRATION_FAILED}
     */
    public static JdbcLedger open(DataSource dataSource, Clock clock) {
        Objects.requireNonNull(clock, "clock");
        return new JdbcLedger(AgencySchema.open(dataSource), clock);
    }

    @Override
    public synchronized PostingOutcome post(Posting posting) {
        Objects.requireNonNull(posting, "posting");
        requireKey(posting.idempotencyKey());
        return write(() -> {
            Optional<Op> earlier = op(posting.idempotencyKey());
            if (earlier.isPresent()) {
                return same(earlier.get().kind.equals(POSTING) && posting.equals(postingOf(earlier.get())));
            }
            long seq = insertOp(posting.idempotencyKey(), POSTING, posting.bookedOn(), posting.memo(), null, null);
            insertEntries(seq, posting.entries(), false, posting.bookedOn());
            return PostingOutcome.APPLIED;
        });
    }

    @Override
    public synchronized PostingOutcome reserve(PendingTransfer t) {
        Objects.requireNonNull(t, "transfer");
        requireKey(t.idempotencyKey());
        return write(() -> {
            Optional<Op> earlier = op(t.idempotencyKey());
            if (earlier.isPresent()) {
                return same(earlier.get().kind.equals(RESERVE) && t.equals(reservationOf(earlier.get())));
            }
            long seq = insertOp(t.idempotencyKey(), RESERVE, t.bookedOn(), t.memo(), null, t.amount().value());
            insertEntries(seq, List.of(Entry.debit(t.debit(), t.amount()), Entry.credit(t.credit(), t.amount())),
                    true, t.bookedOn());
            return PostingOutcome.APPLIED;
        });
    }

    @Override
    public synchronized PostingOutcome postPending(String key, String pendingKey, LocalDate bookedOn, Fen amount) {
        Objects.requireNonNull(amount, "amount");
        if (amount.isNegative() || amount.isZero()) {
            throw new InvalidInputException(CoreErrorCode.INVALID_AMOUNT, "amount", "must be positive");
        }
        return resolve(requireKey(key), requireKey(pendingKey), Objects.requireNonNull(bookedOn, "bookedOn"), amount);
    }

    @Override
    public synchronized PostingOutcome voidPending(String key, String pendingKey, LocalDate bookedOn) {
        return resolve(requireKey(key), requireKey(pendingKey), Objects.requireNonNull(bookedOn, "bookedOn"), null);
    }

    private PostingOutcome resolve(String key, String pendingKey, LocalDate on, Fen amount) {
        String kind = amount == null ? VOID_PENDING : POST_PENDING;
        return write(() -> {
            Optional<Op> earlier = op(key);
            if (earlier.isPresent()) {
                Op e = earlier.get();
                return same(e.kind.equals(kind) && pendingKey.equals(e.resolves) && on.equals(e.bookedOn)
                        && Objects.equals(amount == null ? null : amount.value(), e.amount));
            }
            Op reservation = op(pendingKey).filter(o -> o.kind.equals(RESERVE)).orElseThrow(() ->
                    new WcsettleException(AgencyErrorCode.PENDING_NOT_FOUND, "pendingKey", "no pending transfer"));
            if (resolution(pendingKey).isPresent()) {
                throw alreadyResolved();
            }
            PendingTransfer t = reservationOf(reservation);
            if (amount != null && amount.compareTo(t.amount()) > 0) {
                throw new WcsettleException(AgencyErrorCode.PENDING_AMOUNT_EXCEEDED, "amount",
                        "more than the " + t.amount() + " reserved");
            }
            long seq = insertOp(key, kind, on, t.memo(), pendingKey, amount == null ? null : amount.value());
            if (amount != null) {
                insertEntries(seq, t.posting(key, on, amount).entries(), false, on);
            }
            return PostingOutcome.APPLIED;
        });
    }

    @Override
    public synchronized Optional<PendingState> pendingState(String pendingKey) {
        return read(() -> {
            Optional<Op> r = op(pendingKey).filter(o -> o.kind.equals(RESERVE));
            if (r.isEmpty()) {
                return Optional.<PendingState>empty();
            }
            Optional<Op> res = resolution(pendingKey);
            return Optional.of(res.isEmpty() ? PendingState.PENDING
                    : res.get().kind.equals(VOID_PENDING) ? PendingState.VOIDED : PendingState.POSTED);
        });
    }

    @Override
    public synchronized List<PendingTransfer> openPending() {
        return read(() -> {
            List<PendingTransfer> open = new ArrayList<>();
            for (Op o : ops("SELECT " + Op.COLUMNS + " FROM wcs_ledger_op o WHERE o.kind = 'RESERVE' AND " + UNRESOLVED
                    + " ORDER BY o.seq", null)) {
                open.add(reservationOf(o));
            }
            return open;
        });
    }

    @Override
    public synchronized Fen balance(Account account) {
        return sum("SELECT COALESCE(SUM(" + SIGNED + "), 0) FROM wcs_ledger_entry e WHERE e.account = ? "
                + "AND e.pending = FALSE", account, null);
    }

    @Override
    public synchronized Fen balance(Account account, LocalDate asOf) {
        return sum("SELECT COALESCE(SUM(" + SIGNED + "), 0) FROM wcs_ledger_entry e WHERE e.account = ? "
                + "AND e.pending = FALSE AND e.booked_on <= ?", account, Objects.requireNonNull(asOf, "asOf"));
    }

    @Override
    public synchronized SortedMap<Account, Fen> balances() {
        return read(() -> {
            SortedMap<Account, Fen> m = new TreeMap<>();
            try (PreparedStatement p = connection.prepareStatement("SELECT e.account, SUM(" + SIGNED
                    + ") FROM wcs_ledger_entry e WHERE e.pending = FALSE GROUP BY e.account");
                 ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    m.put(account(rs.getString(1)), Fen.of(rs.getLong(2)));
                }
            }
            return Collections.unmodifiableSortedMap(m);
        });
    }

    @Override
    public synchronized Fen pendingBalance(Account account) {
        return sum("SELECT COALESCE(SUM(" + SIGNED + "), 0) FROM wcs_ledger_entry e JOIN wcs_ledger_op o "
                + "ON o.seq = e.op_seq WHERE e.account = ? AND e.pending = TRUE AND " + UNRESOLVED, account, null);
    }

    @Override
    public synchronized Fen totalDebits() {
        return sum("SELECT COALESCE(SUM(e.amount), 0) FROM wcs_ledger_entry e WHERE e.side = 'DEBIT' "
                + "AND e.pending = FALSE", null, null);
    }

    @Override
    public synchronized Fen totalCredits() {
        return sum("SELECT COALESCE(SUM(e.amount), 0) FROM wcs_ledger_entry e WHERE e.side = 'CREDIT' "
                + "AND e.pending = FALSE", null, null);
    }

    @Override
    public synchronized List<Posting> journal() {
        return read(() -> {
            List<Posting> out = new ArrayList<>();
            try (PreparedStatement p = connection.prepareStatement("SELECT o.seq, o.op_key, o.booked_on, o.memo, "
                    + "e.account, e.side, e.amount FROM wcs_ledger_op o JOIN wcs_ledger_entry e ON e.op_seq = o.seq "
                    + "WHERE o.kind IN ('POSTING', 'POST_PENDING') ORDER BY o.seq, e.line");
                 ResultSet rs = p.executeQuery()) {
                long seq = -1;
                String key = null;
                LocalDate on = null;
                String memo = null;
                List<Entry> entries = new ArrayList<>();
                while (rs.next()) {
                    if (rs.getLong(1) != seq) {
                        if (key != null) {
                            out.add(new Posting(key, on, memo, entries));
                        }
                        seq = rs.getLong(1);
                        key = rs.getString(2);
                        on = rs.getObject(3, LocalDate.class);
                        memo = rs.getString(4);
                        entries = new ArrayList<>();
                    }
                    entries.add(new Entry(account(rs.getString(5)), Side.valueOf(rs.getString(6)), Fen.of(rs.getLong(7))));
                }
                if (key != null) {
                    out.add(new Posting(key, on, memo, entries));
                }
            }
            return out;
        });
    }

    @Override
    public synchronized boolean contains(String idempotencyKey) {
        return read(() -> op(idempotencyKey).isPresent());
    }

    @Override
    public synchronized void close() {
        AgencySchema.closeQuietly(connection);
    }

    // --- storage

    /** One row of wcs_ledger_op. */
    private record Op(long seq, String key, String kind, LocalDate bookedOn, String memo, String resolves, Long amount) {
        static final String COLUMNS = "o.seq, o.op_key, o.kind, o.booked_on, o.memo, o.resolves, o.amount";
    }

    @FunctionalInterface
    private interface Work<T> {
        T run() throws SQLException;
    }

    /** Runs a write; a unique violation (a concurrent writer won) is retried once, reading what it wrote. */
    private PostingOutcome write(Work<PostingOutcome> work) {
        for (int attempt = 0; ; attempt++) {
            try {
                PostingOutcome o = work.run();
                connection.commit();
                return o;
            } catch (SQLException e) {
                AgencySchema.rollback(connection);
                if (attempt == 0 && AgencySchema.isUniqueViolation(e)) {
                    LOG.debug("ledger key taken by a concurrent writer; re-reading");
                    continue;
                }
                throw new AgencyStorageException(StorageErrorCode.STORAGE_FAILURE, "ledger write failed", e);
            } catch (RuntimeException e) {
                AgencySchema.rollback(connection);
                throw e;
            }
        }
    }

    private <T> T read(Work<T> work) {
        try {
            T t = work.run();
            connection.commit();
            return t;
        } catch (SQLException e) {
            AgencySchema.rollback(connection);
            throw new AgencyStorageException(StorageErrorCode.STORAGE_FAILURE, "ledger read failed", e);
        }
    }

    private Fen sum(String sql, Account account, LocalDate asOf) {
        return read(() -> {
            try (PreparedStatement p = connection.prepareStatement(sql)) {
                int i = 1;
                if (account != null) {
                    p.setString(i++, name(account));
                }
                if (asOf != null) {
                    p.setObject(i, asOf);
                }
                try (ResultSet rs = p.executeQuery()) {
                    rs.next();
                    return Fen.of(rs.getLong(1));
                }
            }
        });
    }

    private long insertOp(String key, String kind, LocalDate on, String memo, String resolves, Long amount)
            throws SQLException {
        try (PreparedStatement p = connection.prepareStatement("INSERT INTO wcs_ledger_op (op_key, kind, booked_on, "
                + "memo, resolves, amount, created_at) VALUES (?,?,?,?,?,?,?)", new String[] {"seq"})) {
            p.setString(1, key);
            p.setString(2, kind);
            p.setObject(3, on);
            p.setString(4, memo);
            p.setString(5, resolves);
            if (amount == null) {
                p.setNull(6, java.sql.Types.BIGINT);
            } else {
                p.setLong(6, amount);
            }
            p.setLong(7, clock.millis());
            p.executeUpdate();
            try (ResultSet keys = p.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    private void insertEntries(long seq, List<Entry> entries, boolean pending, LocalDate on) throws SQLException {
        try (PreparedStatement p = connection.prepareStatement("INSERT INTO wcs_ledger_entry (op_seq, line, account, "
                + "side, amount, pending, booked_on) VALUES (?,?,?,?,?,?,?)")) {
            for (int i = 0; i < entries.size(); i++) {
                Entry e = entries.get(i);
                p.setLong(1, seq);
                p.setInt(2, i);
                p.setString(3, name(e.account()));
                p.setString(4, e.side().name());
                p.setLong(5, e.amount().value());
                p.setBoolean(6, pending);
                p.setObject(7, on);
                p.addBatch();
            }
            p.executeBatch();
        }
    }

    private Optional<Op> op(String key) throws SQLException {
        List<Op> r = ops("SELECT " + Op.COLUMNS + " FROM wcs_ledger_op o WHERE o.op_key = ?", key);
        return r.isEmpty() ? Optional.empty() : Optional.of(r.get(0));
    }

    private Optional<Op> resolution(String pendingKey) throws SQLException {
        List<Op> r = ops("SELECT " + Op.COLUMNS + " FROM wcs_ledger_op o WHERE o.resolves = ?", pendingKey);
        return r.isEmpty() ? Optional.empty() : Optional.of(r.get(0));
    }

    private List<Op> ops(String sql, String param) throws SQLException {
        try (PreparedStatement p = connection.prepareStatement(sql)) {
            if (param != null) {
                p.setString(1, param);
            }
            try (ResultSet rs = p.executeQuery()) {
                List<Op> r = new ArrayList<>();
                while (rs.next()) {
                    long amount = rs.getLong(7);
                    Long nullable = rs.wasNull() ? null : amount;
                    r.add(new Op(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getObject(4, LocalDate.class),
                            rs.getString(5), rs.getString(6), nullable));
                }
                return r;
            }
        }
    }

    private List<Entry> entries(long seq) throws SQLException {
        try (PreparedStatement p = connection.prepareStatement("SELECT account, side, amount FROM wcs_ledger_entry "
                + "WHERE op_seq = ? ORDER BY line")) {
            p.setLong(1, seq);
            try (ResultSet rs = p.executeQuery()) {
                List<Entry> r = new ArrayList<>();
                while (rs.next()) {
                    r.add(new Entry(account(rs.getString(1)), Side.valueOf(rs.getString(2)), Fen.of(rs.getLong(3))));
                }
                return r;
            }
        }
    }

    private Posting postingOf(Op o) throws SQLException {
        return new Posting(o.key, o.bookedOn, o.memo, entries(o.seq));
    }

    private PendingTransfer reservationOf(Op o) throws SQLException {
        List<Entry> e = entries(o.seq);
        return new PendingTransfer(o.key, o.bookedOn, o.memo, e.get(0).account(), e.get(1).account(),
                Fen.of(o.amount));
    }

    private static PostingOutcome same(boolean same) {
        if (!same) {
            throw new WcsettleException(CoreErrorCode.IDEMPOTENCY_CONFLICT, "idempotencyKey",
                    "key already applied with different content");
        }
        return PostingOutcome.ALREADY_APPLIED;
    }

    private static WcsettleException alreadyResolved() {
        return new WcsettleException(AgencyErrorCode.PENDING_ALREADY_RESOLVED, "pendingKey",
                "already posted or voided under another key");
    }

    private static String requireKey(String key) {
        if (key == null || key.isBlank()) {
            throw new InvalidInputException(CoreErrorCode.INVALID_INPUT, "idempotencyKey", "required");
        }
        if (key.length() > MAX_KEY) {
            throw new InvalidInputException(CoreErrorCode.INVALID_INPUT, "idempotencyKey",
                    "longer than " + MAX_KEY + " characters");
        }
        return key;
    }

    /** The stored name of an account: its kind, and {@code :counterpart} for per-counterpart kinds. */
    static String name(Account a) {
        return a.counterpart() == null ? a.kind().name() : a.kind().name() + ":" + a.counterpart().code();
    }

    static Account account(String stored) {
        int colon = stored.indexOf(':');
        return colon < 0 ? Account.of(AccountKind.valueOf(stored))
                : new Account(AccountKind.valueOf(stored.substring(0, colon)), new Admdvs(stored.substring(colon + 1)));
    }
}
