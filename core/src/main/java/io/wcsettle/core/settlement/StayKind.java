package io.wcsettle.core.settlement;

import io.wcsettle.core.error.CoreErrorCode;
import io.wcsettle.core.error.StrictEnums;

/** R-SET-2: what a stay is; the scope of direct settlement (BJ §五(三); IM Art. 31–33). */
public enum StayKind {
    /** Inpatient medical treatment. */
    INPATIENT_MEDICAL,
    /** Inpatient rehabilitation; needs the rehab plan uploaded (R-SET-9). */
    INPATIENT_REHAB,
    /** Assistive-device configuration or replacement; needs the approval notice (R-SET-9). */
    DEVICE,
    /** Outpatient treatment: out of scope unless the policy switches it on (R-SET-2). */
    OUTPATIENT;

    /**
     * Parses the enum name.
     *
     * @throws io.wcsettle.core.error.InvalidInputException {@code UNKNOWN_STAY_KIND} naming {@code field}
     */
    public static StayKind parse(String field, String text) {
        return StrictEnums.parse(StayKind.class, field, text, CoreErrorCode.UNKNOWN_STAY_KIND);
    }
}
