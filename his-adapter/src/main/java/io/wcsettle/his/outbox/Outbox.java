package io.wcsettle.his.outbox;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.wcsettle.core.error.WcsettleException;
import io.wcsettle.core.upload.UploadDeadlines;
import io.wcsettle.his.platform.CanonicalJson;
import io.wcsettle.his.platform.MsgIdGenerator;
import io.wcsettle.his.platform.Workstation;

/**
 * The durable outbox over JDBC (R-UPL-4): a message is written and committed with its msgid
 * before the first send, and every state change is committed before the next step. An embedded
 * H2 file database is the zero-configuration default ({@link #h2File}); PostgreSQL, MariaDB/MySQL
 * and (untested here) KingbaseES, DM and Oracle take the same schema, each in its dialect's
 * migration scripts ({@link #open}; see {@code docs/databases.md}). One connection, every method
 * synchronised: safe to share between threads; a crash at any moment leaves a consistent entry.
 */
public final class Outbox implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Outbox.class);
    private static final String COLUMNS = "msgid, business_key, generation, infno, state, insuplc_admdvs, input_json, "
            + "settled_on, upload_due, medfee_fen, fund_fen, attempts, last_error, response_json, reversal_msgid, "
            + "reversal_result";

    private final Connection connection;
    private final JdbcMsgIdReservations reservations;
    private final MsgIdGenerator msgids;
    private final Clock clock;
    private final UploadDeadlines deadlines;
    private final Protection protection;

    private Outbox(DataSource dataSource, String institutionCode, Clock clock, UploadDeadlines deadlines,
                   Workstation workstation, Protection protection) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.deadlines = Objects.requireNonNull(deadlines, "deadlines");
        this.protection = protection;
        Connection c = null;
        try {
            c = dataSource.getConnection();
            OutboxSchema.migrate(c);
            this.reservations = new JdbcMsgIdReservations(dataSource.getConnection());
        } catch (SQLException e) {
            closeQuietly(c);
            throw storage("cannot open outbox", e);
        }
        this.connection = c;
        this.msgids = new MsgIdGenerator(institutionCode, clock, reservations, workstation);
    }

    private static void closeQuietly(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // the original failure is reported
            }
        }
    }

    /**
     * Opens (and migrates) the outbox in any JDBC database with the shipped schema (H2, PostgreSQL, MariaDB),
     * for a single-outbox institution, payloads stored as they are (protect the database itself).
     *
     * @param institutionCode 12-character {@code fixmedins_code}, the msgid prefix
     * @param deadlines       R-UPL-1 deadlines of discharge uploads, under the treatment place's policy
     */
    public static Outbox open(DataSource dataSource, String institutionCode, Clock clock, UploadDeadlines deadlines) {
        return new Outbox(dataSource, institutionCode, clock, deadlines, Workstation.single(), null);
    }

    /**
     * Opens (and migrates) the outbox in any JDBC database with the shipped schema.
     *
     * @param institutionCode 12-character {@code fixmedins_code}, the msgid prefix
     * @param deadlines       R-UPL-1 deadlines of discharge uploads, under the treatment place's policy
     * @param workstation     this workstation's number when the institution's workstations keep separate
     *                        outboxes ({@link Workstation#single()} when they share this database)
     * @param protection      seals stored payloads (names, ID and card numbers), or {@code null}
     */
    public static Outbox open(DataSource dataSource, String institutionCode, Clock clock, UploadDeadlines deadlines,
                              Workstation workstation, Protection protection) {
        return new Outbox(dataSource, institutionCode, clock, deadlines, workstation, protection);
    }

    /**
     * Opens the zero-configuration default: an embedded H2 database in {@code file} (without
     * {@code .mv.db}), owner-only, with payloads sealed under the key in {@code file.key} (created
     * owner-only on first use; back it up with the database). A second process opening the same file
     * gets {@code OUTBOX_IN_USE}.
     */
    public static Outbox h2File(Path file, String institutionCode, Clock clock, UploadDeadlines deadlines) {
        return h2File(file, institutionCode, clock, deadlines, Workstation.single());
    }

    /** As {@link #h2File(Path, String, Clock, UploadDeadlines)}, for workstation {@code workstation}. */
    public static Outbox h2File(Path file, String institutionCode, Clock clock, UploadDeadlines deadlines,
                                Workstation workstation) {
        Path abs = file.toAbsolutePath();
        Protection p = Protection.keyFile(abs.resolveSibling(abs.getFileName() + ".key"));
        // FILE_LOCK=FS: the OS releases the lock when a crashed process dies, so a restart opens at once;
        // WRITE_DELAY=0: every commit reaches the file before commit() returns, so a killed process loses nothing
        Outbox o = open(new UrlDataSource("jdbc:h2:file:" + abs + ";FILE_LOCK=FS;WRITE_DELAY=0"),
                institutionCode, clock, deadlines, workstation, p);
        Protection.ownerOnly(abs.resolveSibling(abs.getFileName() + ".mv.db"));
        return o;
    }

    /** The msgid generator, unique across restarts through reservations in this database. */
    public MsgIdGenerator msgids() {
        return msgids;
    }

    /**
     * Writes {@code m} as a PENDING entry with a new msgid and commits it. Idempotent by business key:
     * when the key is already stored, its latest entry is returned unchanged and no msgid is minted.
     */
    public synchronized OutboxEntry enqueue(NewMessage m) {
        try {
            Optional<OutboxEntry> existing = latestIn(m.businessKey());
            if (existing.isPresent()) {
                connection.commit();
                return existing.get();
            }
            String msgid = msgids.next();
            insert(msgid, m.businessKey(), 1, m.infno(), m.insuplcAdmdvs(),
                    seal(CanonicalJson.mapper().writeValueAsString(m.input())), m.settledOn(),
                    m.medfee() == null ? null : m.medfee().value(), m.fundPaid() == null ? null : m.fundPaid().value());
            connection.commit();
            LOG.debug("enqueued [msgid={}, infno={}]", msgid, m.infno());
            return findIn(msgid).orElseThrow();
        } catch (SQLException | com.fasterxml.jackson.core.JsonProcessingException e) {
            rollback();
            throw storage("enqueue failed", e);
        }
    }

    /**
     * Writes {@code m} again after its business key's latest entry was definitely refused (FAILED):
     * the next generation, PENDING under a new msgid, with the new input (the caller fixed the cause).
     * Any other latest state is returned unchanged, as {@link #enqueue} does.
     */
    public synchronized OutboxEntry enqueueAfterRefusal(NewMessage m) {
        try {
            Optional<OutboxEntry> existing = latestIn(m.businessKey());
            if (existing.isEmpty() || existing.get().state() != OutboxState.FAILED) {
                connection.commit();
                return existing.isPresent() ? existing.get() : enqueue(m);
            }
            String msgid = msgids.next();
            insert(msgid, m.businessKey(), existing.get().generation() + 1, m.infno(), m.insuplcAdmdvs(),
                    seal(CanonicalJson.mapper().writeValueAsString(m.input())), m.settledOn(),
                    m.medfee() == null ? null : m.medfee().value(), m.fundPaid() == null ? null : m.fundPaid().value());
            connection.commit();
            LOG.debug("enqueued after refusal [msgid={}, infno={}]", msgid, m.infno());
            return findIn(msgid).orElseThrow();
        } catch (SQLException | com.fasterxml.jackson.core.JsonProcessingException e) {
            rollback();
            throw storage("enqueue failed", e);
        }
    }

    /** The latest generation of every business key starting with {@code prefix}, oldest first. */
    public synchronized List<OutboxEntry> latestWithPrefix(String prefix) {
        List<OutboxEntry> all = new ArrayList<>();
        try (PreparedStatement p = connection.prepareStatement("SELECT " + COLUMNS
                + " FROM wcs_outbox WHERE business_key LIKE ? ESCAPE '!' ORDER BY created_at, msgid, generation")) {
            p.setString(1, prefix.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%");
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    all.add(row(rs));
                }
            }
            connection.commit();
        } catch (SQLException e) {
            rollback();
            throw storage("read failed", e);
        }
        Map<String, OutboxEntry> latest = new java.util.LinkedHashMap<>();
        for (OutboxEntry e : all) {
            OutboxEntry seen = latest.get(e.businessKey());
            if (seen == null || seen.generation() < e.generation()) {
                latest.remove(e.businessKey());
                latest.put(e.businessKey(), e);
            }
        }
        return new ArrayList<>(latest.values());
    }

    /**
     * R-UPL-1: discharge uploads not yet accepted whose deadline could not be computed (no calendar
     * data for the year yet). They are never blocked; update the calendar and they get a deadline.
     */
    public synchronized List<OutboxEntry> uploadsWithUnknownDeadline() {
        List<OutboxEntry> r = new ArrayList<>();
        for (OutboxEntry e : query("SELECT " + COLUMNS + " FROM wcs_outbox WHERE settled_on IS NOT NULL "
                + "AND upload_due IS NULL AND state IN ('PENDING','SENT','UNKNOWN') ORDER BY settled_on, msgid")) {
            r.add(e);
        }
        return r;
    }

    /** The entry with {@code msgid}. */
    public synchronized Optional<OutboxEntry> find(String msgid) {
        try {
            Optional<OutboxEntry> e = findIn(msgid);
            connection.commit();
            return e;
        } catch (SQLException e) {
            rollback();
            throw storage("read failed", e);
        }
    }

    /** The latest generation stored for {@code businessKey}. */
    public synchronized Optional<OutboxEntry> latest(String businessKey) {
        try {
            Optional<OutboxEntry> e = latestIn(businessKey);
            connection.commit();
            return e;
        } catch (SQLException e) {
            rollback();
            throw storage("read failed", e);
        }
    }

    /** Entries in any of {@code states}, oldest first. */
    public synchronized List<OutboxEntry> inState(Set<OutboxState> states) {
        if (states.isEmpty()) {
            return List.of();
        }
        String in = states.stream().map(s -> "'" + s.name() + "'").collect(Collectors.joining(","));
        return query("SELECT " + COLUMNS + " FROM wcs_outbox WHERE state IN (" + in + ") ORDER BY created_at, msgid");
    }

    /** Every entry, oldest first. */
    public synchronized List<OutboxEntry> all() {
        return query("SELECT " + COLUMNS + " FROM wcs_outbox ORDER BY created_at, msgid");
    }

    /** Entries that still need work: PENDING, SENT, UNKNOWN. */
    public List<OutboxEntry> unfinished() {
        return inState(Set.of(OutboxState.PENDING, OutboxState.SENT, OutboxState.UNKNOWN));
    }

    /**
     * When the oldest entry that still needs work (PENDING, SENT, UNKNOWN) was written, by the
     * outbox's clock: empty when nothing is unfinished. For health checks: an old one means steps or
     * resolutions that do not get through.
     */
    public synchronized Optional<Instant> oldestUnfinishedSince() {
        try (PreparedStatement p = connection.prepareStatement(
                "SELECT MIN(created_at) FROM wcs_outbox WHERE state IN ('PENDING', 'SENT', 'UNKNOWN')");
             ResultSet rs = p.executeQuery()) {
            Optional<Instant> oldest = Optional.empty();
            if (rs.next()) {
                long millis = rs.getLong(1);
                if (!rs.wasNull()) {
                    oldest = Optional.of(Instant.ofEpochMilli(millis));
                }
            }
            connection.commit();
            return oldest;
        } catch (SQLException e) {
            rollback();
            throw storage("read failed", e);
        }
    }

    /** How many entries are in each state (all states present). */
    public synchronized Map<OutboxState, Long> counts() {
        Map<OutboxState, Long> counts = new EnumMap<>(OutboxState.class);
        for (OutboxState s : OutboxState.values()) {
            counts.put(s, 0L);
        }
        try (PreparedStatement p = connection.prepareStatement("SELECT state, COUNT(*) FROM wcs_outbox GROUP BY state");
             ResultSet rs = p.executeQuery()) {
            while (rs.next()) {
                counts.put(OutboxState.valueOf(rs.getString(1)), rs.getLong(2));
            }
            connection.commit();
            return counts;
        } catch (SQLException e) {
            rollback();
            throw storage("read failed", e);
        }
    }

    /**
     * R-UPL-1: discharge uploads not yet accepted whose deadline is {@code today} or later.
     */
    public synchronized List<OutboxEntry> uploadsDue(LocalDate today) {
        return uploads(today, false);
    }

    /**
     * R-UPL-1: discharge uploads not yet accepted whose deadline has passed on {@code today}
     * ({@link UploadDeadlines#isOverdue}).
     */
    public synchronized List<OutboxEntry> uploadsOverdue(LocalDate today) {
        return uploads(today, true);
    }

    /** Marks an attempt as started: PENDING or SENT → SENT, attempts + 1. Committed before sending. */
    public synchronized OutboxEntry markSent(String msgid) {
        return transition(msgid, OutboxState.SENT, null, null, true);
    }

    /** Nothing was delivered: SENT → PENDING. */
    public synchronized OutboxEntry markPending(String msgid, String errorCode) {
        return transition(msgid, OutboxState.PENDING, errorCode, null, false);
    }

    /** The platform accepted it: SENT / UNKNOWN → DONE, keeping the verified output. */
    public synchronized OutboxEntry markDone(String msgid, String outputJson) {
        return transition(msgid, OutboxState.DONE, null, seal(outputJson), false);
    }

    /** The platform definitely refused it: SENT / UNKNOWN → FAILED. */
    public synchronized OutboxEntry markFailed(String msgid, String errorCode, String outputJson) {
        return transition(msgid, OutboxState.FAILED, errorCode, seal(outputJson), false);
    }

    /** R-UPL-4: outcome unknown: SENT → UNKNOWN. */
    public synchronized OutboxEntry markUnknown(String msgid, String errorCode) {
        return transition(msgid, OutboxState.UNKNOWN, errorCode, null, false);
    }

    /**
     * The msgid of the 2601 reversal that resolves the UNKNOWN entry {@code msgid}: created and
     * committed on the first call, the same on every later call (and after restarts).
     */
    public synchronized String reversalMsgid(String msgid) {
        try {
            OutboxEntry e = findIn(msgid).orElseThrow(() -> notFound(msgid));
            if (e.state() != OutboxState.UNKNOWN) {
                throw illegal(e, OutboxState.UNKNOWN);
            }
            if (e.reversalMsgid() != null) {
                connection.commit();
                return e.reversalMsgid();
            }
            String rmsgid = msgids.next();
            try (PreparedStatement p = connection.prepareStatement(
                    "UPDATE wcs_outbox SET reversal_msgid = ?, updated_at = ? WHERE msgid = ? AND reversal_msgid IS NULL")) {
                p.setString(1, rmsgid);
                p.setLong(2, clock.millis());
                p.setString(3, msgid);
                p.executeUpdate();
            }
            connection.commit();
            return rmsgid;
        } catch (SQLException e) {
            rollback();
            throw storage("update failed", e);
        }
    }

    /**
     * R-UPL-4: an UNKNOWN entry is resolved — the platform is known to hold nothing of it any more
     * (a 2601 reversal answered {@code 0}, its fee rows were cancelled by 2302, or it was a query
     * with no effect): UNKNOWN → REVERSED with {@code how}, and in the same transaction the same
     * business is written again under a new msgid (the next generation, PENDING), which is returned.
     * Calling it again for a REVERSED entry returns its redo.
     */
    public synchronized OutboxEntry markResolved(String msgid, Resolution how) {
        try {
            OutboxEntry e = findIn(msgid).orElseThrow(() -> notFound(msgid));
            if (e.state() == OutboxState.REVERSED) {
                Optional<OutboxEntry> redo = generationIn(e.businessKey(), e.generation() + 1);
                connection.commit();
                return redo.orElseThrow(() -> illegal(e, OutboxState.REVERSED));
            }
            if (e.state() != OutboxState.UNKNOWN) {
                throw illegal(e, OutboxState.REVERSED);
            }
            try (PreparedStatement p = connection.prepareStatement("UPDATE wcs_outbox SET state = ?, "
                    + "reversal_result = ?, updated_at = ? WHERE msgid = ? AND state = ?")) {
                p.setString(1, OutboxState.REVERSED.name());
                p.setString(2, how.name());
                p.setLong(3, clock.millis());
                p.setString(4, msgid);
                p.setString(5, OutboxState.UNKNOWN.name());
                p.executeUpdate();
            }
            String redo = msgids.next();
            try (PreparedStatement p = connection.prepareStatement("SELECT input_json FROM wcs_outbox WHERE msgid = ?")) {
                p.setString(1, msgid);
                try (ResultSet rs = p.executeQuery()) {
                    rs.next();
                    insert(redo, e.businessKey(), e.generation() + 1, e.infno(), e.insuplcAdmdvs(), rs.getString(1),
                            e.settledOn(), e.medfeeFen(), e.fundFen());
                }
            }
            connection.commit();
            LOG.debug("resolved [msgid={}, infno={}, how={}, redo={}]", msgid, e.infno(), how, redo);
            return findIn(redo).orElseThrow();
        } catch (SQLException ex) {
            rollback();
            throw storage("update failed", ex);
        } catch (OutboxException ex) {
            rollback();
            throw ex;
        }
    }

    private Optional<OutboxEntry> generationIn(String businessKey, int generation) throws SQLException {
        try (PreparedStatement p = connection.prepareStatement("SELECT " + COLUMNS
                + " FROM wcs_outbox WHERE business_key = ? AND generation = ?")) {
            p.setString(1, businessKey);
            p.setInt(2, generation);
            try (ResultSet rs = p.executeQuery()) {
                return rs.next() ? Optional.of(row(rs)) : Optional.empty();
            }
        }
    }

    private String seal(String plain) {
        return protection == null ? plain : protection.seal(plain);
    }

    @Override
    public synchronized void close() {
        reservations.close();
        try {
            connection.close();
        } catch (SQLException e) {
            throw storage("close failed", e);
        }
    }

    private OutboxEntry transition(String msgid, OutboxState to, String error, String output, boolean countAttempt) {
        try {
            OutboxEntry e = findIn(msgid).orElseThrow(() -> notFound(msgid));
            if (e.state() == to && to.isFinal()) {
                connection.commit();
                return e;
            }
            if (!to.allowedFrom().contains(e.state())) {
                throw illegal(e, to);
            }
            try (PreparedStatement p = connection.prepareStatement("UPDATE wcs_outbox SET state = ?, last_error = ?, "
                    + "response_json = COALESCE(?, response_json), attempts = attempts + ?, updated_at = ? "
                    + "WHERE msgid = ? AND state = ?")) {
                p.setString(1, to.name());
                p.setString(2, error);
                p.setString(3, output);
                p.setInt(4, countAttempt ? 1 : 0);
                p.setLong(5, clock.millis());
                p.setString(6, msgid);
                p.setString(7, e.state().name());
                if (p.executeUpdate() != 1) {
                    throw illegal(e, to);
                }
            }
            connection.commit();
            return findIn(msgid).orElseThrow();
        } catch (SQLException ex) {
            rollback();
            throw storage("update failed", ex);
        } catch (OutboxException ex) {
            rollback();
            throw ex;
        }
    }

    private void insert(String msgid, String businessKey, int generation, String infno, String admdvs, String input,
                        LocalDate settledOn, Long medfee, Long fund) throws SQLException {
        long now = clock.millis();
        try (PreparedStatement p = connection.prepareStatement("INSERT INTO wcs_outbox (" + COLUMNS
                + ", created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,0,NULL,NULL,NULL,NULL,?,?)")) {
            p.setString(1, msgid);
            p.setString(2, businessKey);
            p.setInt(3, generation);
            p.setString(4, infno);
            p.setString(5, OutboxState.PENDING.name());
            p.setString(6, admdvs);
            p.setString(7, input);
            p.setObject(8, settledOn, Types.DATE);
            p.setObject(9, settledOn == null ? null : dueOrUnknown(settledOn), Types.DATE);
            setLong(p, 10, medfee);
            setLong(p, 11, fund);
            p.setLong(12, now);
            p.setLong(13, now);
            p.executeUpdate();
        }
    }

    /** R-UPL-1: a deadline that cannot be computed (no calendar data yet) is stored as unknown, never an error. */
    private LocalDate dueOrUnknown(LocalDate settledOn) {
        try {
            return deadlines.dischargeUploadDue(settledOn);
        } catch (WcsettleException e) {
            LOG.warn("upload deadline unknown, calendar has no data [settled_on_year={}, code={}]",
                    settledOn.getYear(), e.code());
            return null;
        }
    }

    private List<OutboxEntry> uploads(LocalDate today, boolean overdue) {
        List<OutboxEntry> r = new ArrayList<>();
        for (OutboxEntry e : query("SELECT " + COLUMNS + " FROM wcs_outbox WHERE upload_due IS NOT NULL "
                + "AND state <> 'DONE' ORDER BY upload_due, msgid")) {
            if (e.state() == OutboxState.REVERSED && "REVERSED".equals(e.reversalResult())) {
                continue; // cleanly reversed: nothing left to upload
            }
            if (e.state() == OutboxState.REVERSED || e.state() == OutboxState.FAILED) {
                continue; // superseded by a redo, or refused: reported elsewhere
            }
            if (UploadDeadlines.isOverdue(e.uploadDue(), today) == overdue) {
                r.add(e);
            }
        }
        return r;
    }

    private List<OutboxEntry> query(String sql) {
        try (PreparedStatement p = connection.prepareStatement(sql); ResultSet rs = p.executeQuery()) {
            List<OutboxEntry> r = new ArrayList<>();
            while (rs.next()) {
                r.add(row(rs));
            }
            connection.commit();
            return r;
        } catch (SQLException e) {
            rollback();
            throw storage("read failed", e);
        }
    }

    private Optional<OutboxEntry> findIn(String msgid) throws SQLException {
        try (PreparedStatement p = connection.prepareStatement("SELECT " + COLUMNS + " FROM wcs_outbox WHERE msgid = ?")) {
            p.setString(1, msgid);
            try (ResultSet rs = p.executeQuery()) {
                return rs.next() ? Optional.of(row(rs)) : Optional.empty();
            }
        }
    }

    private Optional<OutboxEntry> latestIn(String businessKey) throws SQLException {
        try (PreparedStatement p = connection.prepareStatement("SELECT " + COLUMNS
                + " FROM wcs_outbox WHERE business_key = ? ORDER BY generation DESC")) {
            p.setString(1, businessKey);
            p.setMaxRows(1);
            try (ResultSet rs = p.executeQuery()) {
                return rs.next() ? Optional.of(row(rs)) : Optional.empty();
            }
        }
    }

    private OutboxEntry row(ResultSet rs) throws SQLException {
        return new OutboxEntry(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4),
                OutboxState.valueOf(rs.getString(5)), rs.getString(6), Protection.open(protection, rs.getString(7)),
                rs.getObject(8, LocalDate.class), rs.getObject(9, LocalDate.class), getLong(rs, 10), getLong(rs, 11),
                rs.getInt(12), rs.getString(13), Protection.open(protection, rs.getString(14)), rs.getString(15),
                rs.getString(16));
    }

    private static Long getLong(ResultSet rs, int i) throws SQLException {
        long v = rs.getLong(i);
        return rs.wasNull() ? null : v;
    }

    private static void setLong(PreparedStatement p, int i, Long v) throws SQLException {
        if (v == null) {
            p.setNull(i, Types.BIGINT);
        } else {
            p.setLong(i, v);
        }
    }

    private void rollback() {
        try {
            connection.rollback();
        } catch (SQLException e) {
            LOG.warn("rollback failed [sqlstate={}, cause={}]", e.getSQLState(), e.getClass().getSimpleName());
        }
    }

    private static OutboxException notFound(String msgid) {
        return new OutboxException(OutboxErrorCode.ENTRY_NOT_FOUND, "msgid", "no entry " + msgid);
    }

    private static OutboxException illegal(OutboxEntry e, OutboxState to) {
        return new OutboxException(OutboxErrorCode.ILLEGAL_STATE_TRANSITION, "state",
                e.state() + " -> " + to + " not allowed [msgid=" + e.msgid() + "]");
    }

    static OutboxException storage(String what, Exception e) {
        if (e instanceof SQLException s && (s.getErrorCode() == 90020 || "90020".equals(s.getSQLState()))) {
            return new OutboxException(OutboxErrorCode.OUTBOX_IN_USE, null,
                    "the outbox is in use by another process (one process per outbox file)", e);
        }
        String state = e instanceof SQLException s ? " [sqlstate=" + s.getSQLState() + "]" : "";
        return new OutboxException(OutboxErrorCode.STORAGE_FAILURE, null, what + state
                + " (" + e.getClass().getSimpleName() + ")", e);
    }
}
