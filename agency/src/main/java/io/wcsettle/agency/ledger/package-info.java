/** The agency's durable book of record (R-PRE-8) on JDBC: H2 embedded by default, PostgreSQL. */
package io.wcsettle.agency.ledger;
