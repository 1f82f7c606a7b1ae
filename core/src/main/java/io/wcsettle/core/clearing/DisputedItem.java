package io.wcsettle.core.clearing;

import java.util.Objects;

import io.wcsettle.core.error.CoreErrorCode;
import io.wcsettle.core.error.InvalidInputException;
import io.wcsettle.core.money.Fen;
import io.wcsettle.core.region.Admdvs;

/**
 * An item of a period's tables that a province disputes (R-CLR-7).
 *
 * @param disputeId       the dispute's id (1..64 characters)
 * @param raisedBy        the province disputing (insured or treatment side of {@code pair})
 * @param pair            the pair of the national table the item is in
 * @param recordId        the record disputed, or empty when the pair's total is disputed
 * @param institutionCode the institution of the item, or empty
 * @param claimed         the change of the pair's payable the province claims (signed)
 * @param reason          free text, no personal data
 */
public record DisputedItem(String disputeId, Admdvs raisedBy, ProvincePair pair, String recordId,
        String institutionCode, Fen claimed, String reason) {

    /** @throws InvalidInputException {@code INVALID_INPUT} for a bad id or a province outside the pair */
    public DisputedItem {
        if (disputeId == null || disputeId.isBlank() || disputeId.length() > 64) {
            throw new InvalidInputException(CoreErrorCode.INVALID_INPUT, "disputeId", "1..64 characters required");
        }
        Objects.requireNonNull(raisedBy, "raisedBy");
        Objects.requireNonNull(pair, "pair");
        Objects.requireNonNull(claimed, "claimed");
        raisedBy = raisedBy.province();
        if (!raisedBy.equals(pair.insured()) && !raisedBy.equals(pair.treatment())) {
            throw new InvalidInputException(CoreErrorCode.INVALID_INPUT, "raisedBy", "not a province of the pair");
        }
        recordId = recordId == null ? "" : recordId;
        institutionCode = institutionCode == null ? "" : institutionCode;
        reason = reason == null ? "" : reason;
    }
}
