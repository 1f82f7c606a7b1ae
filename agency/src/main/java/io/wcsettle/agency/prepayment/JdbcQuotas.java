package io.wcsettle.agency.prepayment;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import javax.sql.DataSource;

import io.wcsettle.agency.jdbc.Jdbc;
import io.wcsettle.core.clearing.ProvincePair;
import io.wcsettle.core.error.CoreErrorCode;
import io.wcsettle.core.error.InvalidInputException;
import io.wcsettle.core.error.WcsettleException;
import io.wcsettle.core.money.Fen;
import io.wcsettle.core.region.Admdvs;

/**
 * The annual prepayment quotas per (insured, treatment) pair (R-PRE-2, -3) in the agency
 * database, the denominators of the usage rates (R-PRE-5). One quota per year and pair, written
 * once. Thread-safe.
 */
public final class JdbcQuotas implements AutoCloseable {

    private final Jdbc jdbc;
    private final Clock clock;

    private JdbcQuotas(Jdbc jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Opens (and migrates) the quotas in {@code dataSource}. */
    public static JdbcQuotas open(DataSource dataSource, Clock clock) {
        return new JdbcQuotas(Jdbc.open(dataSource), Objects.requireNonNull(clock, "clock"));
    }

    /**
     * Sets the quota of {@code pair} for {@code year}; the same value again is a no-op.
     *
     * @throws WcsettleException {@code IDEMPOTENCY_CONFLICT} when the year's quota was set to another value;
     *         {@code INVALID_AMOUNT} for a negative quota
     */
    public void set(int year, ProvincePair pair, Fen quota, String actor) {
        if (quota.isNegative()) {
            throw new InvalidInputException(CoreErrorCode.INVALID_AMOUNT, "quota", "negative");
        }
        jdbc.inTransaction("quota", c -> {
            try (PreparedStatement p = c.prepareStatement("SELECT quota_fen FROM wcs_prepayment_quota WHERE quota_year = ? "
                    + "AND insured = ? AND treatment = ?")) {
                p.setInt(1, year);
                p.setString(2, pair.insured().code());
                p.setString(3, pair.treatment().code());
                try (ResultSet rs = p.executeQuery()) {
                    if (rs.next()) {
                        if (rs.getLong(1) != quota.value()) {
                            throw new WcsettleException(CoreErrorCode.IDEMPOTENCY_CONFLICT, "quota",
                                    "the " + year + " quota of " + pair + " is set");
                        }
                        return null;
                    }
                }
            }
            try (PreparedStatement p = c.prepareStatement("INSERT INTO wcs_prepayment_quota VALUES (?,?,?,?,?,?)")) {
                p.setInt(1, year);
                p.setString(2, pair.insured().code());
                p.setString(3, pair.treatment().code());
                p.setLong(4, quota.value());
                p.setString(5, actor);
                p.setLong(6, clock.millis());
                p.executeUpdate();
            }
            return null;
        });
    }

    /** The quotas of {@code year}, by pair. */
    public Map<ProvincePair, Fen> of(int year) {
        return jdbc.inTransaction("quota read", c -> {
            Map<ProvincePair, Fen> r = new TreeMap<>();
            try (PreparedStatement p = c.prepareStatement("SELECT insured, treatment, quota_fen FROM wcs_prepayment_quota "
                    + "WHERE quota_year = ?")) {
                p.setInt(1, year);
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) {
                        r.put(new ProvincePair(new Admdvs(rs.getString(1)), new Admdvs(rs.getString(2))), Fen.of(rs.getLong(3)));
                    }
                }
            }
            return r;
        });
    }

    @Override
    public void close() {
        jdbc.close();
    }
}
