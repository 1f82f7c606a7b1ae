package io.wcsettle.examples.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import io.wcsettle.core.clearing.ClearingTables;
import io.wcsettle.core.clearing.Quarter;
import io.wcsettle.core.discharge.SettlementOutcome;
import io.wcsettle.core.followup.ClaimKind;
import io.wcsettle.core.money.Fen;
import io.wcsettle.core.settlement.Route;
import io.wcsettle.core.settlement.SettlementResult;

class WalkthroughTest {

    @Test
    @DisplayName("Demo discharge: deduction, device within cap, meal allowance outside; totals add up (R-MON-2); follow-up raised (R-AUTO-1)")
    void discharge() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        SettlementOutcome o = DischargeWalkthrough.run(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        SettlementResult r = o.result();
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(r.directSettlement());
        assertEquals(Route.CROSS_PROVINCE, o.route());
        assertEquals(r.total(), r.fundPaid().plus(r.deducted()).plus(r.outside()));
        assertEquals(Fen.of(27_000), r.outside());
        assertTrue(out.contains("工伤保险异地就医费用结算单"), out);
        assertTrue(out.contains("辅助器具 项目编码 DKNEE01 金额 2800.00 元：工伤保险基金全额支付 2800.00 元"), out);
        assertTrue(out.contains("work order WO-V1-H43010200001-MEAL_ALLOWANCE"), out);
        assertEquals(List.of(ClaimKind.MEAL_ALLOWANCE), o.followUps().stream().map(w -> w.kind()).toList());
        assertTrue(o.uploadDeadline().orElseThrow().isKnown());
    }

    @Test
    @DisplayName("R-FIL-11: the demo's Beijing filer treated back in Beijing is settled under Beijing's policy, no manual claim")
    void homePlace() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        SettlementOutcome o = DischargeWalkthrough.homePlace(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        assertEquals(Route.HOME_PLACE, o.route());
        assertTrue(o.result().directSettlement(), o.result().reasons().toString());
        assertFalse(o.sendsToPlatform());
        assertTrue(o.followUps().stream().noneMatch(w -> w.kind() == ClaimKind.MANUAL_CLAIM));
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(out.contains("按参保地政策直接结算") && !out.contains("内蒙古"), out);
    }

    @Test
    @DisplayName("Demo clearing (R-CLR-6): partitions merged in any order give one table; bilateral payments first, the netted plan labelled as analysis")
    void clearing() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ClearingTables t = ClearingWalkthrough.run(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        assertEquals(ClearingWalkthrough.generate(Quarter.of(2025, 4), 20_000, 2025_4L),
                ClearingWalkthrough.generate(Quarter.of(2025, 4), 20_000, 2025_4L));
        assertTrue(t.nettingAnalysis().size() <= t.netPositions().size() - 1);
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(out.contains("national clearing table"), out);
        assertTrue(out.contains("payments (the instruction, bilateral"), out);
        assertTrue(out.contains("ANALYSIS, not a payment instruction"), out);
        assertEquals(t.nationalTable().stream().filter(p -> !p.payable().isZero()).count(), t.payments().size());
    }
}
