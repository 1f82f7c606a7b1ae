package io.wcsettle.core.audit;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import io.wcsettle.core.error.CoreErrorCode;
import io.wcsettle.core.error.InvalidInputException;
import io.wcsettle.core.money.Fen;
import io.wcsettle.core.region.Admdvs;

/**
 * One settled record as the audit rules see it (R-AUD-1..3): a direct settlement or a manual
 * claim at the insured place. Workers are identified by an opaque id (a pseudonym), never by name
 * or ID number.
 *
 * @param recordId          unique record id
 * @param kind              direct settlement or manual claim
 * @param workerId          opaque worker id
 * @param insuredAdmdvs     the insured place
 * @param treatmentAdmdvs   where the institution is
 * @param institutionCode   the institution
 * @param filingId          the filing the record was settled under, if any (两地双向支出 groups by it)
 * @param admittedOn        admission date
 * @param dischargedOn      discharge date, not before admission
 * @param total             total of the bill, not negative
 * @param fundPaid          paid by the fund, not negative and not above the total
 * @param invoices          invoice numbers on the bill
 */
public record SettledRecord(
        String recordId,
        Kind kind,
        String workerId,
        Admdvs insuredAdmdvs,
        Admdvs treatmentAdmdvs,
        String institutionCode,
        Optional<String> filingId,
        LocalDate admittedOn,
        LocalDate dischargedOn,
        Fen total,
        Fen fundPaid,
        List<String> invoices) {

    /**
     * Validates the record.
     *
     * @throws InvalidInputException {@code INVALID_INPUT} for a missing field, {@code DISCHARGE_BEFORE_ADMISSION},
     *         {@code INVALID_AMOUNT} for a negative amount or fund paid above the total
     */
    public SettledRecord {
        require(recordId, "recordId");
        require(kind, "kind");
        require(workerId, "workerId");
        require(insuredAdmdvs, "insuredAdmdvs");
        require(treatmentAdmdvs, "treatmentAdmdvs");
        require(institutionCode, "institutionCode");
        require(filingId, "filingId");
        require(admittedOn, "admittedOn");
        require(dischargedOn, "dischargedOn");
        require(total, "total");
        require(fundPaid, "fundPaid");
        require(invoices, "invoices");
        if (dischargedOn.isBefore(admittedOn)) {
            throw new InvalidInputException(CoreErrorCode.DISCHARGE_BEFORE_ADMISSION, "dischargedOn",
                    "discharge before admission");
        }
        if (total.isNegative() || fundPaid.isNegative()) {
            throw new InvalidInputException(CoreErrorCode.INVALID_AMOUNT, fundPaid.isNegative() ? "fundPaid" : "total",
                    "negative amount");
        }
        if (fundPaid.compareTo(total) > 0) {
            throw new InvalidInputException(CoreErrorCode.INVALID_AMOUNT, "fundPaid", "fund paid above the total");
        }
        invoices = List.copyOf(invoices);
    }

    /** Whether the two stays share at least one day. */
    public boolean overlaps(SettledRecord other) {
        return !admittedOn.isAfter(other.dischargedOn) && !other.admittedOn.isAfter(dischargedOn);
    }

    /** Whether the record was treated in the insured province. */
    public boolean treatedInInsuredProvince() {
        return insuredAdmdvs.sameProvince(treatmentAdmdvs);
    }

    private static void require(Object value, String field) {
        if (value == null || value instanceof String && ((String) value).isBlank()) {
            throw new InvalidInputException(CoreErrorCode.INVALID_INPUT, field, "missing");
        }
        Objects.requireNonNull(value);
    }

    /** How the record was paid. */
    public enum Kind {
        /** Settled directly at discharge. */
        DIRECT,
        /** Claimed manually at the insured place (R-UPL-3). */
        MANUAL_CLAIM
    }
}
