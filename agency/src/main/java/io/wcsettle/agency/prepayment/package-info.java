/** Prepayment quotas in the agency database (R-PRE-2, -3), the denominators of the usage rates (R-PRE-5). */
package io.wcsettle.agency.prepayment;
