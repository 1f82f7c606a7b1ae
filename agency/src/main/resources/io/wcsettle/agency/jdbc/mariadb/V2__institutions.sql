-- V2__institutions.sql for MariaDB 10.6+ / MySQL 8 (InnoDB): the standard script as this dialect writes it (same tables,
-- columns, keys and constraints): AUTO_INCREMENT for identity, LONGTEXT for TEXT (MariaDB's TEXT holds 64 KiB),
-- indexes inside CREATE TABLE (MySQL has no CREATE INDEX IF NOT EXISTS), utf8mb4 with a binary collation so
-- keys compare exactly as on H2 and PostgreSQL. Every table IF NOT EXISTS: DDL commits at once here, a script
-- cut short runs again. See the standard script for what each table holds.
CREATE TABLE IF NOT EXISTS wcs_institution_change (
    seq               BIGINT AUTO_INCREMENT PRIMARY KEY,
    change_id         VARCHAR(200) NOT NULL,
    institution_code  VARCHAR(30)  NOT NULL,
    admdvs            VARCHAR(6)   NOT NULL,
    effective_on      DATE         NOT NULL,
    state             VARCHAR(12)  NOT NULL,
    cross_province    BOOLEAN      NOT NULL,
    local_networked   BOOLEAN      NOT NULL,
    reason            LONGTEXT     NOT NULL,
    recorded_by       VARCHAR(100) NOT NULL,
    recorded_at       BIGINT       NOT NULL,
    CONSTRAINT wcs_institution_change_id UNIQUE (change_id),
    INDEX wcs_institution_change_code (institution_code, effective_on)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
CREATE TABLE IF NOT EXISTS wcs_institution_report (
    change_seq        BIGINT       NOT NULL PRIMARY KEY,
    reported_on       DATE         NOT NULL,
    recorded_at       BIGINT       NOT NULL,
    CONSTRAINT wcs_institution_report_change FOREIGN KEY (change_seq) REFERENCES wcs_institution_change (seq)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
