package io.wcsettle.core.filing;

import java.time.LocalDate;

import io.wcsettle.core.error.CoreErrorCode;
import io.wcsettle.core.error.Inputs;
import io.wcsettle.core.error.InvalidInputException;
import io.wcsettle.core.policy.RegionalPolicy;

/**
 * The period a filing is valid, both ends inclusive (R-FIL-4 with R-CAL-3).
 *
 * <p>R-CAL-3 (Civil Code Art. 201–203, interpretation for filings): a validity of n months from
 * D is effective from D and ends at the end of {@code D.plusMonths(n)} — the corresponding day,
 * or the month's last day where none exists (filed 31 January, 3 months: through 30 April).
 * Holidays neither shorten nor extend it.
 *
 * @param validFrom    the filing date
 * @param validThrough the last valid day
 */
public record FilingValidity(LocalDate validFrom, LocalDate validThrough) {

    /**
     * Rejects nulls and an inverted period.
     *
     * @throws InvalidInputException {@code INVALID_INPUT}
     */
    public FilingValidity {
        Inputs.required(validFrom, "validFrom");
        Inputs.required(validThrough, "validThrough");
        if (validThrough.isBefore(validFrom)) {
            throw new InvalidInputException(CoreErrorCode.INVALID_INPUT, "validThrough", "before validFrom");
        }
    }

    /** R-FIL-4: the validity of a filing of {@code type} filed on {@code filedOn} under {@code policy}. */
    public static FilingValidity of(RegionalPolicy policy, FilingType type, LocalDate filedOn) {
        int months = type == FilingType.REFERRAL
                ? policy.referralValidityMonths()
                : policy.residenceValidityMonths();
        return new FilingValidity(filedOn, filedOn.plusMonths(months));
    }

    /** Whether {@code date} is within the period. */
    public boolean contains(LocalDate date) {
        return !date.isBefore(validFrom) && !date.isAfter(validThrough);
    }
}
