package io.wcsettle.testkit.platform;

import java.time.LocalDate;

import io.wcsettle.core.money.Fen;

/**
 * A settlement (2304) as the simulated platform recorded it.
 *
 * @param setlId      platform settlement id
 * @param msgid       msgid of the 2304 that committed it
 * @param mdtrtId     visit id
 * @param psnNo       person number
 * @param medfee      total medical fees ({@code medfee_sumamt})
 * @param fundPaid    fund payment ({@code fund_pay_sumamt})
 * @param cashPay     the person's cash payment ({@code psn_cash_pay})
 * @param date        settlement date (platform clock)
 * @param clrOptins   the settling agency (the insured place)
 * @param status      current status
 * @param cancelledOn the day of the 2305, or {@code null}
 * @param cancelMsgid the msgid of the 2305, or {@code null}
 */
public record SimulatedSettlement(String setlId, String msgid, String mdtrtId, String psnNo, Fen medfee,
                                  Fen fundPaid, Fen cashPay, LocalDate date, String clrOptins, Status status,
                                  LocalDate cancelledOn, String cancelMsgid) {

    /** Status of a simulated settlement. */
    public enum Status {
        /** Committed and standing. */
        ACTIVE,
        /** Cancelled by 2305. */
        CANCELLED,
        /** Reversed by 2601. */
        REVERSED
    }

    SimulatedSettlement withStatus(Status s) {
        return new SimulatedSettlement(setlId, msgid, mdtrtId, psnNo, medfee, fundPaid, cashPay, date, clrOptins, s,
                cancelledOn, cancelMsgid);
    }

    SimulatedSettlement cancelled(LocalDate on, String byMsgid) {
        return new SimulatedSettlement(setlId, msgid, mdtrtId, psnNo, medfee, fundPaid, cashPay, date, clrOptins,
                Status.CANCELLED, on, byMsgid);
    }

    @Override
    public String toString() {
        return "SimulatedSettlement[setlId=" + setlId + ", msgid=" + msgid + ", status=" + status + "]";
    }
}
