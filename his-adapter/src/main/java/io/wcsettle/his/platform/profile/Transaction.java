package io.wcsettle.his.platform.profile;

/**
 * The logical transactions of the published interface (national template: the tables in the
 * interface extract). Their wire codes ({@code infno}), nodes and fields are data of a
 * {@link TransactionProfile}, not constants.
 */
public enum Transaction {
    /** Sign-in, returns {@code sign_no} (template 9001). */
    SIGN_IN,
    /** Sign-out, invalidates the {@code sign_no} (template 9002). */
    SIGN_OUT,
    /** Person and insurance query by credential (template 1101). */
    PERSON_QUERY,
    /** Admission registration; the platform checks the filing (R-SET-11; template 2401). */
    ADMISSION,
    /** Discharge registration (template 2402). */
    DISCHARGE,
    /** Fee detail upload, at most 100 rows per call (template 2301). */
    FEE_UPLOAD,
    /** Fee detail cancellation; {@code 0000} cancels all rows of the visit (template 2302). */
    FEE_CANCELLATION,
    /** Pre-settlement, no commitment (template 2303). */
    PRE_SETTLEMENT,
    /** Settlement (template 2304). */
    SETTLEMENT,
    /** Settlement cancellation (template 2305). */
    SETTLEMENT_CANCELLATION,
    /** Reversal of a transaction whose outcome is unknown, no output (R-UPL-4; template 2601). */
    REVERSAL,
    /** Daily totals reconciliation (template 3201). */
    RECONCILE_TOTALS,
    /** Detail reconciliation over an uploaded file (template 3202). */
    RECONCILE_DETAILS,
    /** File upload for 3202 (template 9101; modelled, the extract has no table). */
    FILE_UPLOAD,
    /** File download for 3202 (template 9102; modelled, the extract has no table). */
    FILE_DOWNLOAD
}
