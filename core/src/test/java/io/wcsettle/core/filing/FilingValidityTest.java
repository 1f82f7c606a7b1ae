package io.wcsettle.core.filing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Set;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import io.wcsettle.core.policy.RegionalPolicies;
import io.wcsettle.core.region.Admdvs;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class FilingValidityTest {

    @Test
    @DisplayName("R-FIL-4, R-CAL-3: an Inner Mongolia referral filed on 31 January runs through 30 April")
    void referral_monthEnd_innerMongolia() {
        FilingValidity v = FilingValidity.of(RegionalPolicies.INNER_MONGOLIA, FilingType.REFERRAL, LocalDate.of(2025, 1, 31));
        assertEquals(LocalDate.of(2025, 1, 31), v.validFrom());
        assertEquals(LocalDate.of(2025, 4, 30), v.validThrough());
    }

    @Test
    @DisplayName("R-FIL-4: Beijing referral 6 months, residence 1 year")
    void beijing() {
        assertEquals(LocalDate.of(2025, 9, 15),
                FilingValidity.of(RegionalPolicies.BEIJING, FilingType.REFERRAL, LocalDate.of(2025, 3, 15)).validThrough());
        assertEquals(LocalDate.of(2026, 3, 10),
                FilingValidity.of(RegionalPolicies.BEIJING, FilingType.RESIDENT_WORK, LocalDate.of(2025, 3, 10)).validThrough());
        assertEquals(LocalDate.of(2025, 2, 28),
                FilingValidity.of(RegionalPolicies.BEIJING, FilingType.LONG_TERM_RESIDENCE, LocalDate.of(2024, 2, 29)).validThrough());
    }

    @Test
    @DisplayName("R-FIL-8: admitted on the last valid day is covered; the day after needs a new filing")
    void admission_onLastValidDay_isCovered() {
        Filing f = Filing.of(RegionalPolicies.INNER_MONGOLIA, FilingType.REFERRAL, FilingScope.MEDICAL,
                Admdvs.parse("i", "150102"), Admdvs.parse("t", "110000"), LocalDate.of(2025, 3, 31));
        assertEquals(Set.of(), f.admissionProblems(LocalDate.of(2025, 6, 30)));
        assertEquals(Set.of(AdmissionProblem.NOT_VALID_AT_ADMISSION), f.admissionProblems(LocalDate.of(2025, 7, 1)));
        assertEquals(Set.of(AdmissionProblem.NOT_VALID_AT_ADMISSION), f.admissionProblems(LocalDate.of(2025, 3, 30)));
    }

    @Test
    @DisplayName("R-FIL-9: after an early end, later admissions are refused and later services are flagged")
    void earlyEnd() {
        Filing f = Filing.of(RegionalPolicies.BEIJING, FilingType.LONG_TERM_RESIDENCE, FilingScope.MEDICAL,
                Admdvs.parse("i", "110105"), Admdvs.parse("t", "430100"), LocalDate.of(2025, 1, 1))
                .endedOn(LocalDate.of(2025, 6, 30));
        assertEquals(Set.of(), f.admissionProblems(LocalDate.of(2025, 6, 30)));
        assertEquals(Set.of(AdmissionProblem.ENDED), f.admissionProblems(LocalDate.of(2025, 7, 2)));
        assertFalse(f.entitlementEndedBefore(LocalDate.of(2025, 6, 30)));
        assertTrue(f.entitlementEndedBefore(LocalDate.of(2025, 7, 1)));
    }

    @Test
    @DisplayName("R-FIL-11: a Beijing filer treated in Beijing is back in the insured place")
    void backInInsuredPlace() {
        Filing f = Filing.of(RegionalPolicies.BEIJING, FilingType.LONG_TERM_RESIDENCE, FilingScope.MEDICAL,
                Admdvs.parse("i", "110105"), Admdvs.parse("t", "430100"), LocalDate.of(2025, 1, 1));
        assertTrue(f.isInInsuredPlace(Admdvs.parse("h", "110108")));
        assertFalse(f.isInInsuredPlace(Admdvs.parse("h", "430102")));
        assertTrue(f.covers(Admdvs.parse("h", "430102")));
    }

    @Property
    @Label("R-FIL-4, R-CAL-3: the validity end is monotonic in the filing date")
    void validityEnd_isMonotonic(@ForAll @IntRange(min = 0, max = 1500) int a, @ForAll @IntRange(min = 0, max = 60) int delta,
                                 @ForAll FilingType type) {
        LocalDate d1 = LocalDate.of(2024, 1, 1).plusDays(a);
        LocalDate d2 = d1.plusDays(delta);
        for (var policy : new io.wcsettle.core.policy.RegionalPolicy[] {
            RegionalPolicies.BEIJING, RegionalPolicies.INNER_MONGOLIA, RegionalPolicies.DEFAULT}) {
            FilingValidity v1 = FilingValidity.of(policy, type, d1);
            FilingValidity v2 = FilingValidity.of(policy, type, d2);
            assertFalse(v2.validThrough().isBefore(v1.validThrough()));
            assertTrue(v1.contains(d1));
        }
    }
}
