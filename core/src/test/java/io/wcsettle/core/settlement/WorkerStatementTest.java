package io.wcsettle.core.settlement;

import static io.wcsettle.core.settlement.Fixtures.ENGINE;
import static io.wcsettle.core.settlement.Fixtures.HOSPITAL;
import static io.wcsettle.core.settlement.Fixtures.STAY;
import static io.wcsettle.core.settlement.Fixtures.bill;
import static io.wcsettle.core.settlement.Fixtures.fen;
import static io.wcsettle.core.settlement.Fixtures.line;
import static io.wcsettle.core.settlement.Fixtures.returnLine;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class WorkerStatementTest {

    @Test
    @DisplayName("R-SET-10: each line says what was paid, what was deducted and why, citing the rule")
    void explainsEveryLine() {
        BillLine bed = line("1", "BED01", LineCategory.SERVICE, "80.00", "9");
        Bill b = bill(bed, line("2", "X001", LineCategory.DRUG, "10.00", "1"),
                line("3", "NOPE", LineCategory.DRUG, "45.50", "2"),
                line("4", "MEAL01", LineCategory.MEAL, "50.00", "9"), returnLine("5", bed, "-2"));
        WorkerStatement s = WorkerStatement.of(b, ENGINE.settle(b));
        assertEquals(5, s.lines().size());
        StatementLine over = s.lines().get(0);
        assertEquals(fen(56000), over.amount());
        assertEquals(Optional.of(LineReason.OVER_STANDARD), over.reason());
        assertTrue(over.text().contains("基金支付 420.00 元") && over.text().contains("扣除 140.00 元")
                && over.text().contains("R-SET-7"), over.text());
        assertTrue(s.lines().get(2).text().contains("不在目录范围内"), s.lines().get(2).text());
        assertTrue(s.lines().get(4).text().contains("退费 160.00 元"), s.lines().get(4).text());
        String text = s.toChineseText();
        assertTrue(text.contains("基金直接支付 430.00 元"), text);
        assertTrue(text.contains("转参保地的费用 450.00 元"), text);
    }

    @Test
    @DisplayName("R-SET-10: a bill not settled directly lists every reason and sends the worker to the insured place")
    void notDirect() {
        Bill b = new Bill(Optional.empty(), new WorkerStatus(true, false), HOSPITAL, STAY,
                List.of(line("1", "X001", LineCategory.DRUG, "10.00", "1")));
        String text = WorkerStatement.of(b, ENGINE.settle(b)).toChineseText();
        assertTrue(text.contains("不能直接结算") && text.contains("未办理异地就医备案")
                && text.contains("职工因违规被暂停直接结算") && text.contains("R-UPL-3"), text);
    }
}
