package io.wcsettle.his.outbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import io.wcsettle.his.platform.MsgIdReservations;

/**
 * msgid second reservations in table {@code wcs_msgid_clock}, on their own connection, committed
 * before any id of the second is issued: msgids stay unique across restarts.
 */
final class JdbcMsgIdReservations implements MsgIdReservations, AutoCloseable {

    private final Connection connection;

    JdbcMsgIdReservations(Connection connection) throws SQLException {
        this.connection = connection;
        connection.setAutoCommit(false);
    }

    @Override
    public synchronized long reserve(String institutionCode, long wanted) {
        for (int attempt = 0; ; attempt++) {
            try {
                return reserveOnce(institutionCode, wanted);
            } catch (OutboxException e) {
                // two workstations on one database reserving the institution's first second at once: one
                // INSERT loses on the primary key (or, on MariaDB's gap locks, in a deadlock); the row
                // exists now, so the next attempt updates it
                if (attempt >= 3 || !(e.getCause() instanceof SQLException s)
                        || !SqlDialect.isUniqueViolation(s) && !SqlDialect.isRetryable(s)) {
                    throw e;
                }
            }
        }
    }

    private long reserveOnce(String institutionCode, long wanted) {
        try {
            Long last = null;
            try (PreparedStatement p = connection.prepareStatement(
                    "SELECT last_second FROM wcs_msgid_clock WHERE institution = ? FOR UPDATE")) {
                p.setString(1, institutionCode);
                try (ResultSet rs = p.executeQuery()) {
                    if (rs.next()) {
                        last = rs.getLong(1);
                    }
                }
            }
            long granted = last == null ? wanted : Math.max(wanted, last + 1);
            try (PreparedStatement p = connection.prepareStatement(last == null
                    ? "INSERT INTO wcs_msgid_clock (last_second, institution) VALUES (?, ?)"
                    : "UPDATE wcs_msgid_clock SET last_second = ? WHERE institution = ?")) {
                p.setLong(1, granted);
                p.setString(2, institutionCode);
                p.executeUpdate();
            }
            connection.commit();
            return granted;
        } catch (SQLException e) {
            try {
                connection.rollback();
            } catch (SQLException ignored) {
                // the original failure is reported
            }
            throw Outbox.storage("msgid reservation failed", e);
        }
    }

    @Override
    public synchronized void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw Outbox.storage("close failed", e);
        }
    }
}
