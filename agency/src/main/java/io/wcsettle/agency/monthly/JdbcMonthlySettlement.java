package io.wcsettle.agency.monthly;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import javax.sql.DataSource;

import io.wcsettle.agency.clearing.RecordRegistry;
import io.wcsettle.agency.clearing.Registration;
import io.wcsettle.agency.jdbc.Jdbc;
import io.wcsettle.core.clearing.DatedRecord;
import io.wcsettle.core.error.AgencyErrorCode;
import io.wcsettle.core.error.CoreErrorCode;
import io.wcsettle.core.error.InvalidInputException;
import io.wcsettle.core.error.WcsettleException;
import io.wcsettle.core.institution.SettlementKind;
import io.wcsettle.core.money.Fen;
import io.wcsettle.core.monthly.DirectSettlement;
import io.wcsettle.core.monthly.MonthlySettlement;
import io.wcsettle.core.monthly.MonthlyStatement;
import io.wcsettle.core.monthly.StatementState;
import io.wcsettle.core.monthly.StatementTotals;
import io.wcsettle.core.region.Admdvs;
import io.wcsettle.core.upload.UploadDeadlines;

/**
 * Monthly settlement with institutions in the agency database (R-UPL-5, IM Art. 30, 34; R-LOC-1).
 * Direct settlements are received (idempotently by id), cancelled, and their audit deductions
 * revised; {@link #issue} makes one statement per institution from the month's settlements that
 * no live statement holds (core's {@link MonthlySettlement}); the institution confirms or
 * disputes; a disputed statement is superseded by a corrected version ({@link #reissue}). A
 * confirmation registers the statement's cross-province records for clearing in the same
 * transaction, so they enter exactly one clearing period (R-CLR-8), and never changes afterwards.
 *
 * <p>Append-only: settlements, cancellations, deduction revisions, statements, items and state
 * events are only ever inserted. Every state change is recorded with who and when. Thread-safe.
 */
public final class JdbcMonthlySettlement implements AutoCloseable {

    private static final String SETTLEMENT_COLUMNS = "s.settlement_id, s.institution_code, s.kind, s.insured, "
            + "s.treatment, s.settled_on, s.medical_fen, s.fund_fen";
    private static final String LATEST_DEDUCTION = "COALESCE((SELECT d.deduction_fen FROM wcs_settlement_deduction d "
            + "WHERE d.seq = (SELECT MAX(d2.seq) FROM wcs_settlement_deduction d2 WHERE d2.settlement_id = s.settlement_id)),"
            + " s.deduction_fen)";
    /** Items of statements that are issued, disputed or confirmed (not superseded). */
    private static final String ON_LIVE_STATEMENT = "EXISTS (SELECT 1 FROM wcs_statement_item i WHERE i.settlement_id = "
            + "s.settlement_id AND NOT EXISTS (SELECT 1 FROM wcs_statement_event e WHERE e.statement_id = i.statement_id "
            + "AND e.state = 'SUPERSEDED'))";
    private static final String CANCELLED = "EXISTS (SELECT 1 FROM wcs_settlement_cancel x WHERE x.settlement_id = "
            + "s.settlement_id)";

    private final Jdbc jdbc;
    private final Clock clock;
    private final UploadDeadlines deadlines;

