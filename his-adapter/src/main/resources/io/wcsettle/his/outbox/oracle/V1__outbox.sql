-- wcsettle outbox, schema version 1, Oracle 12c+ and DM (达梦) 8 in Oracle-compatible mode: the standard V1
-- with Oracle types (VARCHAR2, NUMBER for INTEGER/BIGINT) and the payloads as CLOB. Not tested on an
-- Oracle or DM server by the build.
CREATE TABLE wcs_outbox (
    msgid            VARCHAR2(30)  NOT NULL PRIMARY KEY,
    business_key     VARCHAR2(64)  NOT NULL,
    generation       NUMBER(10)    NOT NULL,
    infno            VARCHAR2(8)   NOT NULL,
    state            VARCHAR2(10)  NOT NULL,
    insuplc_admdvs   VARCHAR2(6)   NOT NULL,
    input_json       CLOB          NOT NULL,
    settled_on       DATE,
    upload_due       DATE,
    medfee_fen       NUMBER(19),
    fund_fen         NUMBER(19),
    attempts         NUMBER(10)    NOT NULL,
    last_error       VARCHAR2(64),
    response_json    CLOB,
    reversal_msgid   VARCHAR2(30),
    reversal_result  VARCHAR2(16),
    created_at       NUMBER(19)    NOT NULL,
    updated_at       NUMBER(19)    NOT NULL,
    CONSTRAINT wcs_outbox_key UNIQUE (business_key, generation)
);
CREATE INDEX wcs_outbox_state ON wcs_outbox (state);
CREATE INDEX wcs_outbox_due ON wcs_outbox (upload_due);
CREATE TABLE wcs_msgid_clock (
    institution      VARCHAR2(12)  NOT NULL PRIMARY KEY,
    last_second      NUMBER(19)    NOT NULL
);
