/** Payments in the agency database (R-PRE-9): notices, the R-PRE-7 chain, bank confirmations, ledger postings. */
package io.wcsettle.agency.payment;
