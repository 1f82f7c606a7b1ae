package io.wcsettle.core.filing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import io.wcsettle.core.error.CoreErrorCode;
import io.wcsettle.core.error.InvalidInputException;
import io.wcsettle.core.policy.RegionalPolicies;
import io.wcsettle.core.policy.RegionalPolicy;
import io.wcsettle.core.region.Admdvs;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class FilingRecordTest {

    private static final RegionalPolicy IM = RegionalPolicies.INNER_MONGOLIA;

    private static Filing residence(LocalDate filedOn, String target) {
        return Filing.of(IM, FilingType.LONG_TERM_RESIDENCE, FilingScope.MEDICAL,
                Admdvs.parse("i", "150102"), Admdvs.parse("t", target), filedOn);
    }

    @Test
    @DisplayName("R-FIL-10: a residence change under 6 months is locked; earliest is the 6-month anniversary")
    void change_underSixMonths_isLocked() {
        ChangeDecision d = ChangeLock.decide(IM, FilingType.LONG_TERM_RESIDENCE, LocalDate.of(2025, 3, 10),
                LocalDate.of(2025, 8, 1), null);
        assertFalse(d.allowed());
        assertEquals(Set.of(ChangeReason.CHANGE_LOCKED), d.reasons());
        assertEquals(Optional.of(LocalDate.of(2025, 9, 10)), d.earliest());
        assertTrue(ChangeLock.decide(IM, FilingType.LONG_TERM_RESIDENCE, LocalDate.of(2025, 3, 10),
                LocalDate.of(2025, 9, 10), null).allowed());
    }

    @Test
    @DisplayName("R-FIL-10: an override with a reason lets a locked change through; an empty one is INVALID_OVERRIDE")
    void override() {
        assertTrue(ChangeLock.decide(IM, FilingType.RESIDENT_WORK, LocalDate.of(2025, 3, 10),
                LocalDate.of(2025, 4, 1), "returned home for family care").allowed());
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> ChangeLock.decide(IM,
                FilingType.RESIDENT_WORK, LocalDate.of(2025, 3, 10), LocalDate.of(2025, 4, 1), " "));
        assertEquals(CoreErrorCode.INVALID_OVERRIDE, e.errorCode());
    }

    @Test
    @DisplayName("R-FIL-10: referrals and a policy without a lock (Beijing) are never locked")
    void noLock() {
        assertTrue(ChangeLock.decide(IM, FilingType.REFERRAL, LocalDate.of(2025, 3, 10), LocalDate.of(2025, 3, 11), null).allowed());
        assertTrue(ChangeLock.decide(RegionalPolicies.BEIJING, FilingType.RESIDENT_WORK, LocalDate.of(2025, 7, 25),
                LocalDate.of(2025, 8, 20), null).allowed());
    }

    @Test
    @DisplayName("R-FIL-10: changes are appended, never overwrite history; a cancelled filing accepts no more changes")
    void history_isAppendOnly() {
        FilingRecord r0 = FilingRecord.filed(residence(LocalDate.of(2025, 1, 10), "430100"));
        FilingRecord.Outcome locked = r0.change(residence(LocalDate.of(2025, 1, 10), "430200"), LocalDate.of(2025, 3, 1), null, IM);
        assertFalse(locked.decision().allowed());
        assertEquals(r0, locked.record());

        FilingRecord r1 = r0.change(residence(LocalDate.of(2025, 1, 10), "430200"), LocalDate.of(2025, 3, 1),
                "hospital closed", IM).record();
        assertEquals(2, r1.history().size());
        assertEquals(r0.history().get(0), r1.history().get(0));
        assertEquals(Optional.of("hospital closed"), r1.history().get(1).override());
        assertEquals("430200", r1.current().targetCity().code());

        FilingRecord r2 = r1.cancel(LocalDate.of(2025, 8, 1), null, IM).record();
        assertTrue(r2.isCancelled());
        FilingRecord.Outcome after = r2.change(residence(LocalDate.of(2025, 1, 10), "430100"), LocalDate.of(2025, 9, 1), null, IM);
        assertEquals(Set.of(ChangeReason.ALREADY_CANCELLED), after.decision().reasons());
        assertEquals(r2, after.record());
    }

    @Property
    @Label("R-FIL-10: a filing's history only grows, and earlier entries never change")
    void history_onlyGrows(@ForAll("requests") List<int[]> requests) {
        FilingRecord record = FilingRecord.filed(residence(LocalDate.of(2025, 1, 31), "430100"));
        for (int[] req : requests) {
            List<FilingEvent> before = record.history();
            LocalDate on = LocalDate.of(2025, 2, 1).plusDays(req[1]);
            String override = req[2] == 1 ? "documented reason" : null;
            FilingRecord next;
            switch (req[0]) {
                case 0 -> next = record.change(residence(LocalDate.of(2025, 1, 31), req[1] % 2 == 0 ? "430200" : "430100"),
                        on, override, IM).record();
                case 1 -> next = record.cancel(on, override, IM).record();
                default -> next = record.endEntitlement(on);
            }
            assertTrue(next.history().size() >= before.size());
            assertEquals(before, next.history().subList(0, before.size()));
            record = next;
        }
    }

    @Provide
    Arbitrary<List<int[]>> requests() {
        Arbitrary<int[]> one = Arbitraries.integers().between(0, 2).flatMap(kind ->
                Arbitraries.integers().between(0, 400).flatMap(day ->
                        Arbitraries.integers().between(0, 1).map(ov -> new int[] {kind, day, ov})));
        return one.list().ofMaxSize(12);
    }
}
