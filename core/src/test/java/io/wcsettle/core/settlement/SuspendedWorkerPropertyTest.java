package io.wcsettle.core.settlement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.wcsettle.core.audit.SuspensionList;
import io.wcsettle.core.money.Fen;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class SuspendedWorkerPropertyTest {

    @Property(tries = 300)
    @Label("R-AUD-2, R-SET-1: a suspended worker's bill is never paid directly")
    void suspendedWorker_isNeverPaidDirectly(@ForAll @IntRange(min = -30, max = 30) int suspendedFromOffset,
                                             @ForAll @IntRange(min = 1, max = 40) int lines,
                                             @ForAll @IntRange(min = 1, max = 999_999) int priceFen) {
        SuspensionList list = SuspensionList.empty().with(new SuspensionList.Entry("W-1",
                Fixtures.ADMITTED.plusDays(suspendedFromOffset), Optional.empty(), "case 42"));
        List<BillLine> bill = new ArrayList<>();
        for (int i = 0; i < lines; i++) {
            bill.add(Fixtures.line(Integer.toString(i), "X001", LineCategory.DRUG,
                    Fen.of(priceFen).toYuanString(), "1"));
        }
        WorkerStatus status = list.workerStatus("W-1", Fixtures.ADMITTED, false);
        SettlementResult r = Fixtures.ENGINE.settle(new Bill(Optional.of(Fixtures.FILING), status,
                Fixtures.HOSPITAL, Fixtures.STAY, bill));
        if (suspendedFromOffset <= 0) {
            assertTrue(r.reasons().contains(BillReason.WORKER_SUSPENDED));
            assertFalse(r.directSettlement());
            assertEquals(Fen.ZERO, r.fundPaid());
        } else {
            assertTrue(r.directSettlement());
            assertEquals(Fen.of((long) priceFen * lines), r.fundPaid());
        }
    }
}
