-- V3__monthly.sql for MariaDB 10.6+ / MySQL 8 (InnoDB): the standard script as this dialect writes it (same tables,
-- columns, keys and constraints): AUTO_INCREMENT for identity, LONGTEXT for TEXT (MariaDB's TEXT holds 64 KiB),
-- indexes inside CREATE TABLE (MySQL has no CREATE INDEX IF NOT EXISTS), utf8mb4 with a binary collation so
-- keys compare exactly as on H2 and PostgreSQL. Every table IF NOT EXISTS: DDL commits at once here, a script
-- cut short runs again. See the standard script for what each table holds.
CREATE TABLE IF NOT EXISTS wcs_settlement (
    settlement_id     VARCHAR(64)  NOT NULL PRIMARY KEY,
    institution_code  VARCHAR(30)  NOT NULL,
    kind              VARCHAR(16)  NOT NULL,
    insured           VARCHAR(6)   NOT NULL,
    treatment         VARCHAR(6)   NOT NULL,
    settled_on        DATE         NOT NULL,
    settled_month     INTEGER      NOT NULL,
    medical_fen       BIGINT       NOT NULL,
    fund_fen          BIGINT       NOT NULL,
    deduction_fen     BIGINT       NOT NULL,
    upload_due        DATE,
    received_at       BIGINT       NOT NULL,
    INDEX wcs_settlement_month (settled_month, institution_code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
CREATE TABLE IF NOT EXISTS wcs_settlement_upload (
    settlement_id     VARCHAR(64)  NOT NULL PRIMARY KEY,
    uploaded_on       DATE         NOT NULL,
    recorded_at       BIGINT       NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
CREATE TABLE IF NOT EXISTS wcs_settlement_cancel (
    settlement_id     VARCHAR(64)  NOT NULL PRIMARY KEY,
    cancelled_on      DATE         NOT NULL,
    late              BOOLEAN      NOT NULL,
    recorded_by       VARCHAR(100) NOT NULL,
    recorded_at       BIGINT       NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
CREATE TABLE IF NOT EXISTS wcs_settlement_deduction (
    seq               BIGINT AUTO_INCREMENT PRIMARY KEY,
    settlement_id     VARCHAR(64)  NOT NULL,
    deduction_fen     BIGINT       NOT NULL,
    recorded_by       VARCHAR(100) NOT NULL,
    recorded_at       BIGINT       NOT NULL,
    INDEX wcs_settlement_deduction_id (settlement_id, seq)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
CREATE TABLE IF NOT EXISTS wcs_statement (
    statement_id      VARCHAR(80)  NOT NULL PRIMARY KEY,
    settled_month     INTEGER      NOT NULL,
    institution_code  VARCHAR(30)  NOT NULL,
    version           INTEGER      NOT NULL,
    cross_count       BIGINT       NOT NULL,
    cross_medical_fen BIGINT       NOT NULL,
    cross_fund_fen    BIGINT       NOT NULL,
    cross_deduction_fen BIGINT     NOT NULL,
    local_count       BIGINT       NOT NULL,
    local_medical_fen BIGINT       NOT NULL,
    local_fund_fen    BIGINT       NOT NULL,
    local_deduction_fen BIGINT     NOT NULL,
    CONSTRAINT wcs_statement_version UNIQUE (settled_month, institution_code, version)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
CREATE TABLE IF NOT EXISTS wcs_statement_item (
    statement_id      VARCHAR(80)  NOT NULL,
    settlement_id     VARCHAR(64)  NOT NULL,
    deduction_fen     BIGINT       NOT NULL,
    PRIMARY KEY (statement_id, settlement_id),
    INDEX wcs_statement_item_settlement (settlement_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
CREATE TABLE IF NOT EXISTS wcs_statement_event (
    seq               BIGINT AUTO_INCREMENT PRIMARY KEY,
    statement_id      VARCHAR(80)  NOT NULL,
    step              INTEGER      NOT NULL,
    state             VARCHAR(12)  NOT NULL,
    actor             VARCHAR(100) NOT NULL,
    occurred_on       DATE         NOT NULL,
    recorded_at       BIGINT       NOT NULL,
    note              LONGTEXT     NOT NULL,
    CONSTRAINT wcs_statement_event_step UNIQUE (statement_id, step)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
CREATE TABLE IF NOT EXISTS wcs_clearing_record (
    record_id         VARCHAR(64)  NOT NULL PRIMARY KEY,
    quarter           INTEGER      NOT NULL,
    insured           VARCHAR(6)   NOT NULL,
    treatment         VARCHAR(6)   NOT NULL,
    institution_code  VARCHAR(30)  NOT NULL,
    confirmed_on      DATE         NOT NULL,
    fund_fen          BIGINT       NOT NULL,
    deduction_fen     BIGINT       NOT NULL,
    cost_on           DATE         NOT NULL,
    source            VARCHAR(120) NOT NULL,
    registered_at     BIGINT       NOT NULL,
    INDEX wcs_clearing_record_quarter (quarter)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
