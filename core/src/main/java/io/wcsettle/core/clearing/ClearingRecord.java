package io.wcsettle.core.clearing;

import java.time.LocalDate;

import io.wcsettle.core.error.CoreErrorCode;
import io.wcsettle.core.error.Inputs;
import io.wcsettle.core.error.InvalidInputException;
import io.wcsettle.core.money.Fen;
import io.wcsettle.core.region.Admdvs;

/**
 * One confirmed monthly settlement record as it enters clearing (R-CLR-1): what the
 * treatment-place fund advanced for an insured place, and the audit deduction on it.
 *
 * @param recordId        the record's id, unique within a clearing
 * @param insured         insured place (参保地), which pays
 * @param treatment       treatment place (就医地), which receives
 * @param institutionCode the institution the treatment-place agency reconciled with
 * @param confirmedOn     confirmation date; it fixes the clearing period (R-CLR-2)
 * @param fundPaid        fund paid, non-negative
 * @param deduction       audit deduction, non-negative (R-CLR-5)
 */
public record ClearingRecord(String recordId, Admdvs insured, Admdvs treatment, String institutionCode,
        LocalDate confirmedOn, Fen fundPaid, Fen deduction) {

    /**
     * @throws InvalidInputException {@code INVALID_INPUT} naming a missing place or amount;
     *                               {@code NOT_CROSS_PROVINCE} when both places are in one province
     *                               (clearing is between provinces, R-CLR-1); {@code INVALID_AMOUNT}
     *                               for a negative amount
     */
    public ClearingRecord {
        Inputs.required(insured, "insured");
        Inputs.required(treatment, "treatment");
        Inputs.required(fundPaid, "fundPaid");
        Inputs.required(deduction, "deduction");
        if (insured.sameProvince(treatment)) {
            throw new InvalidInputException(CoreErrorCode.NOT_CROSS_PROVINCE, "treatment",
                    "insured and treatment places are in the same province");
        }
        if (fundPaid.isNegative()) {
            throw new InvalidInputException(CoreErrorCode.INVALID_AMOUNT, "fundPaid", "negative");
        }
        if (deduction.isNegative()) {
            throw new InvalidInputException(CoreErrorCode.INVALID_AMOUNT, "deduction", "negative");
        }
    }

    /** A record with only what the national table needs (no id, institution or date). */
    public static ClearingRecord of(Admdvs insured, Admdvs treatment, Fen fundPaid, Fen deduction) {
        return new ClearingRecord(null, insured, treatment, null, null, fundPaid, deduction);
    }
}
