/**
 * Money as integer fen (R-MON-1..3): {@link io.wcsettle.core.money.Fen} for amounts,
 * {@link io.wcsettle.core.money.UnitPrice} (6 decimals) and {@link io.wcsettle.core.money.Quantity}
 * (4 decimals) as the national fee upload carries them, and {@link io.wcsettle.core.money.LineAmount},
 * the single HALF_UP rounding point of a line. No floating point anywhere.
 */
package io.wcsettle.core.money;
