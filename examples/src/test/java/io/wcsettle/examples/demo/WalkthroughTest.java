package io.wcsettle.examples.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import io.wcsettle.core.clearing.ClearingTables;
import io.wcsettle.core.clearing.Quarter;
import io.wcsettle.core.money.Fen;
import io.wcsettle.core.settlement.SettlementResult;

class WalkthroughTest {

    @Test
    @DisplayName("Demo discharge: deduction, device within cap, meal allowance outside; totals add up (R-MON-2)")
    void discharge() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        SettlementResult r = DischargeWalkthrough.run(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(r.directSettlement());
        assertEquals(r.total(), r.fundPaid().plus(r.deducted()).plus(r.outside()));
        assertEquals(Fen.of(27_000), r.outside());
        assertTrue(out.contains("工伤保险跨省异地就医结算说明"), out);
        assertTrue(out.contains("DKNEE01（辅助器具）金额 2800.00 元：基金全额支付 2800.00 元"), out);
        assertTrue(out.contains("work order WO-"), out);
    }

    @Test
    @DisplayName("Demo clearing: partitions merged in any order give one table; the plan settles every position")
    void clearing() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ClearingTables t = ClearingWalkthrough.run(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        assertEquals(ClearingWalkthrough.generate(Quarter.of(2025, 4), 20_000, 2025_4L),
                ClearingWalkthrough.generate(Quarter.of(2025, 4), 20_000, 2025_4L));
        assertTrue(t.transferPlan().size() <= t.netPositions().size() - 1);
        assertTrue(bytes.toString(StandardCharsets.UTF_8).contains("national clearing table"));
    }
}
