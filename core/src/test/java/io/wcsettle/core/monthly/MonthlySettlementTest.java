package io.wcsettle.core.monthly;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import io.wcsettle.core.clearing.ClearingRecord;
import io.wcsettle.core.error.InvalidInputException;
import io.wcsettle.core.institution.SettlementKind;
import io.wcsettle.core.money.Fen;
import io.wcsettle.core.region.Admdvs;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class MonthlySettlementTest {

    static final YearMonth NOV = YearMonth.of(2025, 11);
    static final Admdvs CHANGSHA = new Admdvs("430102");
    static final String[] INSURED = {"110105", "150102", "440106", "430102"};
    static final String[] INSTITUTIONS = {"H43010200001", "H43010200002", "H43010500007"};

    /** A 30-character id like the platform's (digits, shuffled). */
    static String id(long n) {
        return String.format("4301%026d", n * 7_919 % 1_000_000_007L);
    }

    @Provide
    Arbitrary<DirectSettlement> settlement() {
        return Combinators.combine(Arbitraries.longs().between(1, 400), Arbitraries.integers().between(0, 3),
                Arbitraries.of(INSTITUTIONS), Arbitraries.integers().between(-3, 33),
                Arbitraries.longs().between(0, 90_000_000L), Arbitraries.integers().between(0, 100),
                Arbitraries.integers().between(0, 100)).as((n, ins, inst, day, medical, fundPct, dedPct) -> {
                    Admdvs insured = new Admdvs(INSURED[ins]);
                    SettlementKind kind = insured.sameProvince(CHANGSHA) ? SettlementKind.LOCAL_NETWORKED
                            : SettlementKind.CROSS_PROVINCE;
                    long fund = medical / 100 * fundPct;
                    long ded = fund / 100 * dedPct;
                    return new DirectSettlement(id(n), inst, kind, insured, CHANGSHA,
                            LocalDate.of(2025, 11, 1).plusDays(day), Fen.of(medical), Fen.of(fund), Fen.of(ded));
                });
    }

    @Provide
    Arbitrary<List<DirectSettlement>> month() {
        // distinct ids (a conflict is bad input, tested apart), then real duplicates of some
        return settlement().list().ofMaxSize(120).map(list -> {
            Map<String, DirectSettlement> byId = new LinkedHashMap<>();
            list.forEach(s -> byId.putIfAbsent(s.settlementId(), s));
            List<DirectSettlement> out = new ArrayList<>(byId.values());
            for (int i = 0; i < out.size(); i += 7) {
                out.add(out.get(i));
            }
            return out;
        });
    }

    @Property(tries = 300)
    @Label("R-UPL-5, R-MON-2: the statements sum to the month's settlements exactly, cancellations out, repeats once")
    void statementsSumToTheMonth(@ForAll("month") List<DirectSettlement> given, @ForAll long seed) {
        Set<String> cancelled = new HashSet<>();
        for (int i = 0; i < given.size(); i += 5) {
            cancelled.add(given.get(i).settlementId());
        }
        MonthlyRun run = MonthlySettlement.of(NOV, given, cancelled);

        Map<String, DirectSettlement> expected = new LinkedHashMap<>();
        for (DirectSettlement s : given) {
            if (YearMonth.from(s.settledOn()).equals(NOV) && !cancelled.contains(s.settlementId())) {
                expected.putIfAbsent(s.settlementId(), s);
            }
        }
        StatementTotals sum = StatementTotals.ZERO;
        for (DirectSettlement s : expected.values()) {
            sum = sum.plus(s);
        }
        assertEquals(sum, run.total());
        assertEquals(sum.payable(), run.total().payable());
        Set<String> onStatements = new HashSet<>();
        long crossCount = 0;
        Fen crossPayable = Fen.ZERO;
        for (MonthlyStatement st : run.statements()) {
            assertEquals(st.total().fundPaid().minus(st.total().deductions()), st.total().payable());
            for (DirectSettlement s : st.settlements()) {
                assertEquals(true, onStatements.add(s.settlementId()), "each settlement on one statement");
                assertEquals(st.institutionCode(), s.institutionCode());
            }
            List<ClearingRecord> records = st.clearingRecords(LocalDate.of(2025, 12, 10));
            assertEquals(st.crossProvince().count(), records.size());
            crossCount += records.size();
            for (ClearingRecord r : records) {
                crossPayable = crossPayable.plus(r.fundPaid().minus(r.deduction()));
            }
        }
        assertEquals(expected.keySet(), onStatements);
        assertEquals(expected.values().stream().filter(s -> s.kind() == SettlementKind.CROSS_PROVINCE).count(), crossCount);
        assertEquals(run.statements().stream().map(s -> s.crossProvince().payable()).reduce(Fen.ZERO, Fen::plus),
                crossPayable);

        List<DirectSettlement> shuffled = new ArrayList<>(given);
        Collections.shuffle(shuffled, new Random(seed));
        MonthlyRun again = MonthlySettlement.of(NOV, shuffled, cancelled);
        assertEquals(run.total(), again.total(), "order does not matter");
        for (int i = 0; i < run.statements().size(); i++) {
            assertEquals(run.statements().get(i).settlements(), again.statements().get(i).settlements());
        }
    }

    @Test
    @DisplayName("R-UPL-5, R-LOC-1: local networked settlements are repaid on the same statement but are not cleared")
    void localOnSameStatement() {
        DirectSettlement cross = new DirectSettlement(id(1), INSTITUTIONS[0], SettlementKind.CROSS_PROVINCE,
                new Admdvs("110105"), CHANGSHA, LocalDate.of(2025, 11, 4), Fen.of(10_000), Fen.of(9_000), Fen.of(500));
        DirectSettlement local = new DirectSettlement(id(2), INSTITUTIONS[0], SettlementKind.LOCAL_NETWORKED,
                new Admdvs("430105"), CHANGSHA, LocalDate.of(2025, 11, 5), Fen.of(4_000), Fen.of(4_000), Fen.ZERO);
        DirectSettlement cancelled = new DirectSettlement(id(3), INSTITUTIONS[0], SettlementKind.CROSS_PROVINCE,
                new Admdvs("110105"), CHANGSHA, LocalDate.of(2025, 11, 6), Fen.of(7_000), Fen.of(7_000), Fen.ZERO);
        DirectSettlement december = new DirectSettlement(id(4), INSTITUTIONS[0], SettlementKind.CROSS_PROVINCE,
                new Admdvs("110105"), CHANGSHA, LocalDate.of(2025, 12, 1), Fen.of(7_000), Fen.of(7_000), Fen.ZERO);
        MonthlyRun run = MonthlySettlement.of(NOV, List.of(cross, local, cancelled, december, cross),
                Set.of(cancelled.settlementId()));
        assertEquals(1, run.statements().size());
        MonthlyStatement st = run.statements().get(0);
        assertEquals(new StatementTotals(2, Fen.of(14_000), Fen.of(13_000), Fen.of(500)), st.total());
        assertEquals(Fen.of(12_500), st.total().payable());
        assertEquals(Fen.of(4_000), st.localNetworked().payable());
        assertEquals(List.of(new ClearingRecord(cross.settlementId(), cross.insured(), CHANGSHA, INSTITUTIONS[0],
                LocalDate.of(2025, 12, 3), Fen.of(9_000), Fen.of(500))), st.clearingRecords(LocalDate.of(2025, 12, 3)));
        assertEquals(1, run.cancelled());
        assertEquals(1, run.otherMonths());
        assertEquals(1, run.repeats());
    }

    @Test
    @DisplayName("R-UPL-5: one id with two different contents is SETTLEMENT_CONFLICT; amounts out of order are refused")
    void badInput() {
        DirectSettlement a = new DirectSettlement(id(1), INSTITUTIONS[0], SettlementKind.CROSS_PROVINCE,
                new Admdvs("110105"), CHANGSHA, LocalDate.of(2025, 11, 4), Fen.of(10_000), Fen.of(9_000), Fen.ZERO);
        assertEquals("SETTLEMENT_CONFLICT", assertThrows(InvalidInputException.class,
                () -> MonthlySettlement.of(NOV, List.of(a, a.withDeduction(Fen.of(1))), Set.of())).code());
        assertEquals("deduction", assertThrows(InvalidInputException.class, () -> a.withDeduction(Fen.of(9_001))).field());
        assertEquals("NOT_CROSS_PROVINCE", assertThrows(InvalidInputException.class, () -> new DirectSettlement(id(1),
                INSTITUTIONS[0], SettlementKind.CROSS_PROVINCE, new Admdvs("430105"), CHANGSHA, LocalDate.of(2025, 11, 4),
                Fen.of(1), Fen.of(1), Fen.ZERO)).code());
    }

    @Test
    @DisplayName("R-UPL-5: a confirmed statement is final; a disputed one is only superseded")
    void states() {
        assertEquals(true, StatementState.ISSUED.allows(StatementState.CONFIRMED));
        assertEquals(true, StatementState.ISSUED.allows(StatementState.DISPUTED));
        assertEquals(false, StatementState.CONFIRMED.allows(StatementState.DISPUTED));
        assertEquals(true, StatementState.DISPUTED.allows(StatementState.SUPERSEDED));
        assertEquals(false, StatementState.SUPERSEDED.allows(StatementState.ISSUED));
    }
}
