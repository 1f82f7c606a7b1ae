-- wcsettle outbox, schema version 2: the payload columns as the database's large-text type. V1's
-- VARCHAR(1000000) is refused by Oracle, SQL Server, DM, KingbaseES and MariaDB, and caps a payload at a
-- million characters on H2. Standard SQL (ALTER COLUMN ... SET DATA TYPE) for the standard dialects:
-- PostgreSQL (TEXT) and other databases with a TEXT type. NOT NULL is kept.
-- H2 has its own V2 (h2/: CLOB); dialects with a V1 of their own (mariadb/, oracle/, kingbase/) created
-- these columns large already.
ALTER TABLE wcs_outbox ALTER COLUMN input_json SET DATA TYPE TEXT;
ALTER TABLE wcs_outbox ALTER COLUMN response_json SET DATA TYPE TEXT;
