package io.wcsettle.core.policy;

import java.util.Objects;
import java.util.Optional;

import io.wcsettle.core.money.Fen;

import io.wcsettle.core.error.CoreErrorCode;
import io.wcsettle.core.error.Inputs;
import io.wcsettle.core.error.InvalidInputException;

/**
 * The parameters on which the sources differ, for one insured place (see the table "Regional
 * profiles shipped" in RULES.md). Immutable; build with {@link #builder(String)}, change a copy
 * with {@link #toBuilder()}.
 *
 * <p>A value that a source does not state carries the documented default; a region overrides
 * it by building its own policy and registering it in {@link RegionalPolicies}.
 */
public final class RegionalPolicy {

    private final String id;
    private final int residenceValidityMonths;
    private final int referralValidityMonths;
    private final int changeLockMonths;
    private final int minMonthsOutsideForResidence;
    private final int filingDecisionWorkingDays;
    private final int dischargeUploadWorkingDays;
    private final int monthlySettlementDueDay;
    private final boolean outpatientDirectSettlement;
    private final long auditLargeAmountFen;
    private final int auditHighFrequencyAdmissions;
    private final int auditHighFrequencyDays;
    private final Fen mealAllowancePerDay;

    private RegionalPolicy(Builder b) {
        this.id = b.id;
        this.residenceValidityMonths = b.residenceValidityMonths;
        this.referralValidityMonths = b.referralValidityMonths;
        this.changeLockMonths = b.changeLockMonths;
        this.minMonthsOutsideForResidence = b.minMonthsOutsideForResidence;
        this.filingDecisionWorkingDays = b.filingDecisionWorkingDays;
        this.dischargeUploadWorkingDays = b.dischargeUploadWorkingDays;
        this.monthlySettlementDueDay = b.monthlySettlementDueDay;
        this.outpatientDirectSettlement = b.outpatientDirectSettlement;
        this.auditLargeAmountFen = b.auditLargeAmountFen;
        this.auditHighFrequencyAdmissions = b.auditHighFrequencyAdmissions;
        this.auditHighFrequencyDays = b.auditHighFrequencyDays;
        this.mealAllowancePerDay = b.mealAllowancePerDay;
    }

    /** A builder with the {@code default} profile's values and the given id. */
    public static Builder builder(String id) {
        return new Builder(id);
    }

    /** A builder holding this policy's values. */
    public Builder toBuilder() {
        Builder b = new Builder(id);
        b.residenceValidityMonths = residenceValidityMonths;
        b.referralValidityMonths = referralValidityMonths;
        b.changeLockMonths = changeLockMonths;
        b.minMonthsOutsideForResidence = minMonthsOutsideForResidence;
        b.filingDecisionWorkingDays = filingDecisionWorkingDays;
        b.dischargeUploadWorkingDays = dischargeUploadWorkingDays;
        b.monthlySettlementDueDay = monthlySettlementDueDay;
        b.outpatientDirectSettlement = outpatientDirectSettlement;
        b.auditLargeAmountFen = auditLargeAmountFen;
        b.auditHighFrequencyAdmissions = auditHighFrequencyAdmissions;
        b.auditHighFrequencyDays = auditHighFrequencyDays;
        b.mealAllowancePerDay = mealAllowancePerDay;
        return b;
    }

    /** The policy id: an insured province code such as {@code 150000}, or {@code default}. */
    public String id() {
        return id;
    }

    /** R-FIL-4: validity of long-term residence and resident-work filings, in months (BJ, IM: 12). */
    public int residenceValidityMonths() {
        return residenceValidityMonths;
    }

    /** R-FIL-4: validity of referral filings, in months (BJ 6, IM 3). */
    public int referralValidityMonths() {
        return referralValidityMonths;
    }

    /** R-FIL-10: months after filing before a residence filing may change or be cancelled; 0 = no lock. */
    public int changeLockMonths() {
        return changeLockMonths;
    }

