package io.wcsettle.core.followup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import io.wcsettle.core.error.InvalidInputException;
import io.wcsettle.core.money.Fen;
import io.wcsettle.core.region.Admdvs;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class FollowUpDeskTest {

    private static final Admdvs IM = Admdvs.parse("insured", "150102");
    private static final LocalDate D = LocalDate.of(2025, 10, 10);

    @Test
    @DisplayName("R-AUTO-1: outside amounts raise a claim with no application; listeners hear every change")
    void raise_andWalkToPaid() {
        List<WorkOrderEvent> sms = new ArrayList<>();
        List<RuntimeException> failures = new ArrayList<>();
        FollowUpDesk desk = new FollowUpDesk((e, ex) -> failures.add(ex));
        desk.register(sms::add);
        desk.register(e -> {
            throw new IllegalStateException("assistance programme offline");
        });
        WorkOrder o = desk.raise("S-1", "W-1", IM, Fen.of(45_000), D).orElseThrow();
        assertEquals(WorkOrderState.CREATED, o.state());
        assertEquals("WO-S-1", o.id());
        o = desk.review(o, D.plusDays(1)).order();
        o = desk.approve(o, D.plusDays(2)).order();
        Transition paid = desk.pay(o, D.plusDays(3));
        assertTrue(paid.accepted());
        assertEquals(WorkOrderState.PAID, paid.order().state());
        assertEquals(4, sms.size());
        assertEquals(4, failures.size());
        assertEquals(paid.order().history(), sms);
    }

    @Test
    @DisplayName("R-AUTO-1: no outside amount, no work order")
    void zeroOutside_raisesNothing() {
        assertEquals(Optional.empty(), new FollowUpDesk((e, x) -> { }).raise("S-2", "W-1", IM, Fen.ZERO, D));
        assertThrows(InvalidInputException.class,
                () -> new FollowUpDesk((e, x) -> { }).raise("S-2", "W-1", IM, Fen.of(-1), D));
    }

    @Test
    @DisplayName("R-AUTO-2: illegal moves are refused, change nothing and notify no one; rejection needs a reason")
    void illegalMoves_areRefused() {
        List<WorkOrderEvent> heard = new ArrayList<>();
        FollowUpDesk desk = new FollowUpDesk((e, x) -> { });
        WorkOrder o = desk.raise("S-3", "W-1", IM, Fen.of(100), D).orElseThrow();
        desk.register(heard::add);
        Transition skip = desk.pay(o, D);
        assertFalse(skip.accepted());
        assertEquals(o, skip.order());
        assertTrue(heard.isEmpty());
        assertThrows(InvalidInputException.class, () -> desk.reject(o, D, " "));
        WorkOrder rejected = desk.reject(o, D, "costs already reimbursed").order();
        assertEquals(WorkOrderState.REJECTED, rejected.state());
        assertFalse(desk.review(rejected, D).accepted());
    }

    @Property
    @Label("R-AUTO-2: a work order never skips or reverses a state")
    void neverSkipsOrReverses(@ForAll("requests") List<Integer> requests) {
        FollowUpDesk desk = new FollowUpDesk((e, x) -> { });
        WorkOrder o = desk.raise("S-9", "W-9", IM, Fen.of(1), D).orElseThrow();
        for (int r : requests) {
            Transition t = switch (r) {
                case 0 -> desk.review(o, D);
                case 1 -> desk.approve(o, D);
                case 2 -> desk.pay(o, D);
                default -> desk.reject(o, D, "reason");
            };
            o = t.order();
        }
        List<WorkOrderEvent> h = o.history();
        for (int i = 1; i < h.size(); i++) {
            WorkOrderState prev = h.get(i - 1).to();
            WorkOrderState next = h.get(i).to();
            assertEquals(Optional.of(prev), h.get(i).from());
            assertTrue(next == WorkOrderState.REJECTED || next.ordinal() == prev.ordinal() + 1,
                    prev + " -> " + next);
            assertFalse(prev.isFinal());
        }
    }

    @Provide
    Arbitrary<List<Integer>> requests() {
        return Arbitraries.integers().between(0, 3).list().ofMaxSize(10);
    }
}
