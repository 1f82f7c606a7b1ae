package io.wcsettle.agency.jdbc;

import java.sql.SQLException;

import io.wcsettle.core.error.WcsettleException;

/**
 * A storage failure of an agency store. Nothing half-done is left behind: the transaction was
 * rolled back. {@link #retryable()} tells whether the same call may succeed when repeated (a broken
 * connection, a serialisation failure or deadlock); every store operation is idempotent, so a
 * repeat is safe.
 */
public final class AgencyStorageException extends WcsettleException {

    private static final long serialVersionUID = 1L;

    private final boolean retryable;
    private final String sqlState;

    /** A failure of {@code what}, caused by {@code cause} (its SQLState decides {@link #retryable()}). */
    public AgencyStorageException(StorageErrorCode code, String what, Exception cause) {
        super(code, null, what + (cause instanceof SQLException s && s.getSQLState() != null
                ? " [sqlstate=" + s.getSQLState() + "]" : ""), cause);
        this.sqlState = cause instanceof SQLException s ? s.getSQLState() : null;
        this.retryable = sqlState != null && (sqlState.startsWith("08") || sqlState.startsWith("40")
                || sqlState.equals("HYT00"));
    }

    /** Whether repeating the call may succeed: connection exceptions (08…), transaction rollbacks (40…), lock timeouts. */
    public boolean retryable() {
        return retryable;
    }

    /** The SQLState of the cause, or {@code null}. */
    public String sqlState() {
        return sqlState;
    }
}
