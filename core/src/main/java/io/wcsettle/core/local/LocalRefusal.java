package io.wcsettle.core.local;

/** Why the agency refuses an online application for local networked settlement. Codes never change meaning. */
public enum LocalRefusal {
    /** R-LOC-1, R-FIL-1 (000): an old injury needs a recognition, a recurrence its confirmation. */
    NO_QUALIFYING_CONFIRMATION,
    /** R-LOC-1 (000): the institution is outside the insured city; that is a cross-province or in-province referral. */
    INSTITUTION_OUTSIDE_INSURED_CITY,
    /** R-LOC-1 (000): local networked settlement covers medical and rehab costs, not device configuration. */
    SCOPE_NOT_SERVED
}
