package io.wcsettle.core.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import io.wcsettle.core.filing.FilingValidity;
import io.wcsettle.core.money.Fen;
import io.wcsettle.core.region.Admdvs;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;

class AuditSessionTest {

    private static SettledRecord rec(String id, SettledRecord.Kind kind, String worker, String treatment,
                                     String institution, String filing, LocalDate in, int days, long paid,
                                     String... invoices) {
        return new SettledRecord(id, kind, worker, Admdvs.parse("i", "150102"), Admdvs.parse("t", treatment),
                institution, Optional.ofNullable(filing), in, in.plusDays(days), Fen.of(paid + 100), Fen.of(paid),
                List.of(invoices));
    }

    private static final LocalDate D = LocalDate.of(2025, 3, 1);

    private static List<SettledRecord> sample() {
        return List.of(
                rec("R1", SettledRecord.Kind.DIRECT, "W1", "430102", "H1", "F1", D, 5, 12_000_000, "INV-1"),
                rec("R2", SettledRecord.Kind.DIRECT, "W2", "430102", "H1", "F2", D, 2, 1_000),
                rec("R3", SettledRecord.Kind.DIRECT, "W2", "430102", "H1", "F2", D.plusDays(10), 2, 1_000),
                rec("R4", SettledRecord.Kind.DIRECT, "W2", "430102", "H2", "F2", D.plusDays(20), 2, 1_000),
                rec("R5", SettledRecord.Kind.DIRECT, "W2", "150102", "H9", null, D.plusDays(40), 3, 1_000),
                rec("R6", SettledRecord.Kind.MANUAL_CLAIM, "W1", "430102", "H7", null, D.plusDays(60), 1, 500, "INV-1"),
                rec("R7", SettledRecord.Kind.MANUAL_CLAIM, "W3", "430102", "H1", null, D, 1, 500, "X"));
    }

    @Test
    @DisplayName("R-AUD-1, R-AUD-3: large amount, high frequency, two-place spending and manual duplicates are found")
    void findsEachRule() {
        AuditSession s = new AuditSession(AuditThresholds.DEFAULTS);
        s.registerFiling("F2", new FilingValidity(D, D.plusMonths(12)));
        s.acceptAll(sample());
        AuditReport r = s.finish();
        assertEquals(List.of(
                new Finding(AuditRuleId.LARGE_AMOUNT, "W1", List.of("R1"), r.findings().get(0).detail()),
                new Finding(AuditRuleId.HIGH_FREQUENCY, "W2", List.of("R2", "R3", "R4"), r.findings().get(1).detail()),
                new Finding(AuditRuleId.DUAL_PLACE_SPENDING, "W2", List.of("R2", "R3", "R4", "R5"), r.findings().get(2).detail()),
                new Finding(AuditRuleId.MANUAL_CLAIM_DUPLICATE, "W1", List.of("R1", "R6"), r.findings().get(3).detail())),
                r.findings());
        assertEquals(7, r.checked());
    }

    @Test
    @DisplayName("Bad records are reported with their code and position and never stop the others")
    void badRecords_areReported() {
        AuditSession s = new AuditSession(AuditThresholds.DEFAULTS);
        s.accept(() -> rec("B1", SettledRecord.Kind.DIRECT, "W1", "430102", "H1", null, D, -1, 10));
        s.accept(() -> rec("OK", SettledRecord.Kind.DIRECT, "W1", "430102", "H1", null, D, 1, 20_000_000));
        s.accept(() -> rec("OK", SettledRecord.Kind.DIRECT, "W1", "430102", "H1", null, D, 1, 10));
        s.accept(() -> new SettledRecord("B3", SettledRecord.Kind.DIRECT, "W1", Admdvs.parse("insured", "1501"),
                null, "H", Optional.empty(), D, D, Fen.ZERO, Fen.ZERO, List.of()));
        AuditReport r = s.finish();
        assertEquals(List.of(
                new RecordError(0, null, "DISCHARGE_BEFORE_ADMISSION", "dischargedOn"),
                new RecordError(2, "OK", "DUPLICATE_RECORD_ID", "recordId"),
                new RecordError(3, null, "INVALID_ADMDVS", "insured")), r.errors());
        assertEquals(1, r.checked());
        assertEquals(AuditRuleId.LARGE_AMOUNT, r.findings().get(0).rule());
    }

    @Property(tries = 200)
    @Label("R-AUD-1: findings do not depend on record order")
    void findings_independentOfOrder(@ForAll long seed) {
        List<SettledRecord> records = new ArrayList<>(sample());
        Random random = new Random(seed);
        for (int i = 0; i < 30; i++) {
            records.add(rec("G" + i, random.nextBoolean() ? SettledRecord.Kind.DIRECT : SettledRecord.Kind.MANUAL_CLAIM,
                    "W" + random.nextInt(4), random.nextBoolean() ? "430102" : "150102", "H" + random.nextInt(3),
                    random.nextBoolean() ? "F" + random.nextInt(3) : null, D.plusDays(random.nextInt(90)),
                    random.nextInt(5), random.nextInt(20_000_000), "INV-" + random.nextInt(40)));
        }
        AuditReport a = run(records);
        Collections.shuffle(records, random);
        AuditReport b = run(records);
        assertEquals(a.findings(), b.findings());
        assertTrue(a.errors().isEmpty());
    }

    private static AuditReport run(List<SettledRecord> records) {
        AuditSession s = new AuditSession(AuditThresholds.DEFAULTS);
        s.acceptAll(records);
        return s.finish();
    }

    @Test
    @DisplayName("R-AUD-1: thresholds are regional policy parameters")
    void thresholdsFromPolicy() {
        var strict = io.wcsettle.core.policy.RegionalPolicy.builder("130000").auditLargeAmountFen(1_000)
                .auditHighFrequency(2, 5).build();
        assertEquals(new AuditThresholds(Fen.of(1_000), 2, 5), AuditThresholds.of(strict));
        assertEquals(new AuditThresholds(Fen.of(10_000_000), 3, 30), AuditThresholds.DEFAULTS);
        AuditSession s = new AuditSession(AuditThresholds.of(strict));
        s.acceptAll(sample());
        assertTrue(s.finish().findings().stream().filter(f -> f.rule() == AuditRuleId.LARGE_AMOUNT).count() == 5);
    }

    @Test
    @DisplayName("R-AUD-2: a suspension covers its period only")
    void suspensionList() {
        SuspensionList list = SuspensionList.empty().with(new SuspensionList.Entry("W1", D, Optional.of(D.plusDays(9)), "case 17"));
        assertTrue(list.isSuspended("W1", D.plusDays(9)));
        assertTrue(!list.isSuspended("W1", D.plusDays(10)) && !list.isSuspended("W2", D));
    }
}
