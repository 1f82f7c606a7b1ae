package io.wcsettle.core.settlement;

import io.wcsettle.core.error.CoreErrorCode;
import io.wcsettle.core.error.StrictEnums;

/** What a bill line is, which decides the catalogue it is judged against (R-SET-3, -4, -6). */
public enum LineCategory {
    /** Drug: treatment-place drug catalogue (R-SET-3). */
    DRUG,
    /** Treatment item: treatment-place item catalogue (R-SET-3). */
    ITEM,
    /** Inpatient service (e.g. bed fee per day): treatment-place service standards (R-SET-3). */
    SERVICE,
    /** Rehab service item: treatment-place rehab catalogue (R-SET-3). */
    REHAB,
    /** Assistive device: insured-place device catalogue and caps (R-SET-4). */
    DEVICE,
    /** Meal allowance (住院伙食补助费): outside direct settlement (R-SET-6). */
    MEAL,
    /** Referral transport and lodging: outside direct settlement (R-SET-6). */
    TRANSPORT;

    /** R-SET-6: whether lines of this category go to the insured place instead of being settled. */
    public boolean isOutsideDirectSettlement() {
        return this == MEAL || this == TRANSPORT;
    }

    /**
     * Parses the enum name.
     *
     * @throws io.wcsettle.core.error.InvalidInputException {@code UNKNOWN_CATEGORY} naming {@code field}
     */
    public static LineCategory parse(String field, String text) {
        return StrictEnums.parse(LineCategory.class, field, text, CoreErrorCode.UNKNOWN_CATEGORY);
    }
}
