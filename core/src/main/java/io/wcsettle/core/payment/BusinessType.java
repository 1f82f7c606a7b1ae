package io.wcsettle.core.payment;

/** R-PRE-9 (IM Art. 23): the business type every transfer names. */
public enum BusinessType {
    /** 预付金: prepayments, their annual adjustments, refunds and emergency top-ups (R-PRE-1..6). */
    PREPAYMENT("预付金"),
    /** 清算资金: a quarter's clearing funds (R-CLR-6). */
    CLEARING_FUNDS("清算资金");

    private final String title;

    BusinessType(String title) {
        this.title = title;
    }

    /** The type as the transfer names it. */
    public String title() {
        return title;
    }
}
