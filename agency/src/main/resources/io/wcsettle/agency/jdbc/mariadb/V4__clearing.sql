-- V4__clearing.sql for MariaDB 10.6+ / MySQL 8 (InnoDB): the standard script as this dialect writes it (same tables,
-- columns, keys and constraints): AUTO_INCREMENT for identity, LONGTEXT for TEXT (MariaDB's TEXT holds 64 KiB),
-- indexes inside CREATE TABLE (MySQL has no CREATE INDEX IF NOT EXISTS), utf8mb4 with a binary collation so
-- keys compare exactly as on H2 and PostgreSQL. Every table IF NOT EXISTS: DDL commits at once here, a script
-- cut short runs again. See the standard script for what each table holds.
CREATE TABLE IF NOT EXISTS wcs_clearing_period (
    quarter           INTEGER      NOT NULL PRIMARY KEY,
    generated_on      DATE         NOT NULL,
    generated_by      VARCHAR(100) NOT NULL,
    recorded_at       BIGINT       NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
CREATE TABLE IF NOT EXISTS wcs_clearing_table_row (
    quarter           INTEGER      NOT NULL,
    insured           VARCHAR(6)   NOT NULL,
    treatment         VARCHAR(6)   NOT NULL,
    records           BIGINT       NOT NULL,
    fund_fen          BIGINT       NOT NULL,
    deduction_fen     BIGINT       NOT NULL,
    PRIMARY KEY (quarter, insured, treatment)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
CREATE TABLE IF NOT EXISTS wcs_clearing_event (
    seq               BIGINT AUTO_INCREMENT PRIMARY KEY,
    quarter           INTEGER      NOT NULL,
    step              VARCHAR(12)  NOT NULL,
    province          VARCHAR(6)   NOT NULL,
    subject           VARCHAR(64)  NOT NULL,
    actor             VARCHAR(100) NOT NULL,
    occurred_on       DATE         NOT NULL,
    late              BOOLEAN      NOT NULL,
    note              LONGTEXT     NOT NULL,
    recorded_at       BIGINT       NOT NULL,
    CONSTRAINT wcs_clearing_event_once UNIQUE (quarter, step, province, subject)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
CREATE TABLE IF NOT EXISTS wcs_clearing_dispute (
    dispute_id        VARCHAR(64)  NOT NULL PRIMARY KEY,
    quarter           INTEGER      NOT NULL,
    raised_by         VARCHAR(6)   NOT NULL,
    insured           VARCHAR(6)   NOT NULL,
    treatment         VARCHAR(6)   NOT NULL,
    record_id         VARCHAR(64)  NOT NULL,
    institution_code  VARCHAR(30)  NOT NULL,
    claimed_fen       BIGINT       NOT NULL,
    reason            LONGTEXT     NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
CREATE TABLE IF NOT EXISTS wcs_clearing_resolution (
    dispute_id        VARCHAR(64)  NOT NULL PRIMARY KEY,
    amount_fen        BIGINT       NOT NULL,
    resolved_on       DATE         NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
