package io.wcsettle.core.prepayment;

import io.wcsettle.core.error.CoreErrorCode;
import io.wcsettle.core.error.Inputs;
import io.wcsettle.core.error.InvalidInputException;
import io.wcsettle.core.money.Fen;
import io.wcsettle.core.region.Admdvs;

/**
 * The old and new annual quota of one (insured, treatment) pair (R-PRE-4).
 *
 * @param insured   insured province (normalised to {@code PP0000})
 * @param treatment treatment province (normalised to {@code PP0000})
 * @param oldQuota  last year's quota
 * @param newQuota  this year's quota (R-PRE-2)
 */
public record QuotaChange(Admdvs insured, Admdvs treatment, Fen oldQuota, Fen newQuota) {

    /** @throws InvalidInputException {@code NOT_CROSS_PROVINCE}, {@code INVALID_AMOUNT}, {@code INVALID_INPUT} */
    public QuotaChange {
        insured = Inputs.required(insured, "insured").province();
        treatment = Inputs.required(treatment, "treatment").province();
        Inputs.required(oldQuota, "oldQuota");
        Inputs.required(newQuota, "newQuota");
        if (insured.equals(treatment)) {
            throw new InvalidInputException(CoreErrorCode.NOT_CROSS_PROVINCE, "treatment",
                    "insured and treatment provinces are the same");
        }
        if (oldQuota.isNegative() || newQuota.isNegative()) {
            throw new InvalidInputException(CoreErrorCode.INVALID_AMOUNT,
                    oldQuota.isNegative() ? "oldQuota" : "newQuota", "negative");
        }
    }
}
