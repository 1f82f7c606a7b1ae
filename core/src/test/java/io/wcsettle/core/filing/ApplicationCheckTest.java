package io.wcsettle.core.filing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import io.wcsettle.core.calendar.WorkingDayCalendar;
import io.wcsettle.core.policy.RegionalPolicies;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class ApplicationCheckTest {

    private final ApplicationCheck check =
            new ApplicationCheck(RegionalPolicies.INNER_MONGOLIA, WorkingDayCalendar.chinaOfficial());

    @Test
    @DisplayName("R-FIL-5: a complete application is decided within 5 working days, National Day skipped")
    void complete_hasDecisionDue() {
        ApplicationResult r = check.check(new FilingApplication(FilingType.LONG_TERM_RESIDENCE, FilingScope.MEDICAL,
                LocalDate.of(2025, 9, 26), Set.of(Confirmation.INJURY_RECOGNITION), 8,
                Set.of(Material.FILING_FORM, Material.RESIDENCE_PROOF)));
        assertEquals(ApplicationDecision.COMPLETE, r.decision());
        assertEquals(Optional.of(LocalDate.of(2025, 10, 10)), r.decisionDue());
    }

    @Test
    @DisplayName("R-FIL-3: a device referral needs the device form and the referral opinion, both reported at once")
    void deviceReferral_missingAllAtOnce() {
        ApplicationResult r = check.check(new FilingApplication(FilingType.REFERRAL, FilingScope.DEVICE,
                LocalDate.of(2025, 6, 3), Set.of(Confirmation.DEVICE_CONFIRMATION), 0, Set.of(Material.FILING_FORM)));
        assertEquals(ApplicationDecision.INCOMPLETE, r.decision());
        assertEquals(Set.of(Material.DEVICE_FILING_FORM, Material.REFERRAL_OPINION), r.missing());
        assertEquals(Optional.empty(), r.decisionDue());
    }

    @Test
    @DisplayName("R-FIL-1, R-FIL-2: ineligible and incomplete is INELIGIBLE and still lists what is missing")
    void ineligible_stillListsMissing() {
        ApplicationResult r = check.check(new FilingApplication(FilingType.RESIDENT_WORK, FilingScope.MEDICAL,
                LocalDate.of(2025, 6, 3), Set.of(), 4, Set.of()));
        assertEquals(ApplicationDecision.INELIGIBLE, r.decision());
        assertEquals(Set.of(ApplicationReason.NO_QUALIFYING_CONFIRMATION, ApplicationReason.NOT_LONG_ENOUGH_OUTSIDE), r.reasons());
        assertEquals(Set.of(Material.FILING_FORM, Material.WORK_ASSIGNMENT_PROOF), r.missing());
    }

    @Test
    @DisplayName("R-FIL-2: a referral needs no time outside the insured province")
    void referral_needsNoTimeOutside() {
        ApplicationResult r = check.check(new FilingApplication(FilingType.REFERRAL, FilingScope.REHAB,
                LocalDate.of(2025, 4, 30), Set.of(Confirmation.REHAB_APPROVAL), 0,
                Set.of(Material.FILING_FORM, Material.REFERRAL_OPINION)));
        assertEquals(ApplicationDecision.COMPLETE, r.decision());
    }

    @Property
    @Label("R-FIL-3: every missing material is reported, whatever the order of the input")
    void everyMissingMaterial_isReported(@ForAll FilingType type, @ForAll FilingScope scope,
                                         @ForAll Set<Material> handedIn, @ForAll Set<Confirmation> confirmations,
                                         @ForAll @IntRange(min = 0, max = 24) int months) {
        Set<Material> expected = EnumSet.noneOf(Material.class);
        expected.addAll(ApplicationCheck.requiredMaterials(type, scope));
        expected.removeAll(handedIn);

        List<Material> shuffled = new ArrayList<>(handedIn);
        Collections.reverse(shuffled);
        ApplicationResult a = check.check(new FilingApplication(type, scope, LocalDate.of(2025, 3, 3),
                confirmations, months, handedIn));
        ApplicationResult b = check.check(new FilingApplication(type, scope, LocalDate.of(2025, 3, 3),
                confirmations, months, new LinkedHashSet<>(shuffled)));
        assertEquals(expected, a.missing());
        assertEquals(a, b);
        assertTrue(a.decision() != ApplicationDecision.COMPLETE || a.missing().isEmpty() && a.reasons().isEmpty());
    }
}
