-- V1__ledger.sql for MariaDB 10.6+ / MySQL 8 (InnoDB): the standard script as this dialect writes it (same tables,
-- columns, keys and constraints): AUTO_INCREMENT for identity, LONGTEXT for TEXT (MariaDB's TEXT holds 64 KiB),
-- indexes inside CREATE TABLE (MySQL has no CREATE INDEX IF NOT EXISTS), utf8mb4 with a binary collation so
-- keys compare exactly as on H2 and PostgreSQL. Every table IF NOT EXISTS: DDL commits at once here, a script
-- cut short runs again. See the standard script for what each table holds.
CREATE TABLE IF NOT EXISTS wcs_ledger_op (
    seq         BIGINT AUTO_INCREMENT PRIMARY KEY,
    op_key      VARCHAR(200) NOT NULL,
    kind        VARCHAR(12)  NOT NULL,
    booked_on   DATE         NOT NULL,
    memo        LONGTEXT     NOT NULL,
    resolves    VARCHAR(200),
    amount      BIGINT,
    created_at  BIGINT       NOT NULL,
    CONSTRAINT wcs_ledger_op_key UNIQUE (op_key),
    CONSTRAINT wcs_ledger_op_resolves UNIQUE (resolves),
    CONSTRAINT wcs_ledger_op_kind CHECK (kind IN ('POSTING', 'RESERVE', 'POST_PENDING', 'VOID_PENDING'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
CREATE TABLE IF NOT EXISTS wcs_ledger_entry (
    op_seq      BIGINT       NOT NULL,
    line        INTEGER      NOT NULL,
    account     VARCHAR(40)  NOT NULL,
    side        VARCHAR(6)   NOT NULL,
    amount      BIGINT       NOT NULL,
    pending     BOOLEAN      NOT NULL,
    booked_on   DATE         NOT NULL,
    PRIMARY KEY (op_seq, line),
    CONSTRAINT wcs_ledger_entry_op FOREIGN KEY (op_seq) REFERENCES wcs_ledger_op (seq),
    CONSTRAINT wcs_ledger_entry_side CHECK (side IN ('DEBIT', 'CREDIT')),
    CONSTRAINT wcs_ledger_entry_amount CHECK (amount > 0),
    INDEX wcs_ledger_entry_account (account, pending)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
