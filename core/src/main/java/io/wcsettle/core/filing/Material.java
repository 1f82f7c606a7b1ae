package io.wcsettle.core.filing;

import io.wcsettle.core.error.CoreErrorCode;
import io.wcsettle.core.error.StrictEnums;
import io.wcsettle.core.error.InvalidInputException;

/** R-FIL-3: application materials (IM Art. 10). */
public enum Material {
    /** 附件1, the filing form, for medical and rehab scope. */
    FILING_FORM,
    /** 附件2, the device filing form, for device scope. */
    DEVICE_FILING_FORM,
    /** The institution's referral opinion ({@link FilingType#REFERRAL}). */
    REFERRAL_OPINION,
    /** Residence proof ({@link FilingType#LONG_TERM_RESIDENCE}). */
    RESIDENCE_PROOF,
    /** Work-assignment proof ({@link FilingType#RESIDENT_WORK}). */
    WORK_ASSIGNMENT_PROOF;

    /**
     * Parses the enum name.
     *
     * @throws InvalidInputException {@code UNKNOWN_MATERIAL} naming {@code field}
     */
    public static Material parse(String field, String text) {
        return StrictEnums.parse(Material.class, field, text, CoreErrorCode.UNKNOWN_MATERIAL);
    }
}
