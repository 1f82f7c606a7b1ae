package io.wcsettle.core.prepayment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import io.wcsettle.core.calendar.WorkingDayCalendar;
import io.wcsettle.core.error.InvalidInputException;
import io.wcsettle.core.money.Fen;
import io.wcsettle.core.region.Admdvs;

class PrepaymentTest {

    private static final WorkingDayCalendar CAL = WorkingDayCalendar.chinaOfficial();

    @Test
    @DisplayName("R-PRE-2: quota = sum / 2, HALF_UP to the fen")
    void quotaHalfUp() {
        assertEquals(Fen.of(17501), PrepaymentQuota.annual(List.of(Fen.of(10000), Fen.of(20000), Fen.ZERO, Fen.of(5001))));
        assertEquals(Fen.of(2), PrepaymentQuota.annual(List.of(Fen.of(1), Fen.of(1), Fen.of(1), Fen.ZERO)));
        assertEquals(Fen.of(3), PrepaymentQuota.annual(List.of(Fen.of(1), Fen.of(2), Fen.ZERO, Fen.ZERO),
                QuotaBasis.ACTIVE_QUARTERS_ONLY));
        assertThrows(InvalidInputException.class, () -> PrepaymentQuota.annual(List.of(Fen.of(1))));
    }

    @Test
    @DisplayName("R-PRE-4: a lower quota is refunded by the treatment province, marked with *")
    void refundNotices() {
        AnnualAdjustment a = AnnualAdjustment.of(2026, List.of(
                new QuotaChange(new Admdvs("150000"), new Admdvs("110000"), Fen.of(50000), Fen.of(30000)),
                new QuotaChange(new Admdvs("110000"), new Admdvs("430000"), Fen.of(100), Fen.of(100))));
        assertEquals(LocalDate.of(2026, 1, 31), a.computeBy());
        assertEquals(LocalDate.of(2026, 2, 28), a.payBy());
        assertEquals(2, a.notices().size());
        AdjustmentNotice pay = a.notices().get(0);
        assertEquals(new Admdvs("110000"), pay.province());
        assertEquals(NoticeKind.PAYMENT, pay.kind());
        assertEquals("*150000", pay.lines().get(0).counterpartLabel());
        assertEquals(Fen.of(20000), pay.lines().get(0).amount());
        assertEquals("*110000", a.notices().get(1).lines().get(0).counterpartLabel());
    }

    @Test
    @DisplayName("R-PRE-5: level from the exact ratio, display rate HALF_UP")
    void usage() {
        assertEquals("70.00", UsageRate.of(Fen.of(7000), Fen.of(10000)).percentText());
        assertEquals(UsageLevel.YELLOW, UsageRate.of(Fen.of(7000), Fen.of(10000)).level());
        // 79.999 % shows as 80.00 but is only yellow
        UsageRate almost = UsageRate.of(Fen.of(79999), Fen.of(100000));
        assertEquals("80.00", almost.percentText());
        assertEquals(UsageLevel.YELLOW, almost.level());
        assertEquals(UsageLevel.RED, UsageRate.of(Fen.of(12345678), Fen.of(15000000)).level());
        assertEquals("82.30", UsageRate.of(Fen.of(12345678), Fen.of(15000000)).percentText());
        assertEquals("ZERO_QUOTA", assertThrows(InvalidInputException.class,
                () -> UsageRate.of(Fen.of(1), Fen.ZERO)).code());
    }

    @Test
    @DisplayName("R-PRE-6: red, within 3 working days, once per quarter, at most 2 x pending")
    void topUp() {
        EmergencyTopUp t = new EmergencyTopUp(CAL);
        TopUpDecision ok = t.check(UsageLevel.RED, LocalDate.of(2025, 6, 24), LocalDate.of(2025, 6, 26), 0,
                Fen.of(100000), Fen.of(150000));
        assertTrue(ok.allowed());
        assertEquals(Fen.of(200000), ok.maximum());
        assertEquals(LocalDate.of(2025, 6, 27), ok.lastDay());
        TopUpDecision no = t.check(UsageLevel.YELLOW, LocalDate.of(2025, 9, 26), LocalDate.of(2025, 10, 9), 1,
                Fen.of(50000), Fen.of(100001));
        assertEquals(Set.of(TopUpRefusal.values()), no.reasons());
        assertEquals(LocalDate.of(2025, 9, 30), no.lastDay());
    }

    @Test
    @DisplayName("R-PRE-7: payment chain 5 / 10 / 5 working days, top-up before the next clearing")
    void paymentChain() {
        PaymentChain c = new PaymentChain(CAL);
        assertEquals(LocalDate.of(2025, 10, 14), c.toFinanceBy(LocalDate.of(2025, 9, 30)));
        assertEquals(LocalDate.of(2025, 7, 15), c.transferBy(LocalDate.of(2025, 7, 1)));
        assertEquals(LocalDate.of(2025, 7, 8), c.feedbackBy(LocalDate.of(2025, 7, 1)));
        assertEquals(LocalDate.of(2025, 9, 20), PaymentChain.topUpPaidBy(LocalDate.of(2025, 9, 21)));
    }
}
