package io.wcsettle.core.monthly;

import java.time.LocalDate;
import java.util.Objects;

import io.wcsettle.core.error.CoreErrorCode;
import io.wcsettle.core.error.InvalidInputException;
import io.wcsettle.core.institution.SettlementKind;
import io.wcsettle.core.money.Fen;
import io.wcsettle.core.region.Admdvs;

/**
 * One direct settlement an institution made, as the treatment-place agency reviews it for the
 * monthly settlement (R-UPL-5, IM Art. 30, 34, 36): what the fund paid at discharge, the medical
 * total, and the audit deduction the agency applied on review.
 *
 * @param settlementId    the settlement's id (1..64 characters; unique per agency)
 * @param institutionCode the institution that settled it and is repaid
 * @param kind            cross-province (cleared with the insured province, R-CLR-1) or local networked (R-LOC-1)
 * @param insured         the insured place
 * @param treatment       the treatment place
 * @param settledOn       the settlement (discharge) date; it fixes the month
 * @param medicalTotal    the bill's medical total, non-negative
 * @param fundPaid        what the fund paid directly, 0 ≤ fundPaid ≤ medicalTotal
 * @param deduction       the audit deduction applied on review (IM Art. 36), 0 ≤ deduction ≤ fundPaid
 */
public record DirectSettlement(String settlementId, String institutionCode, SettlementKind kind, Admdvs insured,
        Admdvs treatment, LocalDate settledOn, Fen medicalTotal, Fen fundPaid, Fen deduction) {

    /**
     * @throws InvalidInputException {@code INVALID_INPUT} for a missing id or code,
     *         {@code INVALID_AMOUNT} for amounts out of order, {@code NOT_CROSS_PROVINCE} for a
     *         cross-province settlement inside one province
     */
    public DirectSettlement {
        if (settlementId == null || settlementId.isBlank() || settlementId.length() > 64) {
            throw new InvalidInputException(CoreErrorCode.INVALID_INPUT, "settlementId", "1..64 characters required");
        }
        if (institutionCode == null || institutionCode.isBlank() || institutionCode.length() > 30) {
            throw new InvalidInputException(CoreErrorCode.INVALID_INPUT, "institutionCode", "1..30 characters required");
        }
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(insured, "insured");
        Objects.requireNonNull(treatment, "treatment");
        Objects.requireNonNull(settledOn, "settledOn");
        Objects.requireNonNull(medicalTotal, "medicalTotal");
        Objects.requireNonNull(fundPaid, "fundPaid");
        Objects.requireNonNull(deduction, "deduction");
        if (medicalTotal.isNegative()) {
            throw new InvalidInputException(CoreErrorCode.INVALID_AMOUNT, "medicalTotal", "negative");
        }
        if (fundPaid.isNegative() || fundPaid.compareTo(medicalTotal) > 0) {
            throw new InvalidInputException(CoreErrorCode.INVALID_AMOUNT, "fundPaid", "must be 0..medicalTotal");
        }
        if (deduction.isNegative() || deduction.compareTo(fundPaid) > 0) {
            throw new InvalidInputException(CoreErrorCode.INVALID_AMOUNT, "deduction", "must be 0..fundPaid");
        }
        if (kind == SettlementKind.CROSS_PROVINCE && insured.sameProvince(treatment)) {
            throw new InvalidInputException(CoreErrorCode.NOT_CROSS_PROVINCE, "treatment",
                    "a cross-province settlement inside one province");
        }
    }

    /** R-UPL-5, R-CLR-5: what the agency pays the institution for it: fund paid − audit deduction. */
    public Fen payable() {
        return fundPaid.minus(deduction);
    }

    /** The same settlement with the audit deduction {@code newDeduction} (a review's correction). */
    public DirectSettlement withDeduction(Fen newDeduction) {
        return new DirectSettlement(settlementId, institutionCode, kind, insured, treatment, settledOn, medicalTotal,
                fundPaid, newDeduction);
    }
}
