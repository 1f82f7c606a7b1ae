package io.wcsettle.his.session;

import java.time.LocalDateTime;
import java.util.Optional;

import io.wcsettle.core.money.Fen;
import io.wcsettle.his.platform.profile.Answer;

/**
 * The platform's {@code setlinfo} of 2303, 2304 or 2305 (表 87 / 90 / 93), typed.
 *
 * @param setlId         {@code setl_id}; {@code ""} for a pre-settlement
 * @param mdtrtId        {@code mdtrt_id}
 * @param setlTime       {@code setl_time}, when given
 * @param medfeeSumamt   {@code medfee_sumamt}
 * @param fundPaySumamt  {@code fund_pay_sumamt}
 * @param psnCashPay     {@code psn_cash_pay}
 * @param acctPay        {@code acct_pay}
 * @param clrOptins      {@code clr_optins}, {@code ""} when not given
 */
public record SettlementInfo(String setlId, String mdtrtId, Optional<LocalDateTime> setlTime, Fen medfeeSumamt,
                             Fen fundPaySumamt, Fen psnCashPay, Fen acctPay, String clrOptins) {

    static SettlementInfo of(Answer.Row r) {
        String setlId = r.has("setl_id") ? r.text("setl_id") : "";
        return new SettlementInfo(setlId, r.text("mdtrt_id"), r.dateTime("setl_time"),
                r.fen("medfee_sumamt").orElse(Fen.ZERO), r.fen("fund_pay_sumamt").orElse(Fen.ZERO),
                r.fen("psn_cash_pay").orElse(Fen.ZERO), r.fen("acct_pay").orElse(Fen.ZERO),
                r.optText("clr_optins").orElse(""));
    }
}
