/**
 * JDBC support shared by the agency stores: versioned migrations (one schema for H2 and
 * PostgreSQL), transactions, typed storage errors.
 */
package io.wcsettle.agency.jdbc;
