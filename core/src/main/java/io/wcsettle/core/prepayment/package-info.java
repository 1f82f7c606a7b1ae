/**
 * Prepayment between provinces (R-PRE-1..7): annual and initial quotas, annual adjustment
 * notices, usage rate and warning level, emergency top-up checks and payment-chain deadlines.
 * The ledger of R-PRE-8 is in {@code io.wcsettle.core.ledger}.
 */
package io.wcsettle.core.prepayment;
