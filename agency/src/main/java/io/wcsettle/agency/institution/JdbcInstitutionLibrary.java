package io.wcsettle.agency.institution;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import javax.sql.DataSource;

import io.wcsettle.agency.jdbc.Jdbc;
import io.wcsettle.core.error.AgencyErrorCode;
import io.wcsettle.core.error.CoreErrorCode;
import io.wcsettle.core.error.InvalidInputException;
import io.wcsettle.core.error.WcsettleException;
import io.wcsettle.core.institution.AgreementState;
import io.wcsettle.core.institution.ChangeRefusal;
import io.wcsettle.core.institution.InstitutionChange;
import io.wcsettle.core.institution.InstitutionFacts;
import io.wcsettle.core.institution.InstitutionHistory;
import io.wcsettle.core.institution.RecordedChange;
import io.wcsettle.core.institution.SettlementKind;
import io.wcsettle.core.region.Admdvs;
import io.wcsettle.core.settlement.Institution;

/**
 * The institution library in the agency database (R-INS-1, IM Art. 17): append-only changes with
 * effective dates, the engine's facts on an admission date, and the national-system report log.
 * The rules are core's ({@link InstitutionHistory}); this class stores them. Each change carries
 * the caller's change id, unique in the database, so recording is idempotent across retries and
 * restarts. Thread-safe (one connection, synchronised).
 */
public final class JdbcInstitutionLibrary implements AutoCloseable {

    private static final String COLUMNS = "seq, institution_code, admdvs, effective_on, state, cross_province, "
            + "local_networked, reason, recorded_by";

    private final Jdbc jdbc;
    private final Clock clock;

    private JdbcInstitutionLibrary(Jdbc jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Opens (and migrates) the library in {@code dataSource}; {@code clock} stamps {@code recorded_at}. */
    public static JdbcInstitutionLibrary open(DataSource dataSource, Clock clock) {
        return new JdbcInstitutionLibrary(Jdbc.open(dataSource), Objects.requireNonNull(clock, "clock"));
    }

    /**
     * Appends {@code change} under {@code changeId} unless the library refuses it (a business
     * refusal is a result). The same id and content again is a no-op.
     *
     * @throws WcsettleException {@code IDEMPOTENCY_CONFLICT} for the id with other content
     */
    public ChangeOutcome record(String changeId, InstitutionChange change, String recordedBy) {
        if (changeId == null || changeId.isBlank() || changeId.length() > 200) {
            throw new InvalidInputException(CoreErrorCode.INVALID_INPUT, "changeId", "1..200 characters required");
        }
        if (recordedBy == null || recordedBy.isBlank() || recordedBy.length() > 100) {
            throw new InvalidInputException(CoreErrorCode.INVALID_INPUT, "recordedBy", "1..100 characters required");
        }
        Objects.requireNonNull(change, "change");
        return jdbc.inTransaction("institution change", c -> {
            Optional<RecordedChange> earlier = byId(c, changeId);
            if (earlier.isPresent()) {
                if (!earlier.get().change().equals(change)) {
                    throw new WcsettleException(CoreErrorCode.IDEMPOTENCY_CONFLICT, "changeId",
                            "change id recorded with different content");
                }
                return new ChangeOutcome(earlier.get().sequence(), true, Set.of());
            }
            Set<ChangeRefusal> refusals = history(c, change.institutionCode()).check(change);
            if (!refusals.isEmpty()) {
                return new ChangeOutcome(0, false, refusals);
            }
            try (PreparedStatement p = c.prepareStatement("INSERT INTO wcs_institution_change (change_id, "
                    + "institution_code, admdvs, effective_on, state, cross_province, local_networked, reason, "
                    + "recorded_by, recorded_at) VALUES (?,?,?,?,?,?,?,?,?,?)", new String[] {"seq"})) {
                p.setString(1, changeId);
                p.setString(2, change.institutionCode());
                p.setString(3, change.admdvs().code());
                p.setObject(4, change.effectiveOn());
                p.setString(5, change.state().name());
                p.setBoolean(6, change.kinds().contains(SettlementKind.CROSS_PROVINCE));
                p.setBoolean(7, change.kinds().contains(SettlementKind.LOCAL_NETWORKED));
                p.setString(8, change.reason());
                p.setString(9, recordedBy);
                p.setLong(10, clock.millis());
                p.executeUpdate();
                try (ResultSet keys = p.getGeneratedKeys()) {
                    keys.next();
                    return new ChangeOutcome(keys.getLong(1), false, Set.of());
                }
            }
        });
    }

    /** The append-only history of {@code code}. */
    public InstitutionHistory history(String code) {
        return jdbc.inTransaction("institution read", c -> history(c, code));
    }

    /** R-INS-1: the facts of {@code code} on {@code date}; empty before it entered the library. */
    public Optional<InstitutionFacts> factsOn(String code, LocalDate date) {
        return history(code).factsOn(date);
    }

    /** The settlement engine's institution on the admission date (R-INS-1, R-SET-1). */
    public Optional<Institution> institutionOn(String code, LocalDate admittedOn) {
        return factsOn(code, admittedOn).map(InstitutionFacts::toSettlementInstitution);
    }

    /** Every institution code in the library, sorted. */
    public List<String> codes() {
        return jdbc.inTransaction("institution read", c -> {
            List<String> r = new ArrayList<>();
            try (PreparedStatement p = c.prepareStatement("SELECT DISTINCT institution_code FROM wcs_institution_change "
                    + "ORDER BY institution_code"); ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    r.add(rs.getString(1));
                }
            }
            return r;
        });
    }

