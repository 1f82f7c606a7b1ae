-- V5__payments.sql for MariaDB 10.6+ / MySQL 8 (InnoDB): the standard script as this dialect writes it (same tables,
-- columns, keys and constraints): AUTO_INCREMENT for identity, LONGTEXT for TEXT (MariaDB's TEXT holds 64 KiB),
-- indexes inside CREATE TABLE (MySQL has no CREATE INDEX IF NOT EXISTS), utf8mb4 with a binary collation so
-- keys compare exactly as on H2 and PostgreSQL. Every table IF NOT EXISTS: DDL commits at once here, a script
-- cut short runs again. See the standard script for what each table holds.
CREATE TABLE IF NOT EXISTS wcs_payment (
    payment_id        VARCHAR(64)  NOT NULL PRIMARY KEY,
    business_type     VARCHAR(16)  NOT NULL,
    direction         VARCHAR(8)   NOT NULL,
    counterpart       VARCHAR(6)   NOT NULL,
    amount_fen        BIGINT       NOT NULL,
    refund            BOOLEAN      NOT NULL,
    notice_on         DATE         NOT NULL,
    due_by            DATE,
    purpose           VARCHAR(100) NOT NULL,
    recorded_at       BIGINT       NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
CREATE TABLE IF NOT EXISTS wcs_payment_step (
    payment_id        VARCHAR(64)  NOT NULL,
    step              VARCHAR(12)  NOT NULL,
    occurred_on       DATE         NOT NULL,
    actor             VARCHAR(100) NOT NULL,
    recorded_at       BIGINT       NOT NULL,
    PRIMARY KEY (payment_id, step)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
CREATE TABLE IF NOT EXISTS wcs_payment_confirmation (
    payment_id        VARCHAR(64)  NOT NULL PRIMARY KEY,
    bank_type         VARCHAR(40)  NOT NULL,
    serial_number     VARCHAR(64)  NOT NULL,
    transaction_date  DATE         NOT NULL,
    amount_fen        BIGINT       NOT NULL,
    confirmed_by      VARCHAR(100) NOT NULL,
    recorded_at       BIGINT       NOT NULL,
    CONSTRAINT wcs_payment_serial UNIQUE (bank_type, serial_number)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
