package io.wcsettle.core.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Set;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import io.wcsettle.core.error.CoreErrorCode;
import io.wcsettle.core.error.InvalidInputException;

class RegionalPoliciesTest {

    @Test
    @DisplayName("Shipped profiles follow the table of RULES.md")
    void shippedProfiles() {
        RegionalPolicies p = RegionalPolicies.shipped();
        assertEquals(Set.of("110000", "150000", "default"), p.ids());
        assertEquals(6, p.get("110000").referralValidityMonths());
        assertEquals(0, p.get("110000").changeLockMonths());
        assertEquals(3, p.get("150000").referralValidityMonths());
        assertEquals(6, p.get("150000").changeLockMonths());
        assertEquals(6, p.get("default").referralValidityMonths());
        for (String id : p.ids()) {
            assertEquals(12, p.get(id).residenceValidityMonths());
            assertEquals(5, p.get(id).filingDecisionWorkingDays());
            assertEquals(5, p.get(id).dischargeUploadWorkingDays());
        }
    }

    @Test
    @DisplayName("An unknown policy is UNKNOWN_POLICY; a region can register its own")
    void unknownAndRegistered() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> RegionalPolicies.shipped().get("440000"));
        assertEquals(CoreErrorCode.UNKNOWN_POLICY, e.errorCode());
        RegionalPolicy guangdong = RegionalPolicy.builder("440000").referralValidityMonths(4).build();
        assertEquals(4, RegionalPolicies.shipped().with(guangdong).get("440000").referralValidityMonths());
        assertThrows(InvalidInputException.class, () -> RegionalPolicies.shipped().get("440000"));
    }
}
