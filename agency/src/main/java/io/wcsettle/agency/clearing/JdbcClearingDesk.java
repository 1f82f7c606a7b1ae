package io.wcsettle.agency.clearing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import javax.sql.DataSource;

import io.wcsettle.agency.jdbc.Jdbc;
import io.wcsettle.core.clearing.Adjustment;
import io.wcsettle.core.clearing.ClearingRecord;
import io.wcsettle.core.clearing.ClearingTables;
import io.wcsettle.core.clearing.ClearingWorkflow;
import io.wcsettle.core.clearing.DatedRecord;
import io.wcsettle.core.clearing.DisputeState;
import io.wcsettle.core.clearing.DisputedItem;
import io.wcsettle.core.clearing.PairTotal;
import io.wcsettle.core.clearing.ProvincePair;
import io.wcsettle.core.clearing.Quarter;
import io.wcsettle.core.clearing.WorkflowEvent;
import io.wcsettle.core.clearing.WorkflowStep;
import io.wcsettle.core.error.CoreErrorCode;
import io.wcsettle.core.error.InvalidInputException;
import io.wcsettle.core.error.WcsettleException;
import io.wcsettle.core.money.Fen;
import io.wcsettle.core.region.Admdvs;

/**
 * Quarterly clearing in the agency database (R-CLR-1, -2, -7, -8): records are registered once
 * (from confirmed monthly statements, clearing files, adjustments); a period's tables are generated
 * from its records on the 21st and stored once; the confirmation and dispute workflow is core's
 * {@link ClearingWorkflow}, its events stored with who and when and replayed on load. A resolved
 * dispute's adjustment is registered as a record of the period its resolution date falls in, so it
 * is cleared exactly once, later. Loading a period recomputes its tables from its records and
 * checks them against the stored rows: a generated table never changes. Thread-safe.
 */
public final class JdbcClearingDesk implements AutoCloseable {

    private final Jdbc jdbc;
    private final Clock clock;