    /** R-FIL-2: minimum months outside the insured province for the two residence types (BJ §二(一)1: 6). */
    public int minMonthsOutsideForResidence() {
        return minMonthsOutsideForResidence;
    }

    /** R-FIL-5: working days to decide a complete filing application (IM Art. 14: 5). */
    public int filingDecisionWorkingDays() {
        return filingDecisionWorkingDays;
    }

    /** R-UPL-1: working days after settlement to upload discharge data (IM Art. 32–33: 5). */
    public int dischargeUploadWorkingDays() {
        return dischargeUploadWorkingDays;
    }

    /** R-UPL-2: day of the next month by which the monthly settlement is uploaded (IM Art. 34: 20). */
    public int monthlySettlementDueDay() {
        return monthlySettlementDueDay;
    }

    /** R-SET-2: whether outpatient costs are settled directly (BJ §五(三) plans it; off by default). */
    public boolean outpatientDirectSettlement() {
        return outpatientDirectSettlement;
    }

    /**
     * R-AUD-1: a record whose fund payment is at least this many fen is a large-amount finding.
     * The sources name no number; default 10,000,000 fen (100,000.00 yuan).
     */
    public long auditLargeAmountFen() {
        return auditLargeAmountFen;
    }

    /** R-AUD-1: this many admissions of one worker … (default 3). */
    public int auditHighFrequencyAdmissions() {
        return auditHighFrequencyAdmissions;
    }

    /** R-AUD-1: … within this many days, first to last admission, is a high-frequency finding (default 30). */
    public int auditHighFrequencyDays() {
        return auditHighFrequencyDays;
    }

