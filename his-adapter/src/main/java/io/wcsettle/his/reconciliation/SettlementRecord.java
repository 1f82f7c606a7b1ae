package io.wcsettle.his.reconciliation;

import java.time.LocalDate;

import io.wcsettle.core.error.Inputs;
import io.wcsettle.core.money.Fen;

/**
 * One row of the detail reconciliation (3202 表 134): a settlement (forward) or its cancellation
 * (the reverse row, {@code refd_setl_flag 1}, amounts negated) — the table asks for both rows of a
 * cancelled settlement.
 *
 * @param setlId      {@code setl_id}
 * @param mdtrtId     {@code mdtrt_id}
 * @param psnNo       {@code psn_no}
 * @param msgid       the msgid of the 2304 / 2305 that committed it
 * @param medfee      {@code medfee_sumamt} (negative on a reverse row)
 * @param fund        {@code fund_pay_sumamt}
 * @param acctPay     {@code acct_pay}
 * @param cashPay     {@code psn_cash_pay}
 * @param refund      whether this is the reverse row of a cancellation
 * @param settledOn   the day of its settlement time (the reconciliation's basis)
 * @param setlOptins  the settling agency ({@code clr_optins} of the answer, else the insured place)
 */
public record SettlementRecord(String setlId, String mdtrtId, String psnNo, String msgid, Fen medfee, Fen fund,
                               Fen acctPay, Fen cashPay, boolean refund, LocalDate settledOn, String setlOptins) {

    /** Checks required fields. */
    public SettlementRecord {
        Inputs.required(setlId, "setlId");
        Inputs.required(medfee, "medfee");
        Inputs.required(fund, "fund");
        Inputs.required(acctPay, "acctPay");
        Inputs.required(cashPay, "cashPay");
        Inputs.required(settledOn, "settledOn");
        Inputs.required(setlOptins, "setlOptins");
    }

    @Override
    public String toString() {
        return "SettlementRecord[setl_id=" + setlId + ", refund=" + refund + ", medfee=" + medfee + "]";
    }
}
