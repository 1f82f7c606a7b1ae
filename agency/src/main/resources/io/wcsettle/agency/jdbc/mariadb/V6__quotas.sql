-- V6__quotas.sql for MariaDB 10.6+ / MySQL 8 (InnoDB): the standard script as this dialect writes it (same tables,
-- columns, keys and constraints): AUTO_INCREMENT for identity, LONGTEXT for TEXT (MariaDB's TEXT holds 64 KiB),
-- indexes inside CREATE TABLE (MySQL has no CREATE INDEX IF NOT EXISTS), utf8mb4 with a binary collation so
-- keys compare exactly as on H2 and PostgreSQL. Every table IF NOT EXISTS: DDL commits at once here, a script
-- cut short runs again. See the standard script for what each table holds.
CREATE TABLE IF NOT EXISTS wcs_prepayment_quota (
    quota_year        INTEGER      NOT NULL,
    insured           VARCHAR(6)   NOT NULL,
    treatment         VARCHAR(6)   NOT NULL,
    quota_fen         BIGINT       NOT NULL,
    recorded_by       VARCHAR(100) NOT NULL,
    recorded_at       BIGINT       NOT NULL,
    PRIMARY KEY (quota_year, insured, treatment)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
