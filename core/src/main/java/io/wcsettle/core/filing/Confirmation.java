package io.wcsettle.core.filing;

import io.wcsettle.core.error.CoreErrorCode;
import io.wcsettle.core.error.StrictEnums;
import io.wcsettle.core.error.InvalidInputException;

/** R-FIL-1: the completed confirmations that make a worker eligible for a filing. */
public enum Confirmation {
    /** 工伤认定. */
    INJURY_RECOGNITION,
    /** 工伤复发确认. */
    RECURRENCE_CONFIRMATION,
    /** 工伤康复确认(核准). */
    REHAB_APPROVAL,
    /** 辅助器具配置确认. */
    DEVICE_CONFIRMATION;

    /**
     * Parses the enum name.
     *
     * @throws InvalidInputException {@code UNKNOWN_CONFIRMATION} naming {@code field}
     */
    public static Confirmation parse(String field, String text) {
        return StrictEnums.parse(Confirmation.class, field, text, CoreErrorCode.UNKNOWN_CONFIRMATION);
    }
}
