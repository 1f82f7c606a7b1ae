-- wcsettle agency prepayment quotas (R-PRE-2, -3), schema version 6. Portable SQL (H2 2.x, PostgreSQL 12+).
-- One quota per year and pair, written once: an adjustment is the next year's row.
CREATE TABLE IF NOT EXISTS wcs_prepayment_quota (
    quota_year        INTEGER      NOT NULL,
    insured           VARCHAR(6)   NOT NULL,
    treatment         VARCHAR(6)   NOT NULL,
    quota_fen         BIGINT       NOT NULL,
    recorded_by       VARCHAR(100) NOT NULL,
    recorded_at       BIGINT       NOT NULL,
    PRIMARY KEY (quota_year, insured, treatment)
);
