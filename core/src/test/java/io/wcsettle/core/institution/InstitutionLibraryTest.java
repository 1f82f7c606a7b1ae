package io.wcsettle.core.institution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import io.wcsettle.core.error.WcsettleException;
import io.wcsettle.core.region.Admdvs;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class InstitutionLibraryTest {

    private static final String CODE = "H15010200001";
    private static final Admdvs HOHHOT = new Admdvs("150102");
    private static final LocalDate START = LocalDate.of(2024, 1, 1);

    @Test
    @DisplayName("R-INS-1: the earliest change must be an agreement; a change that changes nothing is refused")
    void refusals() {
        InstitutionLibrary lib = new InstitutionLibrary();
        InstitutionChange agreed = InstitutionChange.agreement(CODE, HOHHOT, START, Set.of(SettlementKind.CROSS_PROVINCE));
        assertEquals(Set.of(ChangeRefusal.NOT_AN_AGREEMENT_FIRST),
                lib.record(agreed.then(AgreementState.SUSPENDED, START, ""), "a"));
        assertEquals(Set.of(), lib.record(agreed, "a"));
        assertEquals(Set.of(ChangeRefusal.NOTHING_CHANGES), lib.record(agreed.then(AgreementState.IN_AGREEMENT,
                START.plusDays(5), ""), "a"));
        assertEquals(Set.of(ChangeRefusal.NOT_AN_AGREEMENT_FIRST),
                lib.record(agreed.then(AgreementState.CLOSED, START.minusDays(1), ""), "a"), "nothing before the agreement");
        assertEquals(1, lib.history(CODE).changes().size());
    }

    @Test
    @DisplayName("R-INS-1: a correction effective in the past is appended, and wins from its date; history keeps both")
    void correctionIsAppended() {
        InstitutionLibrary lib = new InstitutionLibrary();
        InstitutionChange agreed = InstitutionChange.agreement(CODE, HOHHOT, START, Set.of(SettlementKind.CROSS_PROVINCE));
        lib.record(agreed, "a");
        lib.record(agreed.then(AgreementState.SUSPENDED, LocalDate.of(2024, 6, 1), "audit"), "a");
        lib.record(agreed.then(AgreementState.CLOSED, LocalDate.of(2024, 3, 1), "late news: closed in March"), "b");
        assertEquals(AgreementState.CLOSED, lib.factsOn(CODE, LocalDate.of(2024, 4, 1)).orElseThrow().state());
        assertEquals(AgreementState.SUSPENDED, lib.factsOn(CODE, LocalDate.of(2024, 7, 1)).orElseThrow().state());
        assertEquals(3, lib.history(CODE).changes().size());
        assertEquals(3, lib.unreported().size());
        lib.markReported(2, LocalDate.of(2024, 6, 2));
        lib.markReported(2, LocalDate.of(2024, 6, 9));
        assertEquals(List.of(1L, 3L), lib.unreported().stream().map(RecordedChange::sequence).toList());
        assertEquals("UNKNOWN_ID", assertThrows(WcsettleException.class, () -> lib.markReported(9, START)).code());
    }

    record Step(int day, AgreementState state, boolean cross, boolean local) {
    }

    @Provide
    Arbitrary<List<Step>> steps() {
        return Combinators.combine(Arbitraries.integers().between(0, 400), Arbitraries.of(AgreementState.class),
                Arbitraries.of(true, false), Arbitraries.of(true, false)).as(Step::new).list().ofMaxSize(25);
    }

    @Property(tries = 300)
    @Label("R-INS-1: facts on any date = the accepted change with the latest (effective date, sequence) on or before it")
    void factsFollowTheLatestChangeInForce(@ForAll("steps") List<Step> steps, @ForAll("day") int probe) {
        InstitutionLibrary lib = new InstitutionLibrary();
        List<RecordedChange> accepted = new ArrayList<>();
        for (Step s : steps) {
            EnumSet<SettlementKind> kinds = EnumSet.noneOf(SettlementKind.class);
            if (s.cross()) {
                kinds.add(SettlementKind.CROSS_PROVINCE);
            }
            if (s.local()) {
                kinds.add(SettlementKind.LOCAL_NETWORKED);
            }
            InstitutionChange c = new InstitutionChange(CODE, HOHHOT, START.plusDays(s.day()), s.state(), kinds, "");
            if (lib.record(c, "t").isEmpty()) {
                accepted.add(new RecordedChange(accepted.size() + 1, c, "t"));
            }
        }
        LocalDate date = START.plusDays(probe);
        Optional<RecordedChange> expected = accepted.stream().filter(r -> !r.change().effectiveOn().isAfter(date))
                .max((a, b) -> a.change().effectiveOn().equals(b.change().effectiveOn())
                        ? Long.compare(a.sequence(), b.sequence()) : a.change().effectiveOn().compareTo(b.change().effectiveOn()));
        assertEquals(expected.map(r -> r.change().state()), lib.factsOn(CODE, date).map(InstitutionFacts::state));
        assertEquals(expected.map(r -> r.change().kinds()), lib.factsOn(CODE, date).map(InstitutionFacts::kinds));
        if (!accepted.isEmpty()) {
            assertEquals(AgreementState.IN_AGREEMENT, lib.history(CODE).changes().get(0).change().state(),
                    "the earliest change in force order is an agreement");
        }
    }

    @Provide
    Arbitrary<Integer> day() {
        return Arbitraries.integers().between(-5, 410);
    }

    @Test
    @DisplayName("R-INS-1, R-SET-1: mapping to the engine — suspended keeps the agreement but is suspended; terminated and closed are not enabled")
    void mapping() {
        for (AgreementState s : AgreementState.values()) {
            InstitutionFacts f = new InstitutionFacts(CODE, HOHHOT, s, Set.of(SettlementKind.CROSS_PROVINCE), START);
            boolean enabled = s == AgreementState.IN_AGREEMENT || s == AgreementState.SUSPENDED;
            assertEquals(enabled, f.toSettlementInstitution().crossProvinceEnabled(), s.name());
            assertEquals(s == AgreementState.SUSPENDED, f.toSettlementInstitution().suspended(), s.name());
            assertEquals(s == AgreementState.IN_AGREEMENT, f.settlesDirectly(SettlementKind.CROSS_PROVINCE));
        }
    }
}
