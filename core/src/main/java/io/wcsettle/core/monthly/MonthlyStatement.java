package io.wcsettle.core.monthly;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import io.wcsettle.core.clearing.ClearingRecord;
import io.wcsettle.core.institution.SettlementKind;

/**
 * One institution's monthly statement (R-UPL-5, IM Art. 34): the month's settlements it made,
 * cancellations excluded and deductions applied, with totals per settlement kind. The institution
 * confirms it (对账确认) or disputes it; once confirmed, its cross-province settlements are what
 * quarterly clearing takes ({@link #clearingRecords}), and its local networked settlements
 * (R-LOC-1) are repaid by the same statement without clearing. Immutable.
 */
public final class MonthlyStatement {

    private final YearMonth month;
    private final String institutionCode;
    private final List<DirectSettlement> settlements;
    private final StatementTotals crossProvince;
    private final StatementTotals localNetworked;

    MonthlyStatement(YearMonth month, String institutionCode, List<DirectSettlement> settlements) {
        this.month = month;
        this.institutionCode = institutionCode;
        this.settlements = List.copyOf(settlements);
        StatementTotals cross = StatementTotals.ZERO;
        StatementTotals local = StatementTotals.ZERO;
        for (DirectSettlement s : this.settlements) {
            if (s.kind() == SettlementKind.CROSS_PROVINCE) {
                cross = cross.plus(s);
            } else {
                local = local.plus(s);
            }
        }
        this.crossProvince = cross;
        this.localNetworked = local;
    }

    /** A statement of {@code settlements}, all of {@code institutionCode} in {@code month}. */
    public static MonthlyStatement of(YearMonth month, String institutionCode, List<DirectSettlement> settlements) {
        Objects.requireNonNull(month, "month");
        Objects.requireNonNull(institutionCode, "institutionCode");
        for (DirectSettlement s : settlements) {
            if (!s.institutionCode().equals(institutionCode) || !YearMonth.from(s.settledOn()).equals(month)) {
                throw new IllegalArgumentException("settlement " + s.settlementId() + " is not of " + institutionCode
                        + " in " + month);
            }
        }
        return new MonthlyStatement(month, institutionCode, settlements);
    }

    /** The month settled. */
    public YearMonth month() {
        return month;
    }

    /** The institution. */
    public String institutionCode() {
        return institutionCode;
    }

    /** The settlements on the statement, sorted by id. */
    public List<DirectSettlement> settlements() {
        return settlements;
    }

    /** The cross-province part. */
    public StatementTotals crossProvince() {
        return crossProvince;
    }

    /** The local networked part (R-LOC-1: the hospital's advance repaid here). */
    public StatementTotals localNetworked() {
        return localNetworked;
    }

    /** The whole statement: count, medical total, fund paid, deductions, payable. */
    public StatementTotals total() {
        return crossProvince.plus(localNetworked);
    }

    /**
     * R-UPL-5 → R-CLR-1: the clearing records of this statement once confirmed on {@code confirmedOn}
     * (which fixes their clearing period, R-CLR-2): one per cross-province settlement, with its
     * fund paid and audit deduction. Local networked settlements are not cleared between provinces.
     */
    public List<ClearingRecord> clearingRecords(LocalDate confirmedOn) {
        Objects.requireNonNull(confirmedOn, "confirmedOn");
        List<ClearingRecord> r = new ArrayList<>((int) crossProvince.count());
        for (DirectSettlement s : settlements) {
            if (s.kind() == SettlementKind.CROSS_PROVINCE) {
                r.add(new ClearingRecord(s.settlementId(), s.insured(), s.treatment(), institutionCode, confirmedOn,
                        s.fundPaid(), s.deduction()));
            }
        }
        return r;
    }
}
