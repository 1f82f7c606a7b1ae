package io.wcsettle.core.settlement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

import io.wcsettle.core.catalogue.Catalogue;
import io.wcsettle.core.money.Fen;
import io.wcsettle.core.money.LineAmount;
import io.wcsettle.core.money.Quantity;
import io.wcsettle.core.money.UnitPrice;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class SettlementPropertiesTest {

    private static final String[] CODES = {"X001", "X002", "BED01", "NUR01", "RH01", "OLD01", "NOPE", "D100", "D200", "D300"};

    /** A line without the bill-dependent parts (id), so that tests can number lines. */
    record Spec(String code, LineCategory category, int dayOffset, long priceMicros, long quantity,
                int amountOffset, Set<ReviewFlag> flags) {
        BillLine toLine(String id) {
            long computed = LineAmount.fen(priceMicros, quantity);
            long amount = Math.max(0, computed + amountOffset);
            return BillLine.of(id, code, category, Fixtures.ADMITTED.plusDays(dayOffset), new UnitPrice(priceMicros),
                    new Quantity(quantity), Fen.of(amount), flags, null);
        }
    }

    @Provide
    Arbitrary<Spec> spec() {
        return Combinators.combine(
                Arbitraries.of(CODES),
                Arbitraries.of(LineCategory.class),
                Arbitraries.integers().between(0, 9),
                Arbitraries.longs().between(0, 5_000_000_000L),
                Arbitraries.longs().between(0, 1_000_000L),
                Arbitraries.integers().between(-1, 1),
                Arbitraries.subsetOf(ReviewFlag.values()))
                .as(Spec::new);
    }

    @Provide
    Arbitrary<List<Spec>> specs() {
        return spec().list().ofMaxSize(30);
    }

    private static List<BillLine> lines(List<Spec> specs) {
        List<BillLine> lines = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) {
            lines.add(specs.get(i).toLine(Integer.toString(i)));
        }
        return lines;
    }

    private static SettlementResult settle(List<BillLine> lines) {
        return Fixtures.ENGINE.settle(Fixtures.bill(lines));
    }

    @Property
    @Label("R-MON-2: total = fundPaid + deducted + outside, per line and per bill")
    void totalsAreExact(@ForAll("specs") List<Spec> specs) {
        List<BillLine> lines = lines(specs);
        SettlementResult r = settle(lines);
        long sum = 0;
        for (int i = 0; i < lines.size(); i++) {
            LineResult l = r.lines().get(i);
            assertEquals(lines.get(i).amount(), l.total());
            sum += lines.get(i).amount().value();
        }
        assertEquals(Fen.of(sum), r.total());
        assertEquals(r.total(), r.fundPaid().plus(r.deducted()).plus(r.outside()));
    }

    @Property
    @Label("R-SET-7: permuting the lines changes no line's result")
    void permutationInvariant(@ForAll("specs") List<Spec> specs, @ForAll long seed) {
        List<BillLine> lines = lines(specs);
        List<BillLine> shuffled = new ArrayList<>(lines);
        Collections.shuffle(shuffled, new Random(seed));
        List<LineResult> a = settle(lines).lines();
        List<LineResult> b = settle(shuffled).lines();
        for (int i = 0; i < shuffled.size(); i++) {
            int original = Integer.parseInt(shuffled.get(i).id());
            assertEquals(a.get(original), b.get(i));
        }
    }

    @Property
    @Label("R-SET-7: adding a line changes no other line's result")
    void addingALineChangesNoOther(@ForAll("specs") List<Spec> specs, @ForAll("spec") Spec extra) {
        List<BillLine> lines = lines(specs);
        List<BillLine> more = new ArrayList<>(lines);
        more.add(extra.toLine("extra"));
        List<LineResult> a = settle(lines).lines();
        List<LineResult> b = settle(more).lines();
        assertEquals(a, b.subList(0, a.size()));
    }

    @Property
    @Label("R-SET-7: 0 <= paid <= amount, and no part is negative")
    void paidAtMostAmount(@ForAll("specs") List<Spec> specs) {
        List<BillLine> lines = lines(specs);
        SettlementResult r = settle(lines);
        for (int i = 0; i < lines.size(); i++) {
            assertTrue(r.paidFen(i) >= 0 && r.deductedFen(i) >= 0 && r.outsideFen(i) >= 0);
            assertTrue(r.paidFen(i) <= lines.get(i).amount().value());
            assertTrue(r.reasonOf(i) != null || r.paidFen(i) == lines.get(i).amount().value());
        }
    }

    @Property
    @Label("R-SET-4: a device line is paid at most round_half_up(cap × quantity)")
    void devicePaidWithinCap(@ForAll("specs") List<Spec> specs) {
        List<BillLine> lines = lines(specs);
        SettlementResult r = settle(lines);
        long discharge = Fixtures.DISCHARGED.toEpochDay();
        for (int i = 0; i < lines.size(); i++) {
            BillLine l = lines.get(i);
            if (l.category() == LineCategory.DEVICE) {
                long cap = Fixtures.DEVICES.limitOn(l.code(), discharge);
                if (cap == Catalogue.NOT_LISTED) {
                    assertEquals(0, r.paidFen(i));
                } else {
                    assertTrue(r.paidFen(i) <= LineAmount.fen(cap, l.quantity().tenThousandths()));
                }
            }
        }
    }

    @Property
    @Label("R-SET-12: a bill with returns settles like the same bill with each original replaced by its net line")
    void returnsEqualNetLines(@ForAll("specs") List<Spec> specs, @ForAll long seed) {
        Random random = new Random(seed);
        List<BillLine> withReturns = new ArrayList<>();
        List<BillLine> netted = new ArrayList<>();
        List<Integer> originalIndexInReturns = new ArrayList<>();
        List<BillLine> returns = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) {
            Spec s = specs.get(i);
            Spec exact = new Spec(s.code(), s.category(), s.dayOffset(), s.priceMicros(), s.quantity(), 0, s.flags());
            String id = Integer.toString(i);
            if (s.quantity() > 1 && random.nextBoolean()) {
                long back = 1 + (long) (random.nextDouble() * (s.quantity() - 1)); // 1 .. quantity-1: partial
                BillLine original = exact.toLine(id);
                BillLine ret = Fixtures.returnLine("r" + i, original, new Quantity(-back).toString());
                withReturns.add(original);
                returns.add(ret);
                originalIndexInReturns.add(withReturns.size() - 1);
                netted.add(new BillLine(id, s.code(), s.category(), original.serviceDate(), original.price(),
                        new Quantity(s.quantity() - back), original.amount().plus(ret.amount()), s.flags(),
                        Optional.empty()));
            } else {
                withReturns.add(exact.toLine(id));
                netted.add(exact.toLine(id));
            }
        }
        withReturns.addAll(returns);
        SettlementResult a = settle(withReturns);
        SettlementResult b = settle(netted);
        for (int i = 0; i < netted.size(); i++) {
            assertEquals(b.lines().get(i), a.lines().get(i));
        }
        for (int k = netted.size(); k < withReturns.size(); k++) {
            LineResult ret = a.lines().get(k);
            assertEquals(Fen.ZERO, ret.total());
            assertEquals(Optional.of(LineReason.RETURN), ret.reason());
        }
        assertEquals(b.total(), a.total());
        assertEquals(b.fundPaid(), a.fundPaid());
    }

    @Property
    @Label("R-SET-1: any bill-level reason means nothing is paid directly")
    void billReasonMeansNothingPaid(@ForAll("specs") List<Spec> specs, @ForAll boolean noFiling,
                                    @ForAll boolean suspended, @ForAll boolean thirdParty,
                                    @ForAll boolean enabled, @ForAll boolean institutionSuspended,
                                    @ForAll StayKind kind, @ForAll boolean plan, @ForAll boolean notice) {
        Institution inst = new Institution("H", Fixtures.HOSPITAL.admdvs(), enabled, institutionSuspended);
        LocalDate discharge = kind == StayKind.OUTPATIENT || kind == StayKind.DEVICE
                ? Fixtures.ADMITTED.plusDays(9) : Fixtures.DISCHARGED;
        Stay stay = new Stay(kind, Fixtures.ADMITTED, discharge, plan, notice);
        Bill bill = new Bill(noFiling ? Optional.empty() : Optional.of(Fixtures.FILING),
                new WorkerStatus(suspended, thirdParty), inst, stay, lines(specs));
        SettlementResult r = Fixtures.ENGINE.settle(bill);
        assertEquals(r.reasons().isEmpty(), r.directSettlement());
        if (!r.directSettlement()) {
            assertEquals(Fen.ZERO, r.fundPaid());
            for (int i = 0; i < r.lineCount(); i++) {
                assertEquals(0, r.paidFen(i));
            }
        }
        EnumSet<BillReason> expectedSubset = EnumSet.noneOf(BillReason.class);
        if (noFiling) {
            expectedSubset.add(BillReason.NO_FILING);
        }
        if (suspended) {
            expectedSubset.add(BillReason.WORKER_SUSPENDED);
        }
        if (thirdParty) {
            expectedSubset.add(BillReason.THIRD_PARTY_LIABILITY);
        }
        assertTrue(r.reasons().containsAll(expectedSubset));
    }
}
