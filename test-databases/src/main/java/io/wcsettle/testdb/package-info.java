/**
 * Real database servers for the project's own tests (never shipped to hospitals or agencies):
 * {@link io.wcsettle.testdb.PostgresServer} (embedded PostgreSQL from Maven Central) and
 * {@link io.wcsettle.testdb.MariaDbServer} (Debian's {@code mariadb-server}, started privately).
 * his-adapter's outbox tests and agency's ledger tests use the same servers through this module.
 */
package io.wcsettle.testdb;
