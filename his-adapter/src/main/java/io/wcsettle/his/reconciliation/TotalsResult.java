package io.wcsettle.his.reconciliation;

import io.wcsettle.core.money.Fen;

/**
 * The 3201 result of one settling agency: what was sent and what the platform said.
 *
 * @param setlOptins the settling agency
 * @param count      {@code fixmedins_setl_cnt}: rows sent (settlements and reverse rows of cancellations)
 * @param medfee     {@code medfee_sumamt} sent (net of cancellations)
 * @param fund       {@code fund_pay_sumamt} sent
 * @param acctPay    {@code acct_pay} sent
 * @param balanced   {@code stmt_rslt = 0} (平)
 * @param description {@code stmt_rslt_dscr}
 */
public record TotalsResult(String setlOptins, long count, Fen medfee, Fen fund, Fen acctPay, boolean balanced,
                           String description) {
}
