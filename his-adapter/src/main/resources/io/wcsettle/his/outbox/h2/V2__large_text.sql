-- wcsettle outbox, schema version 2, H2 2.x: the payload columns as CLOB (CHARACTER LARGE OBJECT; H2's
-- TEXT is CHARACTER VARYING). NOT NULL is kept; existing values are copied.
ALTER TABLE wcs_outbox ALTER COLUMN input_json SET DATA TYPE CLOB;
ALTER TABLE wcs_outbox ALTER COLUMN response_json SET DATA TYPE CLOB;
