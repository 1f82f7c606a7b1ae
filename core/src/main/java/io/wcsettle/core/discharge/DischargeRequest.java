package io.wcsettle.core.discharge;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

import io.wcsettle.core.error.CoreErrorCode;
import io.wcsettle.core.error.InvalidInputException;
import io.wcsettle.core.region.Admdvs;
import io.wcsettle.core.settlement.Bill;
import io.wcsettle.core.settlement.StatementHeader;

/**
 * One discharge to settle, with what the settlement's consequences need besides the bill.
 *
 * @param settlementId    a stable id of this settlement, known before anything is sent (the HIS's
 *                        visit id, say); the follow-up order ids derive from it, so settling the
 *                        same discharge again raises nothing new
 * @param workerId        opaque worker id (the platform's {@code psn_no}); compared, never printed
 * @param workerName      the name read from the card, printed masked on the statement; may be empty
 * @param insuredAdmdvs   the worker's insured place, which pays the follow-up claims
 * @param institutionName the institution's name for the statement; may be empty
 * @param settledOn       the settlement date, from which the upload deadline counts (R-UPL-1)
 * @param bill            the bill
 */
public record DischargeRequest(String settlementId, String workerId, Optional<String> workerName,
                               Admdvs insuredAdmdvs, Optional<String> institutionName, LocalDate settledOn,
                               Bill bill) {

    /**
     * Rejects nulls and blank ids.
     *
     * @throws InvalidInputException {@code INVALID_INPUT} naming the blank id
     */
    public DischargeRequest {
        requireId(settlementId, "settlementId");
        requireId(workerId, "workerId");
        Objects.requireNonNull(workerName, "workerName");
        Objects.requireNonNull(insuredAdmdvs, "insuredAdmdvs");
        Objects.requireNonNull(institutionName, "institutionName");
        Objects.requireNonNull(settledOn, "settledOn");
        Objects.requireNonNull(bill, "bill");
    }

    /** The statement's header: settlement id, institution name, worker name. */
    public StatementHeader header() {
        return new StatementHeader(Optional.of(settlementId), institutionName, workerName);
    }

    private static void requireId(String id, String field) {
        if (id == null || id.isBlank()) {
            throw new InvalidInputException(CoreErrorCode.INVALID_INPUT, field, "missing");
        }
    }
}
