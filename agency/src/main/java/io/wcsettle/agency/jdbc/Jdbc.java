package io.wcsettle.agency.jdbc;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Transactions for the agency stores: one connection, each call one transaction, rolled back on
 * any failure, SQL failures as {@link AgencyStorageException}. A store owns one {@code Jdbc}.
 */
public final class Jdbc implements AutoCloseable {

    /** A unit of work inside the transaction. */
    @FunctionalInterface
    public interface Work<T> {
        /** Does the work; the caller commits or rolls back. */
        T run(Connection c) throws SQLException;
    }

    private final Connection connection;

    private Jdbc(Connection connection) {
        this.connection = connection;
    }

    /** A connection of {@code dataSource}, migrated ({@link AgencySchema#open}). */
    public static Jdbc open(javax.sql.DataSource dataSource) {
        return new Jdbc(AgencySchema.open(dataSource));
    }

    /**
     * Runs {@code work} in one transaction and commits. A unique-constraint violation (another
     * writer committed the same key first) rolls back and runs {@code work} once more, so it can
     * read what the other writer wrote.
     *
     * @throws AgencyStorageException {@code STORAGE_FAILURE}
     */
    public synchronized <T> T inTransaction(String what, Work<T> work) {
        for (int attempt = 0; ; attempt++) {
            try {
                T t = work.run(connection);
                connection.commit();
                return t;
            } catch (SQLException e) {
                AgencySchema.rollback(connection);
                if (attempt == 0 && AgencySchema.isUniqueViolation(e)) {
                    continue;
                }
                throw new AgencyStorageException(StorageErrorCode.STORAGE_FAILURE, what + " failed", e);
            } catch (RuntimeException e) {
                AgencySchema.rollback(connection);
                throw e;
            }
        }
    }

    @Override
    public synchronized void close() {
        AgencySchema.closeQuietly(connection);
    }
}
