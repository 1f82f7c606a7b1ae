/**
 * The prepayment and clearing ledger of R-PRE-8 (IM Art. 29): double entry, append-only, the
 * sub-accounts the article names, every posting under an idempotency key.
 */
package io.wcsettle.core.ledger;
