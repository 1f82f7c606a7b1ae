-- wcsettle outbox, schema version 1, KingbaseES (人大金仓) in PostgreSQL mode: the standard V1 with the
-- payloads as TEXT (KingbaseES refuses VARCHAR(1000000)). Not tested on a KingbaseES server by the build.
CREATE TABLE wcs_outbox (
    msgid            VARCHAR(30)  NOT NULL PRIMARY KEY,
    business_key     VARCHAR(64)  NOT NULL,
    generation       INTEGER      NOT NULL,
    infno            VARCHAR(8)   NOT NULL,
    state            VARCHAR(10)  NOT NULL,
    insuplc_admdvs   VARCHAR(6)   NOT NULL,
    input_json       TEXT         NOT NULL,
    settled_on       DATE,
    upload_due       DATE,
    medfee_fen       BIGINT,
    fund_fen         BIGINT,
    attempts         INTEGER      NOT NULL,
    last_error       VARCHAR(64),
    response_json    TEXT,
    reversal_msgid   VARCHAR(30),
    reversal_result  VARCHAR(16),
    created_at       BIGINT       NOT NULL,
    updated_at       BIGINT       NOT NULL,
    CONSTRAINT wcs_outbox_key UNIQUE (business_key, generation)
);
CREATE INDEX wcs_outbox_state ON wcs_outbox (state);
CREATE INDEX wcs_outbox_due ON wcs_outbox (upload_due);
CREATE TABLE wcs_msgid_clock (
    institution      VARCHAR(12)  NOT NULL PRIMARY KEY,
    last_second      BIGINT       NOT NULL
);
