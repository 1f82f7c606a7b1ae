/**
 * Payments (R-PRE-9, IM Art. 23–24, 41): transfers naming their business type (预付金 / 清算资金),
 * bank confirmations with bank type, serial number and date, the ledger accounts each one books
 * (R-PRE-8), and the R-PRE-7 chain of deadlines.
 */
package io.wcsettle.core.payment;