    private JdbcClearingDesk(Jdbc jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Opens (and migrates) the desk in {@code dataSource}; {@code clock} stamps when things were recorded. */
    public static JdbcClearingDesk open(DataSource dataSource, Clock clock) {
        return new JdbcClearingDesk(Jdbc.open(dataSource), Objects.requireNonNull(clock, "clock"));
    }

    /**
     * R-CLR-8: registers records from a clearing file (or any source but monthly statements, which
     * register on confirmation): a record already cleared by any file, statement or run is skipped
     * and reported, so two files sharing record ids never double-count a pair.
     */
    public Registration registerRecords(String source, List<DatedRecord> records) {
        if (source == null || source.isBlank() || source.length() > 120) {
            throw new InvalidInputException(CoreErrorCode.INVALID_INPUT, "source", "1..120 characters required");
        }
        return jdbc.inTransaction("record registration", c -> RecordRegistry.register(c, records, source, clock.millis()));
    }

    /** The records registered in {@code q}. */
    public List<DatedRecord> records(Quarter q) {
        return jdbc.inTransaction("record read", c -> RecordRegistry.inPeriod(c, q));
    }

    /** R-CLR-8: the records of {@code q} that miss the "year cleared by Q1 of the next year" bound. */
    public List<DatedRecord> missingYearBound(Quarter q) {
        return jdbc.inTransaction("record read", c -> RecordRegistry.missingYearBound(c, q));
    }

    /**
     * R-CLR-2: generates the tables of {@code q} from its registered records and stores them; later
     * records go to a later period. A repeat returns the stored period unchanged.
     *
     * @throws WcsettleException {@code ILLEGAL_TRANSITION} before the 21st of the quarter's last month
     */
    public ClearingWorkflow generate(Quarter q, LocalDate on, String actor) {
        requireActor(actor);
        return jdbc.inTransaction("clearing generation", c -> {
            if (RecordRegistry.generated(c).contains(RecordRegistry.code(q))) {
                return load(c, q);
            }
            List<ClearingRecord> records = RecordRegistry.inPeriod(c, q).stream().map(DatedRecord::record).toList();
            ClearingTables tables = ClearingTables.of(records);
            ClearingWorkflow w = ClearingWorkflow.generate(q, tables, actor, on);
            try (PreparedStatement p = c.prepareStatement("INSERT INTO wcs_clearing_period VALUES (?,?,?,?)")) {
                p.setInt(1, RecordRegistry.code(q));
                p.setObject(2, on);
                p.setString(3, actor);
                p.setLong(4, clock.millis());
                p.executeUpdate();
            }
            try (PreparedStatement p = c.prepareStatement("INSERT INTO wcs_clearing_table_row VALUES (?,?,?,?,?,?)")) {
                for (PairTotal t : tables.nationalTable()) {
                    p.setInt(1, RecordRegistry.code(q));
                    p.setString(2, t.pair().insured().code());
                    p.setString(3, t.pair().treatment().code());
                    p.setLong(4, t.records());
                    p.setLong(5, t.fundPaid().value());
                    p.setLong(6, t.deductions().value());
                    p.addBatch();
                }
                p.executeBatch();
            }
            insertEvent(c, q, w.events().get(0));
            return w;
        });
    }

    /**
     * The workflow of a generated period, replayed from its events.
     *
     * @throws WcsettleException {@code UNKNOWN_ID} when {@code q} was not generated
     */
    public ClearingWorkflow workflow(Quarter q) {
        return jdbc.inTransaction("clearing read", c -> load(c, q));
    }

    /** The generated periods, oldest first. */
    public List<Quarter> periods() {
        return jdbc.inTransaction("clearing read", c -> RecordRegistry.generated(c).stream().sorted()
                .map(RecordRegistry::quarter).toList());
    }

    /** Distributes the tables of {@code q} to the provinces in them; a repeat is a no-op. */
    public ClearingWorkflow distribute(Quarter q, LocalDate on, String actor) {
        return step(q, actor, w -> w.events().stream().anyMatch(e -> e.step() == WorkflowStep.DISTRIBUTE) ? null
                : w.distribute(actor, on));
    }

    /** {@code province} confirms its tables of {@code q} (late after the 25th, still accepted); a repeat is a no-op. */
    public ClearingWorkflow confirm(Quarter q, Admdvs province, LocalDate on, String actor) {
        return step(q, actor, w -> w.answerOf(province).orElse(false) ? null : w.confirm(province, actor, on));
    }

    /**
     * A province disputes an item of {@code q}; the same dispute again is a no-op.
     *
     * @throws WcsettleException {@code IDEMPOTENCY_CONFLICT} for a dispute id used with other content
     */
    public ClearingWorkflow dispute(Quarter q, DisputedItem item, LocalDate on, String actor) {
        return step(q, actor, w -> {
            Optional<DisputedItem> earlier = w.disputes().stream().filter(d -> d.disputeId().equals(item.disputeId()))
                    .findFirst();
            if (earlier.isPresent()) {
                if (!earlier.get().equals(item)) {
                    throw new WcsettleException(CoreErrorCode.IDEMPOTENCY_CONFLICT, "disputeId", "used with other content");
                }
                return null;
            }
            return w.dispute(item, actor, on);
        });
    }

    /** Escalates a dispute of {@code q} to the ministry-level agency (IM Art. 49); a repeat is a no-op. */
    public ClearingWorkflow escalate(Quarter q, String disputeId, LocalDate on, String actor) {
        return step(q, actor, w -> w.disputeState(disputeId).orElse(DisputeState.RAISED) != DisputeState.RAISED ? null
                : w.escalate(disputeId, actor, on));
    }

    /**
     * Resolves an escalated dispute of {@code q} by an adjustment of {@code amount} (zero: none),
     * registered in the period {@code on} falls in. A repeat with the same amount is a no-op.
     *
     * @throws WcsettleException {@code IDEMPOTENCY_CONFLICT} for a repeat with another amount
     */
    public ClearingWorkflow resolve(Quarter q, String disputeId, Fen amount, LocalDate on, String actor, String note) {
        return step(q, actor, w -> {
            if (w.disputeState(disputeId).orElse(null) == DisputeState.RESOLVED) {
                Fen earlier = w.adjustments().stream().filter(a -> a.disputeId().equals(disputeId)).map(Adjustment::amount)
                        .findFirst().orElse(Fen.ZERO);
                if (!earlier.equals(amount)) {
                    throw new WcsettleException(CoreErrorCode.IDEMPOTENCY_CONFLICT, "amount", "resolved with " + earlier);
                }
                return null;
            }
            return w.resolve(disputeId, amount, actor, on, note);
        });
    }

    /** Disputes not yet resolved, of every period, oldest period first. */
    public List<OpenDispute> openDisputes() {
        List<OpenDispute> r = new ArrayList<>();
        for (Quarter q : periods()) {
            ClearingWorkflow w = workflow(q);
            for (DisputedItem d : w.openDisputes()) {
                r.add(new OpenDispute(q, d, w.disputeState(d.disputeId()).orElseThrow()));
            }
        }
        return r;
    }

    @Override
    public void close() {
        jdbc.close();
    }

    // --- internals

    @FunctionalInterface
    private interface Step {
        WorkflowEvent apply(ClearingWorkflow w);
    }

    private ClearingWorkflow step(Quarter q, String actor, Step step) {
        requireActor(actor);
        return jdbc.inTransaction("clearing step", c -> {
            ClearingWorkflow w = load(c, q);
            WorkflowEvent e = step.apply(w);
            if (e == null) {
                return w;
            }
            if (e.step() == WorkflowStep.DISPUTE) {
                DisputedItem d = w.disputes().get(w.disputes().size() - 1);
                try (PreparedStatement p = c.prepareStatement("INSERT INTO wcs_clearing_dispute VALUES (?,?,?,?,?,?,?,?,?)")) {
                    p.setString(1, d.disputeId());
                    p.setInt(2, RecordRegistry.code(q));
                    p.setString(3, d.raisedBy().code());
                    p.setString(4, d.pair().insured().code());
                    p.setString(5, d.pair().treatment().code());
                    p.setString(6, d.recordId());
                    p.setString(7, d.institutionCode());
                    p.setLong(8, d.claimed().value());
                    p.setString(9, d.reason());
                    p.executeUpdate();
                }
            }
            if (e.step() == WorkflowStep.RESOLVE) {
                Optional<Adjustment> a = w.adjustments().stream().filter(x -> x.disputeId().equals(e.subject())).findFirst();
                try (PreparedStatement p = c.prepareStatement("INSERT INTO wcs_clearing_resolution VALUES (?,?,?)")) {
                    p.setString(1, e.subject());
                    p.setLong(2, a.map(x -> x.amount().value()).orElse(0L));
                    p.setObject(3, e.on());
                    p.executeUpdate();
                }
                if (a.isPresent()) {
                    RecordRegistry.register(c, List.of(a.get().toRecord()), "adjustment:" + e.subject(), clock.millis());
                }
            }
            insertEvent(c, q, e);
            return w;
        });
    }

    private ClearingWorkflow load(Connection c, Quarter q) throws SQLException {
        int code = RecordRegistry.code(q);
        if (!RecordRegistry.generated(c).contains(code)) {
            throw new WcsettleException(io.wcsettle.core.error.AgencyErrorCode.UNKNOWN_ID, "quarter",
                    "tables of " + q + " not generated");
        }
        ClearingTables tables = ClearingTables.of(RecordRegistry.inPeriod(c, q).stream().map(DatedRecord::record).toList());
        List<PairTotal> stored = new ArrayList<>();
        try (PreparedStatement p = c.prepareStatement("SELECT insured, treatment, records, fund_fen, deduction_fen FROM "
                + "wcs_clearing_table_row WHERE quarter = ? ORDER BY insured, treatment")) {
            p.setInt(1, code);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    stored.add(new PairTotal(new ProvincePair(new Admdvs(rs.getString(1)), new Admdvs(rs.getString(2))),
                            Fen.of(rs.getLong(4)), Fen.of(rs.getLong(5)), rs.getLong(3)));
                }
            }
        }
        if (!stored.equals(tables.nationalTable())) {
            throw new IllegalStateException("R-CLR-7: the stored tables of " + q + " differ from its records");
        }
        Map<String, DisputedItem> disputes = new HashMap<>();
        try (PreparedStatement p = c.prepareStatement("SELECT dispute_id, raised_by, insured, treatment, record_id, "
                + "institution_code, claimed_fen, reason FROM wcs_clearing_dispute WHERE quarter = ?")) {
            p.setInt(1, code);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    disputes.put(rs.getString(1), new DisputedItem(rs.getString(1), new Admdvs(rs.getString(2)),
                            new ProvincePair(new Admdvs(rs.getString(3)), new Admdvs(rs.getString(4))), rs.getString(5),
                            rs.getString(6), Fen.of(rs.getLong(7)), rs.getString(8)));
                }
            }
        }
        ClearingWorkflow w = null;
        try (PreparedStatement p = c.prepareStatement("SELECT e.step, e.province, e.subject, e.actor, e.occurred_on, "
                + "e.note, r.amount_fen FROM wcs_clearing_event e LEFT JOIN wcs_clearing_resolution r "
                + "ON e.step = 'RESOLVE' AND r.dispute_id = e.subject WHERE e.quarter = ? ORDER BY e.seq")) {
            p.setInt(1, code);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    WorkflowStep s = WorkflowStep.valueOf(rs.getString(1));
                    Admdvs province = rs.getString(2).isEmpty() ? null : new Admdvs(rs.getString(2));
                    String subject = rs.getString(3);
                    String actor = rs.getString(4);
                    LocalDate on = rs.getObject(5, LocalDate.class);
                    switch (s) {
                        case GENERATE -> w = ClearingWorkflow.generate(q, tables, actor, on);
                        case DISTRIBUTE -> w.distribute(actor, on);
                        case CONFIRM -> w.confirm(province, actor, on);
                        case DISPUTE -> w.dispute(disputes.get(subject), actor, on);
                        case ESCALATE -> w.escalate(subject, actor, on);
                        case RESOLVE -> w.resolve(subject, Fen.of(rs.getLong(7)), actor, on, rs.getString(6));
                        default -> throw new IllegalStateException(s.name());
                    }
                }
            }
        }
        return w;
    }

    private void insertEvent(Connection c, Quarter q, WorkflowEvent e) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("INSERT INTO wcs_clearing_event (quarter, step, province, subject, "
                + "actor, occurred_on, late, note, recorded_at) VALUES (?,?,?,?,?,?,?,?,?)")) {
            p.setInt(1, RecordRegistry.code(q));
            p.setString(2, e.step().name());
            p.setString(3, e.province() == null ? "" : e.province().code());
            p.setString(4, e.subject());
            p.setString(5, e.actor());
            p.setObject(6, e.on());
            p.setBoolean(7, e.late());
            p.setString(8, e.note());
            p.setLong(9, clock.millis());
            p.executeUpdate();
        }
    }

    private static void requireActor(String actor) {
        if (actor == null || actor.isBlank() || actor.length() > 100) {
            throw new InvalidInputException(CoreErrorCode.INVALID_INPUT, "actor", "1..100 characters required");
        }
    }
}
