/**
 * The durable outbox (R-UPL-1, R-UPL-4): every message is written with its msgid before it is
 * sent; states PENDING, SENT, UNKNOWN, DONE, FAILED, REVERSED; unknown outcomes are resolved by
 * query or a 2601 reversal, never by a blind resend under a new msgid. Embedded H2 file database
 * by default, PostgreSQL with the same schema.
 */
package io.wcsettle.his.outbox;
