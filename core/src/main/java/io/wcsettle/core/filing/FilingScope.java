package io.wcsettle.core.filing;

import io.wcsettle.core.error.CoreErrorCode;
import io.wcsettle.core.error.StrictEnums;
import io.wcsettle.core.error.InvalidInputException;

/** R-FIL-2: what a filing covers; a device filing (IM Art. 10(三)) is scope {@link #DEVICE}. */
public enum FilingScope {
    /** Inpatient medical treatment. */
    MEDICAL,
    /** Inpatient rehabilitation. */
    REHAB,
    /** Assistive-device configuration; needs {@link Material#DEVICE_FILING_FORM}. */
    DEVICE;

    /**
     * Parses the enum name.
     *
     * @throws InvalidInputException {@code UNKNOWN_SCOPE} naming {@code field}
     */
    public static FilingScope parse(String field, String text) {
        return StrictEnums.parse(FilingScope.class, field, text, CoreErrorCode.UNKNOWN_SCOPE);
    }
}
