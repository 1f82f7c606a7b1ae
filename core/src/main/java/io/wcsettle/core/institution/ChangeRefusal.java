package io.wcsettle.core.institution;

/** Why the library refuses a change (R-INS-1). Codes never change meaning. */
public enum ChangeRefusal {
    /** R-INS-1 (IM Art. 17): an institution enters the library by an agreement (新增): its earliest change must be one. */
    NOT_AN_AGREEMENT_FIRST,
    /** R-INS-1: the change says nothing new: the same state, location and kinds are already in force on its date. */
    NOTHING_CHANGES
}
