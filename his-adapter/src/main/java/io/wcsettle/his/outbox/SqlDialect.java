package io.wcsettle.his.outbox;

import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Set;

/**
 * The SQL dialect of the outbox's database, read from {@link DatabaseMetaData#getDatabaseProductName()}:
 * it picks the migration scripts ({@code <dialect>/Vn__name.sql} where one exists, else the standard
 * {@code Vn__name.sql}) and tells a concurrent opener's conflict from a real failure. The statements
 * the outbox runs at run time are the same everywhere. See {@code docs/databases.md}.
 */
enum SqlDialect {

    /** H2 2.x: the standard scripts, large text as {@code CLOB} (H2's {@code TEXT} is {@code CHARACTER VARYING}). */
    H2("h2"),
    /** PostgreSQL 12+: the standard scripts; large text as {@code TEXT}. */
    POSTGRESQL(null),
    /** KingbaseES (人大金仓) in PostgreSQL mode: PostgreSQL's types, large text as {@code TEXT} from version 1 on. */
    KINGBASE("kingbase"),
    /** MariaDB 10.6+ and MySQL 8: InnoDB, {@code utf8mb4_bin} (case- and space-exact keys), large text as {@code LONGTEXT}. */
    MARIADB("mariadb"),
    /** Oracle, and DM (达梦) in its Oracle-compatible mode: {@code VARCHAR2}, {@code NUMBER}, large text as {@code CLOB}. */
    ORACLE("oracle"),
    /** Any other database: the standard scripts (tested only on the three above). */
    STANDARD(null);

    private final String directory;

    SqlDialect(String directory) {
        this.directory = directory;
    }

    /** The dialect of the database behind {@code md}. */
    static SqlDialect of(DatabaseMetaData md) throws SQLException {
        return ofProduct(md.getDatabaseProductName());
    }

    static SqlDialect ofProduct(String productName) {
        String p = productName == null ? "" : productName.toLowerCase(Locale.ROOT);
        if (p.startsWith("h2")) {
            return H2;
        }
        if (p.contains("kingbase")) {
            return KINGBASE;
        }
        if (p.contains("postgresql")) {
            return POSTGRESQL;
        }
        if (p.contains("mariadb") || p.contains("mysql")) {
            return MARIADB;
        }
        if (p.contains("oracle") || p.equals("dm") || p.startsWith("dm dbms") || p.contains("dameng")) {
            return ORACLE;
        }
        return STANDARD;
    }

    /** The resource name of {@code script} for this dialect, relative to the outbox package. */
    String resource(String script, Class<?> anchor) {
        if (directory != null && anchor.getResource(directory + "/" + script) != null) {
            return directory + "/" + script;
        }
        return script;
    }

    /**
     * Whether {@code e} is a unique-constraint violation: SQLState 23505 (H2, PostgreSQL, KingbaseES),
     * MariaDB/MySQL error 1062, Oracle ORA-00001 and DM error -6602.
     */
    static boolean isUniqueViolation(SQLException e) {
        for (SQLException x = e; x != null; x = x.getNextException()) {
            if ("23505".equals(x.getSQLState())
                    || "23000".equals(x.getSQLState()) && (x.getErrorCode() == 1062 || x.getErrorCode() == 1)
                    || x.getErrorCode() == -6602) {
                return true;
            }
        }
        return false;
    }

    /** Deadlock or serialization failure: the transaction may simply be run again. */
    static boolean isRetryable(SQLException e) {
        for (SQLException x = e; x != null; x = x.getNextException()) {
            String s = x.getSQLState();
            if ("40001".equals(s) || "40P01".equals(s) || x.getErrorCode() == 1213) {
                return true;
            }
        }
        return false;
    }

    private static final Set<String> ALREADY_EXISTS = Set.of(
            "42S01", // H2, MariaDB: table exists
            "42S11", // H2: index exists
            "42P07", // PostgreSQL: relation exists
            "42710", // PostgreSQL: object exists
            "HYT00", // H2: lock timeout (another opener holds the table)
            "90131", // H2: concurrent update of the same row (of its schema table) in another transaction
            "42S02"); // H2: table not found (another opener is between the copy and the rename of ALTER COLUMN)

    /**
     * Whether a migration statement failed because another opener is migrating the same database at the
     * same moment (the object or the version row exists, a lock was held, a deadlock), rather than for a
     * reason that waiting will not cure.
     */
    static boolean isConcurrentMigration(SQLException e) {
        if (isUniqueViolation(e) || isRetryable(e)) {
            return true;
        }
        for (SQLException x = e; x != null; x = x.getNextException()) {
            int code = x.getErrorCode();
            if (x.getSQLState() != null && ALREADY_EXISTS.contains(x.getSQLState())
                    || code == 1050 || code == 1061 || code == 1205 // MariaDB: table exists, key name exists, lock wait
                    || code == 955) { // Oracle: name already used
                return true;
            }
        }
        return false;
    }
}
