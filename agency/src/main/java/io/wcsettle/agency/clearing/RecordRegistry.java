package io.wcsettle.agency.clearing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.wcsettle.core.clearing.ClearingRecord;
import io.wcsettle.core.clearing.DatedRecord;
import io.wcsettle.core.clearing.Quarter;
import io.wcsettle.core.money.Fen;
import io.wcsettle.core.region.Admdvs;

/**
 * The registry of cleared records (R-CLR-8): table {@code wcs_clearing_record}, whose primary key
 * is the record id, so a record enters exactly one clearing period however many files, statements
 * or runs carry it. Used inside the caller's transaction (a monthly confirmation registers its
 * records atomically with the confirmation). Support for the agency stores.
 */
public final class RecordRegistry {

    private static final int CHUNK = 500;

    private RecordRegistry() {
    }

    /** Encodes a quarter as {@code yyyyq}, e.g. 20254. */
    public static int code(Quarter q) {
        return q.year() * 10 + q.quarter();
    }

    /** Decodes {@link #code}. */
    public static Quarter quarter(int code) {
        return Quarter.of(code / 10, code % 10);
    }

    /**
     * Registers {@code records} from {@code source} in their periods (R-CLR-2), skipping (and
     * reporting) ids already registered; within {@code records} the first of a repeated id wins. A
     * record whose period's tables are already generated goes to the first period not yet
     * generated (reported in {@link Registration#movedLater()}): generated tables never change.
     */
    public static Registration register(Connection c, List<DatedRecord> records, String source, long now)
            throws SQLException {
        Map<String, Quarter> already = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        List<DatedRecord> fresh = new ArrayList<>();
        for (int from = 0; from < records.size(); from += CHUNK) {
            List<DatedRecord> chunk = records.subList(from, Math.min(records.size(), from + CHUNK));
            Map<String, Quarter> existing = existing(c, chunk);
            for (DatedRecord r : chunk) {
                String id = r.record().recordId();
                if (existing.containsKey(id)) {
                    already.put(id, existing.get(id));
                } else if (!seen.add(id)) {
                    already.put(id, r.period());
                } else {
                    fresh.add(r);
                }
            }
        }
        List<DatedRecord> late = new ArrayList<>();
        List<DatedRecord> moved = new ArrayList<>();
        Set<Integer> generated = generated(c);
        try (PreparedStatement p = c.prepareStatement("INSERT INTO wcs_clearing_record (record_id, quarter, insured, "
                + "treatment, institution_code, confirmed_on, fund_fen, deduction_fen, cost_on, source, registered_at) "
                + "VALUES (?,?,?,?,?,?,?,?,?,?,?)")) {
            int batch = 0;
            for (DatedRecord d : fresh) {
                ClearingRecord r = d.record();
                Quarter period = d.period();
                while (generated.contains(code(period))) {
                    period = period.next();
                }
                if (!period.equals(d.period())) {
                    moved.add(d);
                }
                p.setString(1, r.recordId());
                p.setInt(2, code(period));
                p.setString(3, r.insured().code());
                p.setString(4, r.treatment().code());
                p.setString(5, r.institutionCode() == null ? "" : r.institutionCode());
                p.setObject(6, r.confirmedOn());
                p.setLong(7, r.fundPaid().value());
                p.setLong(8, r.deduction().value());
                p.setObject(9, d.costOn());
                p.setString(10, source);
                p.setLong(11, now);
                p.addBatch();
                if (++batch % CHUNK == 0) {
                    p.executeBatch();
                }
                if (io.wcsettle.core.clearing.YearBound.misses(d.costOn(), period)) {
                    late.add(d);
                }
            }
            p.executeBatch();
        }
        return new Registration(fresh, already, late, moved);
    }

    /** The periods whose tables are generated. */
    static Set<Integer> generated(Connection c) throws SQLException {
        Set<Integer> r = new HashSet<>();
        try (PreparedStatement p = c.prepareStatement("SELECT quarter FROM wcs_clearing_period");
             ResultSet rs = p.executeQuery()) {
            while (rs.next()) {
                r.add(rs.getInt(1));
            }
        }
        return r;
    }

    /** R-CLR-8: the records of period {@code q} whose cost year should have been cleared by an earlier Q1. */
    public static List<DatedRecord> missingYearBound(Connection c, Quarter q) throws SQLException {
        List<DatedRecord> r = new ArrayList<>();
        for (DatedRecord d : inPeriod(c, q)) {
            if (io.wcsettle.core.clearing.YearBound.misses(d.costOn(), q)) {
                r.add(d);
            }
        }
        return r;
    }

    /** The records registered in period {@code q}, sorted by id. */
    public static List<DatedRecord> inPeriod(Connection c, Quarter q) throws SQLException {
        List<DatedRecord> r = new ArrayList<>();
        try (PreparedStatement p = c.prepareStatement("SELECT record_id, insured, treatment, institution_code, "
                + "confirmed_on, fund_fen, deduction_fen, cost_on FROM wcs_clearing_record WHERE quarter = ? "
                + "ORDER BY record_id")) {
            p.setInt(1, code(q));
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    r.add(new DatedRecord(new ClearingRecord(rs.getString(1), new Admdvs(rs.getString(2)),
                            new Admdvs(rs.getString(3)), rs.getString(4), rs.getObject(5, LocalDate.class),
                            Fen.of(rs.getLong(6)), Fen.of(rs.getLong(7))), rs.getObject(8, LocalDate.class)));
                }
            }
        }
        return r;
    }

    private static Map<String, Quarter> existing(Connection c, List<DatedRecord> chunk) throws SQLException {
        Map<String, Quarter> found = new LinkedHashMap<>();
        try (PreparedStatement p = c.prepareStatement("SELECT quarter FROM wcs_clearing_record WHERE record_id = ?")) {
            for (DatedRecord d : chunk) {
                p.setString(1, d.record().recordId());
                try (ResultSet rs = p.executeQuery()) {
                    if (rs.next()) {
                        found.put(d.record().recordId(), quarter(rs.getInt(1)));
                    }
                }
            }
        }
        return found;
    }
}
