-- wcsettle outbox, schema version 1, MariaDB 10.6+ / MySQL 8 (InnoDB). The standard V1 as this dialect
-- writes it: payloads as LONGTEXT (the standard VARCHAR(1000000) exceeds the 65535-byte row limit), indexes
-- inside CREATE TABLE (MySQL has no CREATE INDEX IF NOT EXISTS), every table IF NOT EXISTS (DDL commits at
-- once here, so a script cut short runs again), utf8mb4 with a binary collation: keys compare exactly as on
-- H2 and PostgreSQL ('B1' <> 'b1', trailing spaces count), whatever the server's default character set.
CREATE TABLE IF NOT EXISTS wcs_outbox (
    msgid            VARCHAR(30)  NOT NULL PRIMARY KEY,
    business_key     VARCHAR(64)  NOT NULL,
    generation       INTEGER      NOT NULL,
    infno            VARCHAR(8)   NOT NULL,
    state            VARCHAR(10)  NOT NULL,
    insuplc_admdvs   VARCHAR(6)   NOT NULL,
    input_json       LONGTEXT     NOT NULL,
    settled_on       DATE,
    upload_due       DATE,
    medfee_fen       BIGINT,
    fund_fen         BIGINT,
    attempts         INTEGER      NOT NULL,
    last_error       VARCHAR(64),
    response_json    LONGTEXT,
    reversal_msgid   VARCHAR(30),
    reversal_result  VARCHAR(16),
    created_at       BIGINT       NOT NULL,
    updated_at       BIGINT       NOT NULL,
    CONSTRAINT wcs_outbox_key UNIQUE (business_key, generation),
    INDEX wcs_outbox_state (state),
    INDEX wcs_outbox_due (upload_due)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
CREATE TABLE IF NOT EXISTS wcs_msgid_clock (
    institution      VARCHAR(12)  NOT NULL PRIMARY KEY,
    last_second      BIGINT       NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