    /**
     * R-SET-6, R-AUTO-1 (BJ §二(三); IM Art. 31): the insured place's meal allowance (住院伙食补助费)
     * per inpatient day, by which the follow-up claim is computed (× inpatient days). The sources
     * name no amount, and no shipped profile invents one: empty means the claim is raised with its
     * amount to be set by the insured place when it approves.
     */
    public Optional<Fen> mealAllowancePerDay() {
        return Optional.ofNullable(mealAllowancePerDay);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof RegionalPolicy)) {
            return false;
        }
        RegionalPolicy p = (RegionalPolicy) o;
        return id.equals(p.id) && residenceValidityMonths == p.residenceValidityMonths
                && referralValidityMonths == p.referralValidityMonths && changeLockMonths == p.changeLockMonths
                && minMonthsOutsideForResidence == p.minMonthsOutsideForResidence
                && filingDecisionWorkingDays == p.filingDecisionWorkingDays
                && dischargeUploadWorkingDays == p.dischargeUploadWorkingDays
                && monthlySettlementDueDay == p.monthlySettlementDueDay
                && outpatientDirectSettlement == p.outpatientDirectSettlement
                && auditLargeAmountFen == p.auditLargeAmountFen
                && auditHighFrequencyAdmissions == p.auditHighFrequencyAdmissions
                && auditHighFrequencyDays == p.auditHighFrequencyDays
                && Objects.equals(mealAllowancePerDay, p.mealAllowancePerDay);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, residenceValidityMonths, referralValidityMonths, changeLockMonths,
                filingDecisionWorkingDays, dischargeUploadWorkingDays);
    }

    @Override
    public String toString() {
        return "RegionalPolicy[" + id + "]";
    }

    /**
     * Mutable builder; {@link #build()} freezes. Each setter refuses an out-of-range value with
     * {@code INVALID_INPUT} naming the parameter.
     */
    public static final class Builder {
        private final String id;
        private int residenceValidityMonths = 12;
        private int referralValidityMonths = 6;
        private int changeLockMonths = 6;
        private int minMonthsOutsideForResidence = 6;
        private int filingDecisionWorkingDays = 5;
        private int dischargeUploadWorkingDays = 5;
        private int monthlySettlementDueDay = 20;
        private boolean outpatientDirectSettlement;
        private long auditLargeAmountFen = 10_000_000L;
        private int auditHighFrequencyAdmissions = 3;
        private int auditHighFrequencyDays = 30;
        private Fen mealAllowancePerDay;

        private Builder(String id) {
            this.id = Inputs.required(id, "id");
        }

        /** See {@link RegionalPolicy#residenceValidityMonths()}. */
        public Builder residenceValidityMonths(int months) {
            this.residenceValidityMonths = positive(months, "residenceValidityMonths");
            return this;
        }

        /** See {@link RegionalPolicy#referralValidityMonths()}. */
        public Builder referralValidityMonths(int months) {
            this.referralValidityMonths = positive(months, "referralValidityMonths");
            return this;
        }

        /** See {@link RegionalPolicy#changeLockMonths()}; 0 disables the lock. */
        public Builder changeLockMonths(int months) {
            this.changeLockMonths = nonNegative(months, "changeLockMonths");
            return this;
        }

        /** See {@link RegionalPolicy#minMonthsOutsideForResidence()}. */
        public Builder minMonthsOutsideForResidence(int months) {
            this.minMonthsOutsideForResidence = nonNegative(months, "minMonthsOutsideForResidence");
            return this;
        }

        /** See {@link RegionalPolicy#filingDecisionWorkingDays()}. */
        public Builder filingDecisionWorkingDays(int days) {
            this.filingDecisionWorkingDays = nonNegative(days, "filingDecisionWorkingDays");
            return this;
        }

        /** See {@link RegionalPolicy#dischargeUploadWorkingDays()}. */
        public Builder dischargeUploadWorkingDays(int days) {
            this.dischargeUploadWorkingDays = nonNegative(days, "dischargeUploadWorkingDays");
            return this;
        }

        /** See {@link RegionalPolicy#monthlySettlementDueDay()}; 1..28. */
        public Builder monthlySettlementDueDay(int day) {
            if (day < 1 || day > 28) {
                throw invalid("monthlySettlementDueDay", "must be 1..28");
            }
            this.monthlySettlementDueDay = day;
            return this;
        }

        /** See {@link RegionalPolicy#outpatientDirectSettlement()}. */
        public Builder outpatientDirectSettlement(boolean enabled) {
            this.outpatientDirectSettlement = enabled;
            return this;
        }

        /** See {@link RegionalPolicy#auditLargeAmountFen()}. */
        public Builder auditLargeAmountFen(long fen) {
            if (fen <= 0) {
                throw invalid("auditLargeAmountFen", "must be positive");
            }
            this.auditLargeAmountFen = fen;
            return this;
        }

        /** See {@link RegionalPolicy#auditHighFrequencyAdmissions()} and {@link RegionalPolicy#auditHighFrequencyDays()}. */
        public Builder auditHighFrequency(int admissions, int days) {
            if (admissions < 2 || days < 1) {
                throw invalid("auditHighFrequency", "needs at least 2 admissions within at least 1 day");
            }
            this.auditHighFrequencyAdmissions = admissions;
            this.auditHighFrequencyDays = days;
            return this;
        }

        /**
         * See {@link RegionalPolicy#mealAllowancePerDay()}: the insured place's standard per inpatient
         * day, positive; {@code null} for none set (the claim's amount is then set at approval).
         */
        public Builder mealAllowancePerDay(Fen perDay) {
            if (perDay != null && (perDay.isNegative() || perDay.isZero())) {
                throw new IllegalArgumentException("mealAllowancePerDay must be positive");
            }
            this.mealAllowancePerDay = perDay;
            return this;
        }

        /** The immutable policy. */
        public RegionalPolicy build() {
            return new RegionalPolicy(this);
        }

        private static int positive(int v, String name) {
            if (v <= 0) {
                throw invalid(name, "must be positive");
            }
            return v;
        }

        private static InvalidInputException invalid(String field, String message) {
            return new InvalidInputException(CoreErrorCode.INVALID_INPUT, field, message);
        }

        private static int nonNegative(int v, String name) {
            if (v < 0) {
                throw invalid(name, "must not be negative");
            }
            return v;
        }
    }
}