    /** Changes not yet reported to the national system (IM Art. 17), in append order. */
    public List<RecordedChange> unreported() {
        return jdbc.inTransaction("institution read", c -> query(c, "SELECT " + COLUMNS + " FROM wcs_institution_change "
                + "WHERE seq NOT IN (SELECT change_seq FROM wcs_institution_report) ORDER BY seq", null));
    }

    /**
     * Notes that change {@code sequence} was reported on {@code on}; a repeat keeps the first date.
     *
     * @throws WcsettleException {@code UNKNOWN_ID}
     */
    public void markReported(long sequence, LocalDate on) {
        Objects.requireNonNull(on, "on");
        jdbc.inTransaction("institution report", c -> {
            try (PreparedStatement p = c.prepareStatement("SELECT COUNT(*) FROM wcs_institution_change WHERE seq = ?")) {
                p.setLong(1, sequence);
                try (ResultSet rs = p.executeQuery()) {
                    rs.next();
                    if (rs.getLong(1) == 0) {
                        throw new WcsettleException(AgencyErrorCode.UNKNOWN_ID, "sequence", "no change " + sequence);
                    }
                }
            }
            try (PreparedStatement p = c.prepareStatement("SELECT COUNT(*) FROM wcs_institution_report WHERE change_seq = ?")) {
                p.setLong(1, sequence);
                try (ResultSet rs = p.executeQuery()) {
                    rs.next();
                    if (rs.getLong(1) > 0) {
                        return null;
                    }
                }
            }
            try (PreparedStatement p = c.prepareStatement("INSERT INTO wcs_institution_report VALUES (?,?,?)")) {
                p.setLong(1, sequence);
                p.setObject(2, on);
                p.setLong(3, clock.millis());
                p.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public void close() {
        jdbc.close();
    }

    private static InstitutionHistory history(Connection c, String code) throws SQLException {
        return InstitutionHistory.of(query(c, "SELECT " + COLUMNS + " FROM wcs_institution_change "
                + "WHERE institution_code = ? ORDER BY seq", code));
    }

    private static Optional<RecordedChange> byId(Connection c, String changeId) throws SQLException {
        List<RecordedChange> r = query(c, "SELECT " + COLUMNS + " FROM wcs_institution_change WHERE change_id = ?", changeId);
        return r.isEmpty() ? Optional.empty() : Optional.of(r.get(0));
    }

    private static List<RecordedChange> query(Connection c, String sql, String param) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(sql)) {
            if (param != null) {
                p.setString(1, param);
            }
            try (ResultSet rs = p.executeQuery()) {
                List<RecordedChange> r = new ArrayList<>();
                while (rs.next()) {
                    EnumSet<SettlementKind> kinds = EnumSet.noneOf(SettlementKind.class);
                    if (rs.getBoolean(6)) {
                        kinds.add(SettlementKind.CROSS_PROVINCE);
                    }
                    if (rs.getBoolean(7)) {
                        kinds.add(SettlementKind.LOCAL_NETWORKED);
                    }
                    r.add(new RecordedChange(rs.getLong(1), new InstitutionChange(rs.getString(2), new Admdvs(rs.getString(3)),
                            rs.getObject(4, LocalDate.class), AgreementState.valueOf(rs.getString(5)), kinds,
                            rs.getString(8)), rs.getString(9)));
                }
                return r;
            }
        }
    }
}