    private JdbcMonthlySettlement(Jdbc jdbc, Clock clock, UploadDeadlines deadlines) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.deadlines = deadlines;
    }

    /**
     * Opens (and migrates) the store in {@code dataSource}.
     *
     * @param clock     stamps when things were recorded
     * @param deadlines R-UPL-1: the discharge upload deadline of each settlement received
     */
    public static JdbcMonthlySettlement open(DataSource dataSource, Clock clock, UploadDeadlines deadlines) {
        return new JdbcMonthlySettlement(Jdbc.open(dataSource), Objects.requireNonNull(clock, "clock"),
                Objects.requireNonNull(deadlines, "deadlines"));
    }

    /** Receives direct settlements; a repeat is a no-op, a conflicting one is refused alone. */
    public Intake receive(Collection<DirectSettlement> batch) {
        return jdbc.inTransaction("settlement intake", c -> {
            int accepted = 0;
            int repeats = 0;
            List<String> conflicts = new ArrayList<>();
            Map<String, DirectSettlement> fresh = new LinkedHashMap<>();
            List<DirectSettlement> all = new ArrayList<>(batch);
            for (int from = 0; from < all.size(); from += 500) {
                List<DirectSettlement> chunk = all.subList(from, Math.min(all.size(), from + 500));
                Map<String, DirectSettlement> stored = stored(c, chunk);
                for (DirectSettlement s : chunk) {
                    DirectSettlement known = stored.containsKey(s.settlementId()) ? stored.get(s.settlementId())
                            : fresh.get(s.settlementId());
                    if (known == null) {
                        fresh.put(s.settlementId(), s);
                    } else if (known.equals(s)) {
                        repeats++;
                    } else {
                        conflicts.add(s.settlementId());
                    }
                }
            }
            try (PreparedStatement p = c.prepareStatement("INSERT INTO wcs_settlement (settlement_id, institution_code, "
                    + "kind, insured, treatment, settled_on, settled_month, medical_fen, fund_fen, deduction_fen, "
                    + "upload_due, received_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)")) {
                long now = clock.millis();
                for (DirectSettlement s : fresh.values()) {
                    p.setString(1, s.settlementId());
                    p.setString(2, s.institutionCode());
                    p.setString(3, s.kind().name());
                    p.setString(4, s.insured().code());
                    p.setString(5, s.treatment().code());
                    p.setObject(6, s.settledOn());
                    p.setInt(7, monthCode(YearMonth.from(s.settledOn())));
                    p.setLong(8, s.medicalTotal().value());
                    p.setLong(9, s.fundPaid().value());
                    p.setLong(10, s.deduction().value());
                    p.setObject(11, uploadDue(s.settledOn()), Types.DATE);
                    p.setLong(12, now);
                    p.addBatch();
                    if (++accepted % 500 == 0) {
                        p.executeBatch();
                    }
                }
                p.executeBatch();
            }
            return new Intake(accepted, repeats, conflicts);
        });
    }

    /**
     * R-UPL-1: notes that the discharge data of {@code settlementId} reached the national system on
     * {@code on}; the first report wins.
     *
     * @throws WcsettleException {@code UNKNOWN_ID}
     */
    public void markUploaded(String settlementId, LocalDate on) {
        Objects.requireNonNull(on, "on");
        jdbc.inTransaction("upload mark", c -> {
            settlement(c, settlementId);
            try (PreparedStatement p = c.prepareStatement("SELECT COUNT(*) FROM wcs_settlement_upload WHERE settlement_id = ?")) {
                p.setString(1, settlementId);
                try (ResultSet rs = p.executeQuery()) {
                    rs.next();
                    if (rs.getLong(1) > 0) {
                        return null;
                    }
                }
            }
            try (PreparedStatement p = c.prepareStatement("INSERT INTO wcs_settlement_upload VALUES (?,?,?)")) {
                p.setString(1, settlementId);
                p.setObject(2, on);
                p.setLong(3, clock.millis());
                p.executeUpdate();
            }
            return null;
        });
    }

    /**
     * R-UPL-1: settlements whose discharge upload is overdue on {@code today} (not uploaded by the
     * due date), sorted by id. Settlements whose deadline could not be computed are not listed.
     */
    public List<String> overdueUploads(LocalDate today) {
        return jdbc.inTransaction("upload read", c -> {
            List<String> r = new ArrayList<>();
            try (PreparedStatement p = c.prepareStatement("SELECT s.settlement_id FROM wcs_settlement s WHERE s.upload_due < ? "
                    + "AND NOT EXISTS (SELECT 1 FROM wcs_settlement_upload u WHERE u.settlement_id = s.settlement_id "
                    + "AND u.uploaded_on <= s.upload_due) ORDER BY s.settlement_id")) {
                p.setObject(1, today);
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) {
                        r.add(rs.getString(1));
                    }
                }
            }
            return r;
        });
    }

    /** R-UPL-1: the number of overdue discharge uploads on {@code today}, per institution (sorted). */
    public Map<String, Long> overdueUploadCounts(LocalDate today) {
        return jdbc.inTransaction("upload read", c -> {
            Map<String, Long> r = new java.util.TreeMap<>();
            try (PreparedStatement p = c.prepareStatement("SELECT s.institution_code, COUNT(*) FROM wcs_settlement s "
                    + "WHERE s.upload_due < ? AND NOT EXISTS (SELECT 1 FROM wcs_settlement_upload u WHERE "
                    + "u.settlement_id = s.settlement_id AND u.uploaded_on <= s.upload_due) GROUP BY s.institution_code")) {
                p.setObject(1, today);
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) {
                        r.put(rs.getString(1), rs.getLong(2));
                    }
                }
            }
            return r;
        });
    }

    /**
     * Cancels {@code settlementId} (R-UPL-5: cancelled settlements are excluded).
     *
     * @throws WcsettleException {@code UNKNOWN_ID}
     */
    public CancelOutcome cancel(String settlementId, LocalDate on, String actor) {
        requireActor(actor);
        return jdbc.inTransaction("cancellation", c -> {
            settlement(c, settlementId);
            try (PreparedStatement p = c.prepareStatement("SELECT late FROM wcs_settlement_cancel WHERE settlement_id = ?")) {
                p.setString(1, settlementId);
                try (ResultSet rs = p.executeQuery()) {
                    if (rs.next()) {
                        return CancelOutcome.ALREADY_CANCELLED;
                    }
                }
            }
            boolean late = onLiveStatement(c, settlementId);
            try (PreparedStatement p = c.prepareStatement("INSERT INTO wcs_settlement_cancel VALUES (?,?,?,?,?)")) {
                p.setString(1, settlementId);
                p.setObject(2, Objects.requireNonNull(on, "on"));
                p.setBoolean(3, late);
                p.setString(4, actor);
                p.setLong(5, clock.millis());
                p.executeUpdate();
            }
            return late ? CancelOutcome.LATE : CancelOutcome.CANCELLED;
        });
    }

    /** Cancellations that came after the settlement was on a statement: to be adjusted, never edited in. */
    public List<String> lateCancellations() {
        return jdbc.inTransaction("cancellation read", c -> {
            List<String> r = new ArrayList<>();
            try (PreparedStatement p = c.prepareStatement("SELECT settlement_id FROM wcs_settlement_cancel WHERE late = TRUE "
                    + "ORDER BY settlement_id"); ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    r.add(rs.getString(1));
                }
            }
            return r;
        });
    }

    /**
     * Revises the audit deduction of {@code settlementId} (IM Art. 36), appended as a revision.
     *
     * @throws WcsettleException {@code ILLEGAL_TRANSITION} while the settlement is on an issued or
     *         confirmed statement (dispute it first: a statement out for confirmation never changes);
     *         {@code UNKNOWN_ID}; {@code INVALID_AMOUNT} outside 0..fund paid
     */
    public void reviseDeduction(String settlementId, Fen deduction, String actor) {
        requireActor(actor);
        jdbc.inTransaction("deduction revision", c -> {
            DirectSettlement s = settlement(c, settlementId);
            s.withDeduction(deduction); // checks 0..fundPaid
            try (PreparedStatement p = c.prepareStatement("SELECT COUNT(*) FROM wcs_statement_item i WHERE i.settlement_id = ? "
                    + "AND NOT EXISTS (SELECT 1 FROM wcs_statement_event e WHERE e.statement_id = i.statement_id "
                    + "AND e.state IN ('SUPERSEDED', 'DISPUTED'))")) {
                p.setString(1, settlementId);
                try (ResultSet rs = p.executeQuery()) {
                    rs.next();
                    if (rs.getLong(1) > 0) {
                        throw new WcsettleException(AgencyErrorCode.ILLEGAL_TRANSITION, "settlementId",
                                "on an issued or confirmed statement, which never changes");
                    }
                }
            }
            try (PreparedStatement p = c.prepareStatement("INSERT INTO wcs_settlement_deduction (settlement_id, "
                    + "deduction_fen, recorded_by, recorded_at) VALUES (?,?,?,?)")) {
                p.setString(1, settlementId);
                p.setLong(2, deduction.value());
                p.setString(3, actor);
                p.setLong(4, clock.millis());
                p.executeUpdate();
            }
            return null;
        });
    }

    /**
     * R-UPL-5: issues a statement to each institution with settlements of {@code month} that no
     * live statement holds (cancelled ones excluded, the latest deductions applied): the month's
     * first statements, or supplementary ones for settlements that came late or were freed by a
     * superseded statement.
     *
     * @return the statements issued now, by institution
     */
    public List<StatementView> issue(YearMonth month, LocalDate on, String actor) {
        requireActor(actor);
        return jdbc.inTransaction("statement issue", c -> issueIn(c, month, null, on, actor));
    }

    /**
     * After a dispute: supersedes the disputed statement and issues the corrected one for the same
     * institution and month (with the revised deductions and cancellations).
     *
     * @throws WcsettleException {@code ILLEGAL_TRANSITION} unless the statement is disputed; {@code UNKNOWN_ID}
     */
    public Optional<StatementView> reissue(String statementId, LocalDate on, String actor) {
        requireActor(actor);
        return jdbc.inTransaction("statement reissue", c -> {
            StatementView v = view(c, statementId);
            transition(c, v, StatementState.SUPERSEDED, actor, on, "");
            List<StatementView> issued = issueIn(c, v.month(), v.institution(), on, actor);
            return issued.isEmpty() ? Optional.<StatementView>empty() : Optional.of(issued.get(0));
        });
    }

    /**
     * The institution confirms the statement (对账确认): final. Its cross-province records are
     * registered for clearing in the same transaction (R-CLR-1, -8). A repeat is a no-op.
     *
     * @throws WcsettleException {@code ILLEGAL_TRANSITION} unless issued (or already confirmed); {@code UNKNOWN_ID}
     */
    public Confirmation confirm(String statementId, LocalDate on, String actor) {
        requireActor(actor);
        return jdbc.inTransaction("statement confirmation", c -> {
            StatementView v = view(c, statementId);
            if (v.state() == StatementState.CONFIRMED) {
                return new Confirmation(v, Registration.NONE, true);
            }
            transition(c, v, StatementState.CONFIRMED, actor, on, "");
            MonthlyStatement contents = contents(c, v);
            List<DatedRecord> records = new ArrayList<>();
            Map<String, LocalDate> costOn = new LinkedHashMap<>();
            contents.settlements().forEach(s -> costOn.put(s.settlementId(), s.settledOn()));
            contents.clearingRecords(on).forEach(r -> records.add(new DatedRecord(r, costOn.get(r.recordId()))));
            Registration reg = RecordRegistry.register(c, records, "statement:" + statementId, clock.millis());
            return new Confirmation(view(c, statementId), reg, false);
        });
    }

    /**
     * The institution disputes the statement, with a reason; the agency reviews and {@link #reissue}s.
     *
     * @throws WcsettleException {@code ILLEGAL_TRANSITION} unless issued; {@code UNKNOWN_ID}
     */
    public StatementView dispute(String statementId, LocalDate on, String actor, String reason) {
        requireActor(actor);
        return jdbc.inTransaction("statement dispute", c -> {
            StatementView v = view(c, statementId);
            if (v.state() == StatementState.DISPUTED) {
                return v;
            }
            transition(c, v, StatementState.DISPUTED, actor, on, reason == null ? "" : reason);
            return view(c, statementId);
        });
    }

    /**
     * The stored statement {@code statementId}.
     *
     * @throws WcsettleException {@code UNKNOWN_ID}
     */
    public StatementView statement(String statementId) {
        return jdbc.inTransaction("statement read", c -> view(c, statementId));
    }

    /** The statement's settlements as issued (deductions as they were then). */
    public MonthlyStatement contents(String statementId) {
        return jdbc.inTransaction("statement read", c -> contents(c, view(c, statementId)));
    }

    /** Every statement of {@code month}, by institution then version. */
    public List<StatementView> statements(YearMonth month) {
        return jdbc.inTransaction("statement read", c -> {
            List<String> ids = new ArrayList<>();
            try (PreparedStatement p = c.prepareStatement("SELECT statement_id FROM wcs_statement WHERE settled_month = ? "
                    + "ORDER BY institution_code, version")) {
                p.setInt(1, monthCode(month));
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getString(1));
                    }
                }
            }
            List<StatementView> r = new ArrayList<>();
            for (String id : ids) {
                r.add(view(c, id));
            }
            return r;
        });
    }

    @Override
    public void close() {
        jdbc.close();
    }

    // --- internals

    private List<StatementView> issueIn(Connection c, YearMonth month, String onlyInstitution, LocalDate on, String actor)
            throws SQLException {
        List<DirectSettlement> eligible = new ArrayList<>();
        try (PreparedStatement p = c.prepareStatement("SELECT " + SETTLEMENT_COLUMNS + ", " + LATEST_DEDUCTION
                + " FROM wcs_settlement s WHERE s.settled_month = ?" + (onlyInstitution == null ? "" : " AND s.institution_code = ?")
                + " AND NOT " + CANCELLED + " AND NOT " + ON_LIVE_STATEMENT)) {
            p.setInt(1, monthCode(month));
            if (onlyInstitution != null) {
                p.setString(2, onlyInstitution);
            }
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    eligible.add(settlementRow(rs));
                }
            }
        }
        List<StatementView> issued = new ArrayList<>();
        for (MonthlyStatement st : MonthlySettlement.of(month, eligible, Set.of()).statements()) {
            int version = nextVersion(c, month, st.institutionCode());
            String id = month + "/" + st.institutionCode() + "/v" + version;
            try (PreparedStatement p = c.prepareStatement("INSERT INTO wcs_statement VALUES (?,?,?,?,?,?,?,?,?,?,?,?)")) {
                p.setString(1, id);
                p.setInt(2, monthCode(month));
                p.setString(3, st.institutionCode());
                p.setInt(4, version);
                setTotals(p, 5, st.crossProvince());
                setTotals(p, 9, st.localNetworked());
                p.executeUpdate();
            }
            try (PreparedStatement p = c.prepareStatement("INSERT INTO wcs_statement_item VALUES (?,?,?)")) {
                int n = 0;
                for (DirectSettlement s : st.settlements()) {
                    p.setString(1, id);
                    p.setString(2, s.settlementId());
                    p.setLong(3, s.deduction().value());
                    p.addBatch();
                    if (++n % 500 == 0) {
                        p.executeBatch();
                    }
                }
                p.executeBatch();
            }
            event(c, id, 0, StatementState.ISSUED, actor, on, "");
            issued.add(view(c, id));
        }
        return issued;
    }

    private static void setTotals(PreparedStatement p, int at, StatementTotals t) throws SQLException {
        p.setLong(at, t.count());
        p.setLong(at + 1, t.medicalTotal().value());
        p.setLong(at + 2, t.fundPaid().value());
        p.setLong(at + 3, t.deductions().value());
    }

    private void transition(Connection c, StatementView v, StatementState to, String actor, LocalDate on, String note)
            throws SQLException {
        if (!v.state().allows(to)) {
            throw new WcsettleException(AgencyErrorCode.ILLEGAL_TRANSITION, "state",
                    v.state() + " -> " + to + " not allowed [statement=" + v.statementId() + "]");
        }
        event(c, v.statementId(), to == StatementState.SUPERSEDED ? 2 : 1, to, actor, on, note);
    }

    private void event(Connection c, String id, int step, StatementState state, String actor, LocalDate on, String note)
            throws SQLException {
        try (PreparedStatement p = c.prepareStatement("INSERT INTO wcs_statement_event (statement_id, step, state, actor, "
                + "occurred_on, recorded_at, note) VALUES (?,?,?,?,?,?,?)")) {
            p.setString(1, id);
            p.setInt(2, step);
            p.setString(3, state.name());
            p.setString(4, actor);
            p.setObject(5, Objects.requireNonNull(on, "on"));
            p.setLong(6, clock.millis());
            p.setString(7, note);
            p.executeUpdate();
        }
    }

    private static int nextVersion(Connection c, YearMonth month, String institution) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT COALESCE(MAX(version), 0) FROM wcs_statement "
                + "WHERE settled_month = ? AND institution_code = ?")) {
            p.setInt(1, monthCode(month));
            p.setString(2, institution);
            try (ResultSet rs = p.executeQuery()) {
                rs.next();
                return rs.getInt(1) + 1;
            }
        }
    }

    private static StatementView view(Connection c, String statementId) throws SQLException {
        YearMonth month;
        String institution;
        int version;
        StatementTotals cross;
        StatementTotals local;
        try (PreparedStatement p = c.prepareStatement("SELECT settled_month, institution_code, version, cross_count, "
                + "cross_medical_fen, cross_fund_fen, cross_deduction_fen, local_count, local_medical_fen, local_fund_fen, "
                + "local_deduction_fen FROM wcs_statement WHERE statement_id = ?")) {
            p.setString(1, statementId);
            try (ResultSet rs = p.executeQuery()) {
                if (!rs.next()) {
                    throw new WcsettleException(AgencyErrorCode.UNKNOWN_ID, "statementId", "no statement " + statementId);
                }
                month = YearMonth.of(rs.getInt(1) / 100, rs.getInt(1) % 100);
                institution = rs.getString(2);
                version = rs.getInt(3);
                cross = new StatementTotals(rs.getLong(4), Fen.of(rs.getLong(5)), Fen.of(rs.getLong(6)), Fen.of(rs.getLong(7)));
                local = new StatementTotals(rs.getLong(8), Fen.of(rs.getLong(9)), Fen.of(rs.getLong(10)), Fen.of(rs.getLong(11)));
            }
        }
        List<StatementEvent> events = new ArrayList<>();
        try (PreparedStatement p = c.prepareStatement("SELECT state, actor, occurred_on, recorded_at, note FROM "
                + "wcs_statement_event WHERE statement_id = ? ORDER BY step")) {
            p.setString(1, statementId);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    events.add(new StatementEvent(StatementState.valueOf(rs.getString(1)), rs.getString(2),
                            rs.getObject(3, LocalDate.class), rs.getLong(4), rs.getString(5)));
                }
            }
        }
        StatementState state = events.isEmpty() ? StatementState.ISSUED : events.get(events.size() - 1).state();
        return new StatementView(statementId, month, institution, version, state, cross, local, events);
    }

    private static MonthlyStatement contents(Connection c, StatementView v) throws SQLException {
        List<DirectSettlement> items = new ArrayList<>();
        try (PreparedStatement p = c.prepareStatement("SELECT " + SETTLEMENT_COLUMNS + ", i.deduction_fen FROM "
                + "wcs_statement_item i JOIN wcs_settlement s ON s.settlement_id = i.settlement_id "
                + "WHERE i.statement_id = ? ORDER BY s.settlement_id")) {
            p.setString(1, v.statementId());
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    items.add(settlementRow(rs));
                }
            }
        }
        return MonthlyStatement.of(v.month(), v.institution(), items);
    }

    private static DirectSettlement settlementRow(ResultSet rs) throws SQLException {
        return new DirectSettlement(rs.getString(1), rs.getString(2), SettlementKind.valueOf(rs.getString(3)),
                new Admdvs(rs.getString(4)), new Admdvs(rs.getString(5)), rs.getObject(6, LocalDate.class),
                Fen.of(rs.getLong(7)), Fen.of(rs.getLong(8)), Fen.of(rs.getLong(9)));
    }

    private static DirectSettlement settlement(Connection c, String id) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT " + SETTLEMENT_COLUMNS + ", " + LATEST_DEDUCTION
                + " FROM wcs_settlement s WHERE s.settlement_id = ?")) {
            p.setString(1, id);
            try (ResultSet rs = p.executeQuery()) {
                if (!rs.next()) {
                    throw new WcsettleException(AgencyErrorCode.UNKNOWN_ID, "settlementId", "no settlement " + id);
                }
                return settlementRow(rs);
            }
        }
    }

    private static Map<String, DirectSettlement> stored(Connection c, List<DirectSettlement> chunk) throws SQLException {
        Map<String, DirectSettlement> r = new LinkedHashMap<>();
        // one primary-key lookup per id (an IN list of hundreds of parameters is not planned as
        // index lookups by every database)
        try (PreparedStatement p = c.prepareStatement("SELECT " + SETTLEMENT_COLUMNS + ", s.deduction_fen FROM "
                + "wcs_settlement s WHERE s.settlement_id = ?")) {
            for (DirectSettlement d : chunk) {
                p.setString(1, d.settlementId());
                try (ResultSet rs = p.executeQuery()) {
                    if (rs.next()) {
                        DirectSettlement s = settlementRow(rs);
                        r.put(s.settlementId(), s);
                    }
                }
            }
        }
        return r;
    }

    private static boolean onLiveStatement(Connection c, String id) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT COUNT(*) FROM wcs_settlement s WHERE s.settlement_id = ? AND "
                + ON_LIVE_STATEMENT)) {
            p.setString(1, id);
            try (ResultSet rs = p.executeQuery()) {
                rs.next();
                return rs.getLong(1) > 0;
            }
        }
    }

    private LocalDate uploadDue(LocalDate settledOn) {
        try {
            return deadlines.dischargeUploadDue(settledOn);
        } catch (WcsettleException e) {
            return null; // R-UPL-1: no calendar data yet: the deadline is unknown, never blocking
        }
    }

    private static int monthCode(YearMonth m) {
        return m.getYear() * 100 + m.getMonthValue();
    }

    private static void requireActor(String actor) {
        if (actor == null || actor.isBlank() || actor.length() > 100) {
            throw new InvalidInputException(CoreErrorCode.INVALID_INPUT, "actor", "1..100 characters required");
        }
    }
}
