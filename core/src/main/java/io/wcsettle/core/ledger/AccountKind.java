package io.wcsettle.core.ledger;

/** The accounts of R-PRE-8 (IM Art. 29), plus the bank account every transfer goes through. */
public enum AccountKind {
    /** 暂付款—异地就医预付金—{counterpart}: insured side, prepayments advanced, one per counterpart. */
    PREPAYMENT_ADVANCED("暂付款—异地就医预付金", true),
    /** 暂收款—异地就医预付金: province level collecting prepayments from lower levels. */
    PREPAYMENT_COLLECTED("暂收款—异地就医预付金", false),
    /** 暂收款—异地就医清算资金: province level collecting clearing funds from lower levels. */
    CLEARING_COLLECTED("暂收款—异地就医清算资金", false),
    /**
     * 暂收款—异地就医资金: treatment side, prepayments and clearing funds received; one account, since
     * the treatment province may use all insured provinces' prepayments as one pool (R-PRE-1, IM Art. 19).
     */
    FUNDS_RECEIVED("暂收款—异地就医资金", false),
    /** 银行存款: the fund's bank account (the other side of every transfer). */
    BANK("银行存款", false);

    private final String title;
    private final boolean perCounterpart;

    AccountKind(String title, boolean perCounterpart) {
        this.title = title;
        this.perCounterpart = perCounterpart;
    }

    /** The account title as booked. */
    public String title() {
        return title;
    }

    /** Whether the account has one sub-account per counterpart province. */
    public boolean perCounterpart() {
        return perCounterpart;
    }
}
