package io.wcsettle.core.prepayment;

/** Kind of an adjustment notice (R-PRE-4, IM Art. 22). */
public enum NoticeKind {
    /** 付款通知: what the province pays. */
    PAYMENT,
    /** 收款通知: what the province receives. */
    RECEIPT
}
