package io.wcsettle.testkit.platform;

import java.time.LocalDate;

import io.wcsettle.core.money.Fen;

/**
 * A settlement (2304) as the simulated platform recorded it.
 *
 * @param setlId   platform settlement id
 * @param msgid    msgid of the 2304 that committed it
 * @param mdtrtId  visit id
 * @param psnNo    person number
 * @param medfee   total medical fees ({@code medfee_sumamt})
 * @param fundPaid fund payment ({@code fund_pay_sumamt})
 * @param date     settlement date (platform clock)
 * @param status   current status
 */
public record SimulatedSettlement(String setlId, String msgid, String mdtrtId, String psnNo, Fen medfee,
                                  Fen fundPaid, LocalDate date, Status status) {

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
        return new SimulatedSettlement(setlId, msgid, mdtrtId, psnNo, medfee, fundPaid, date, s);
    }

    @Override
    public String toString() {
        return "SimulatedSettlement[setlId=" + setlId + ", msgid=" + msgid + ", status=" + status + "]";
    }
}
