package io.wcsettle.core.filing;

import io.wcsettle.core.error.CoreErrorCode;
import io.wcsettle.core.error.StrictEnums;
import io.wcsettle.core.error.InvalidInputException;

/** R-FIL-2: the three filing types (IM Art. 4; BJ §二(一)). */
public enum FilingType {
    /** 异地转诊转院: local institutions cannot treat; needs the referral opinion. */
    REFERRAL,
    /** 异地长期居住: living outside the insured province for at least half a year. */
    LONG_TERM_RESIDENCE,
    /** 常驻异地工作: working outside the insured province for at least half a year. */
    RESIDENT_WORK;

    /** Whether this is one of the two residence types (R-FIL-2, R-FIL-10). */
    public boolean isResidence() {
        return this != REFERRAL;
    }

    /**
     * Parses the enum name.
     *
     * @throws InvalidInputException {@code UNKNOWN_FILING_TYPE} naming {@code field}
     */
    public static FilingType parse(String field, String text) {
        return StrictEnums.parse(FilingType.class, field, text, CoreErrorCode.UNKNOWN_FILING_TYPE);
    }
}
