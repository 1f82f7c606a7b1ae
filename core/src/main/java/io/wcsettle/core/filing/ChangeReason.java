package io.wcsettle.core.filing;

/** Why a filing change or cancellation is refused. Codes never change meaning. */
public enum ChangeReason {
    /** R-FIL-10 (IM Art. 11): a residence filing is locked for the policy's months after filing. */
    CHANGE_LOCKED,
    /** R-FIL-10 (IM Art. 15): the filing was already cancelled; history is closed. */
    ALREADY_CANCELLED
}
