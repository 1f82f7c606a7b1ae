package io.wcsettle.agency.jdbc;

import io.wcsettle.core.error.ErrorCode;

/** Storage error codes of the agency stores. Codes never change meaning once released. */
public enum StorageErrorCode implements ErrorCode {
    /** The database refused or failed a statement, or the connection broke; see {@link AgencyStorageException#retryable()}. */
    STORAGE_FAILURE,
    /** A migration script failed; the database is left at the last version that applied cleanly. */
    MIGRATION_FAILED,
    /** The database holds a schema version this code does not know (written by a newer release). */
    SCHEMA_TOO_NEW;

    @Override
    public String code() {
        return name();
    }
}
