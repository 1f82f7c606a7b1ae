package io.wcsettle.core.settlement;

import io.wcsettle.core.error.CoreErrorCode;
import io.wcsettle.core.error.StrictEnums;

/**
 * A review finding on a line, supplied by the caller (the agency's or institution's review),
 * each a whole-line deduction of R-SET-5 (BJ §三(三); IM Art. 36).
 */
public enum ReviewFlag {
    /** The line treats a condition that is not the work injury. */
    NON_WORK_INJURY,
    /** The line violates clinical norms (诊疗规范). */
    CLINICAL_NORM_VIOLATION,
    /** The line violates another rule of the agreement. */
    OTHER_VIOLATION;

    /**
     * Parses the enum name.
     *
     * @throws io.wcsettle.core.error.InvalidInputException {@code INVALID_INPUT} naming {@code field}
     */
    public static ReviewFlag parse(String field, String text) {
        return StrictEnums.parse(ReviewFlag.class, field, text, CoreErrorCode.INVALID_INPUT);
    }
}
