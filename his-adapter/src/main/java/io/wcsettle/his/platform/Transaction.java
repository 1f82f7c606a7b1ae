package io.wcsettle.his.platform;

/**
 * The logical transactions of PROTOCOL.md. Their wire codes ({@code infno}) are data of a
 * {@link TransactionProfile}, not constants.
 */
public enum Transaction {
    /** Sign-in, returns {@code sign_no} (template 9001). */
    SIGN_IN,
    /** Person and filing query (template 1101). */
    PERSON_QUERY,
    /** Admission registration, checks the filing (R-SET-11; template 2401). */
    ADMISSION,
    /** Fee detail upload (template 2301). */
    FEE_UPLOAD,
    /** Pre-settlement, no commitment (template 2303). */
    PRE_SETTLEMENT,
    /** Settlement (template 2304). */
    SETTLEMENT,
    /** Settlement cancellation (template 2305). */
    SETTLEMENT_CANCELLATION,
    /** Reversal of a transaction whose outcome is unknown (R-UPL-4; template 2601). */
    REVERSAL,
    /** Daily totals reconciliation (template 3201). */
    RECONCILE_TOTALS,
    /** Detail reconciliation (template 3202). */
    RECONCILE_DETAILS,
    /** Clearing application (template 3203). */
    CLEARING_APPLICATION,
    /** Clearing result (template 3204). */
    CLEARING_RESULT
}
