-- wcsettle agency payments (R-PRE-9), schema version 5. Portable SQL (H2 2.x, PostgreSQL 12+).
-- Append-only: each step and the confirmation are rows of their own.
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
);
CREATE TABLE IF NOT EXISTS wcs_payment_step (
    payment_id        VARCHAR(64)  NOT NULL,
    step              VARCHAR(12)  NOT NULL,
    occurred_on       DATE         NOT NULL,
    actor             VARCHAR(100) NOT NULL,
    recorded_at       BIGINT       NOT NULL,
    PRIMARY KEY (payment_id, step)
);
-- R-PRE-9: one confirmation per payment, and one payment per bank serial number
CREATE TABLE IF NOT EXISTS wcs_payment_confirmation (
    payment_id        VARCHAR(64)  NOT NULL PRIMARY KEY,
    bank_type         VARCHAR(40)  NOT NULL,
    serial_number     VARCHAR(64)  NOT NULL,
    transaction_date  DATE         NOT NULL,
    amount_fen        BIGINT       NOT NULL,
    confirmed_by      VARCHAR(100) NOT NULL,
    recorded_at       BIGINT       NOT NULL,
    CONSTRAINT wcs_payment_serial UNIQUE (bank_type, serial_number)
);
