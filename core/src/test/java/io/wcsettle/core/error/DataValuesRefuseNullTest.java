package io.wcsettle.core.error;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import io.wcsettle.core.audit.AuditThresholds;
import io.wcsettle.core.audit.SuspensionList;
import io.wcsettle.core.filing.Confirmation;
import io.wcsettle.core.filing.Filing;
import io.wcsettle.core.filing.FilingApplication;
import io.wcsettle.core.filing.FilingScope;
import io.wcsettle.core.filing.FilingType;
import io.wcsettle.core.filing.FilingValidity;
import io.wcsettle.core.local.LocalApplication;
import io.wcsettle.core.local.LocalApproval;
import io.wcsettle.core.local.LocalApprovalDesk;
import io.wcsettle.core.local.LocalInjuryKind;
import io.wcsettle.core.money.Fen;
import io.wcsettle.core.policy.RegionalPolicies;
import io.wcsettle.core.policy.RegionalPolicy;
import io.wcsettle.core.prepayment.PrepaymentQuota;
import io.wcsettle.core.prepayment.QuotaChange;
import io.wcsettle.core.prepayment.UsageRate;
import io.wcsettle.core.region.Admdvs;
import io.wcsettle.core.upload.CostRecord;

/**
 * The line of the error model (package documentation): constructors, factories and builders of
 * data values refuse a missing or out-of-range value with {@code INVALID_INPUT} naming the field,
 * never NullPointerException or IllegalArgumentException.
 */
class DataValuesRefuseNullTest {

    private static final LocalDate D = LocalDate.of(2025, 10, 1);
    private static final Admdvs BJ = new Admdvs("110105");
    private static final Admdvs CS = new Admdvs("430100");

    private static void refused(String field, Executable call) {
        InvalidInputException e = assertThrows(InvalidInputException.class, call, field);
        assertEquals(CoreErrorCode.INVALID_INPUT, e.errorCode(), field);
        assertEquals(field, e.field());
    }

    @Test
    @DisplayName("Filings, applications, validities: missing values and inverted periods are INVALID_INPUT")
    void filing() {
        refused("type", () -> Filing.of(RegionalPolicies.BEIJING, null, FilingScope.MEDICAL, BJ, CS, D));
        refused("filedOn", () -> Filing.of(RegionalPolicies.BEIJING, FilingType.REFERRAL, FilingScope.MEDICAL, BJ, CS, null));
        refused("targetCity", () -> Filing.of(RegionalPolicies.BEIJING, FilingType.REFERRAL, FilingScope.MEDICAL, BJ, null, D));
        refused("validThrough", () -> new FilingValidity(D, D.minusDays(1)));
        refused("materials", () -> new FilingApplication(FilingType.REFERRAL, FilingScope.MEDICAL, D, Set.of(), 0, null));
        refused("confirmations[0]", () -> new FilingApplication(FilingType.REFERRAL, FilingScope.MEDICAL, D,
                new java.util.HashSet<>(Arrays.asList((Confirmation) null)), 0, Set.of()));
        refused("monthsOutsideInsuredProvince", () -> new FilingApplication(FilingType.REFERRAL, FilingScope.MEDICAL, D,
                Set.of(), -1, Set.of()));
    }

    @Test
    @DisplayName("Cost records, local applications and approvals, suspensions: missing values are INVALID_INPUT")
    void records() {
        refused("invoices[1]", () -> new CostRecord("W", "H", D, D, Arrays.asList("I1", null)));
        refused("worker", () -> new CostRecord(null, "H", D, D, List.of()));
        refused("appliedOn", () -> new LocalApplication("A", "W", LocalInjuryKind.OLD_INJURY, FilingScope.MEDICAL, CS, CS,
                null, Set.of()));
        refused("validity", () -> new LocalApproval("A", CS, FilingScope.MEDICAL, null));
        refused("until", () -> new SuspensionList.Entry("W", D, Optional.of(D.minusDays(1)), "case 1"));
        refused("reason", () -> new SuspensionList.Entry("W", D, Optional.empty(), null));
    }

    @Test
    @DisplayName("Prepayment values: missing amounts are INVALID_INPUT naming them")
    void prepayment() {
        refused("quota", () -> UsageRate.of(Fen.ZERO, null));
        refused("lastYearQuarters[2]", () -> PrepaymentQuota.annual(Arrays.asList(Fen.ZERO, Fen.ZERO, null, Fen.ZERO)));
        refused("newQuota", () -> new QuotaChange(BJ, CS, Fen.ZERO, null));
    }

    @Test
    @DisplayName("Policy parameters out of range are INVALID_INPUT naming the parameter")
    void policyParameters() {
        RegionalPolicy.Builder b = RegionalPolicy.builder("440000");
        refused("referralValidityMonths", () -> b.referralValidityMonths(0));
        refused("changeLockMonths", () -> b.changeLockMonths(-1));
        refused("monthlySettlementDueDay", () -> b.monthlySettlementDueDay(29));
        refused("auditLargeAmountFen", () -> b.auditLargeAmountFen(0));
        refused("auditHighFrequency", () -> b.auditHighFrequency(1, 30));
        refused("id", () -> RegionalPolicy.builder(null));
        refused("largeAmount", () -> new AuditThresholds(Fen.ZERO, 3, 30));
        refused("validityMonths", () -> new LocalApprovalDesk(0));
    }
}
