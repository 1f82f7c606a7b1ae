/**
 * {@link io.wcsettle.his.session.HisSession}: the hospital's discharge flow in one facade, every
 * step idempotent and resumable through the outbox (R-SET-11, R-UPL-1, R-UPL-4).
 */
package io.wcsettle.his.session;
