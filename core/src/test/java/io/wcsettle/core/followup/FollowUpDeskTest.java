package io.wcsettle.core.followup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
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
import io.wcsettle.core.upload.CostRecord;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class FollowUpDeskTest {

    private static final Admdvs IM = Admdvs.parse("insured", "150102");
    private static final LocalDate D = LocalDate.of(2025, 10, 10);
    private static final CostRecord STAY = new CostRecord("W-1", "H43010200001", D.minusDays(9), D, List.of());

    static FollowUpClaim claim(String settlementId, ClaimKind kind, Optional<Fen> computed) {
        return new FollowUpClaim(FollowUpClaims.orderId(settlementId, kind), settlementId, "W-1", IM, kind, 9,
                computed, Fen.of(45_000), D, STAY);
    }

    private static FollowUpDesk desk() {
        return new FollowUpDesk(new InMemoryWorkOrderStore(), (e, x) -> { });
    }

    @Test
    @DisplayName("R-AUTO-1: a claim becomes a work order with no application; listeners hear every change")
    void raise_andWalkToPaid() {
        List<WorkOrderEvent> sms = new ArrayList<>();
        List<RuntimeException> failures = new ArrayList<>();
        FollowUpDesk desk = new FollowUpDesk(new InMemoryWorkOrderStore(), (e, ex) -> failures.add(ex));
        desk.register(sms::add);
        desk.register(e -> {
            throw new IllegalStateException("assistance programme offline");
        });
        WorkOrder o = desk.raise(claim("S-1", ClaimKind.MEAL_ALLOWANCE, Optional.of(Fen.of(90_00))));
        assertEquals(WorkOrderState.CREATED, o.state());
        assertEquals("WO-S-1-MEAL_ALLOWANCE", o.id());
        assertEquals(Optional.empty(), o.approvedAmount());
        o = desk.review(o, D.plusDays(1)).order();
        o = desk.approve(o, D.plusDays(2), Fen.of(90_00)).order();
        assertEquals(Optional.of(Fen.of(90_00)), o.approvedAmount());
        Transition paid = desk.pay(o, D.plusDays(3), List.of());
        assertTrue(paid.accepted());
        assertEquals(WorkOrderState.PAID, paid.order().state());
        assertEquals(Optional.of(Fen.of(90_00)), paid.order().approvedAmount());
        assertEquals(4, sms.size());
        assertEquals(4, failures.size());
        assertEquals(paid.order().history(), sms);
    }

    @Test
    @DisplayName("R-AUTO-1: raising the same claim again finds the stored order and notifies no one")
    void raise_isIdempotent() {
        List<WorkOrderEvent> heard = new ArrayList<>();
        FollowUpDesk desk = desk();
        desk.register(heard::add);
        WorkOrder first = desk.raise(claim("S-2", ClaimKind.MEAL_ALLOWANCE, Optional.empty()));
        WorkOrder moved = desk.review(first, D).order();
        WorkOrder again = desk.raise(claim("S-2", ClaimKind.MEAL_ALLOWANCE, Optional.empty()));
        assertEquals(moved, again);
        assertEquals(WorkOrderState.REVIEWED, again.state());
        assertEquals(2, heard.size());
    }

    @Test
    @DisplayName("R-AUTO-1: the approval carries a positive amount; zero or negative is refused, reject instead")
    void approve_needsAPositiveAmount() {
        FollowUpDesk desk = desk();
        WorkOrder o = desk.review(desk.raise(claim("S-3", ClaimKind.TRANSPORT_LODGING, Optional.empty())), D).order();
        assertThrows(InvalidInputException.class, () -> desk.approve(o, D, Fen.ZERO));
        assertThrows(InvalidInputException.class, () -> desk.approve(o, D, Fen.of(-1)));
        assertEquals(Optional.of(Fen.of(30_000)), desk.approve(o, D, Fen.of(30_000)).order().approvedAmount());
    }

    @Test
    @DisplayName("R-UPL-3: before paying, a claim that duplicates paid or settled costs is refused with the matches")
    void pay_runsTheDuplicateCheckFirst() {
        List<WorkOrderEvent> heard = new ArrayList<>();
        FollowUpDesk desk = desk();
        WorkOrder o = desk.raise(claim("S-4", ClaimKind.MANUAL_CLAIM, Optional.empty()));
        o = desk.approve(desk.review(o, D).order(), D, Fen.of(45_000)).order();
        desk.register(heard::add);
        List<CostRecord> settled = List.of(
                new CostRecord("W-2", "H43010200001", D.minusDays(9), D, List.of()),
                new CostRecord("W-1", "H43010200001", D.minusDays(3), D.plusDays(2), List.of("INV-1")));
        Transition t = desk.pay(o, D, settled);
        assertFalse(t.accepted());
        assertEquals(Optional.of(FollowUpRefusal.DUPLICATE_CLAIM), t.refusal());
        assertEquals(List.of(1), t.duplicates());
        assertSame(o, t.order());
        assertEquals(WorkOrderState.APPROVED, t.order().state());
        assertTrue(heard.isEmpty());
        assertTrue(desk.pay(o, D, settled.subList(0, 1)).accepted());
    }

    @Test
    @DisplayName("R-AUTO-2: illegal moves are refused, change nothing and notify no one; rejection needs a reason")
    void illegalMoves_areRefused() {
        List<WorkOrderEvent> heard = new ArrayList<>();
        FollowUpDesk desk = desk();
        WorkOrder o = desk.raise(claim("S-5", ClaimKind.MEAL_ALLOWANCE, Optional.empty()));
        desk.register(heard::add);
        Transition skip = desk.pay(o, D, List.of());
        assertFalse(skip.accepted());
        assertEquals(Optional.of(FollowUpRefusal.ILLEGAL_MOVE), skip.refusal());
        assertEquals(o, skip.order());
        assertTrue(heard.isEmpty());
        assertThrows(InvalidInputException.class, () -> desk.reject(o, D, " "));
        WorkOrder rejected = desk.reject(o, D, "costs already reimbursed").order();
        assertEquals(WorkOrderState.REJECTED, rejected.state());
        assertFalse(desk.review(rejected, D).accepted());
    }

    @Test
    @DisplayName("R-AUTO-2: a move from an order read before another change is refused as stale")
    void staleOrder_isRefused() {
        FollowUpDesk desk = desk();
        WorkOrder o = desk.raise(claim("S-6", ClaimKind.MEAL_ALLOWANCE, Optional.empty()));
        assertTrue(desk.review(o, D).accepted());
        Transition again = desk.reject(o, D, "read before the review");
        assertEquals(Optional.of(FollowUpRefusal.STALE_ORDER), again.refusal());
        assertEquals(WorkOrderState.REVIEWED, again.order().state());
    }

    @Property
    @Label("R-AUTO-2: a work order never skips or reverses a state")
    void neverSkipsOrReverses(@ForAll("requests") List<Integer> requests) {
        FollowUpDesk desk = desk();
        WorkOrder o = desk.raise(claim("S-9", ClaimKind.MEAL_ALLOWANCE, Optional.empty()));
        for (int r : requests) {
            Transition t = switch (r) {
                case 0 -> desk.review(o, D);
                case 1 -> desk.approve(o, D, Fen.of(1));
                case 2 -> desk.pay(o, D, List.of());
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
        if (o.state() == WorkOrderState.PAID) {
            assertTrue(o.approvedAmount().isPresent(), "nothing is paid without an approved amount");
        }
    }

    @Provide
    Arbitrary<List<Integer>> requests() {
        return Arbitraries.integers().between(0, 3).list().ofMaxSize(10);
    }
}
