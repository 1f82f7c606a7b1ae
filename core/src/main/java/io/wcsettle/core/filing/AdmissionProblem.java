package io.wcsettle.core.filing;

/** Why a filing does not allow direct settlement of an admission (R-FIL-8, R-FIL-9). */
public enum AdmissionProblem {
    /** R-FIL-8 (IM Art. 11, 13; BJ §二(二)): admitted outside the validity; the worker must file again. */
    NOT_VALID_AT_ADMISSION,
    /** R-FIL-9 (BJ §二(二)): the filing ended early (entitlement lost) before the admission. */
    ENDED
}
