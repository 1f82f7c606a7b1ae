package io.wcsettle.his.reconciliation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.wcsettle.core.calendar.WorkingDayCalendar;
import io.wcsettle.core.money.Fen;
import io.wcsettle.core.policy.RegionalPolicies;
import io.wcsettle.core.upload.UploadDeadlines;
import io.wcsettle.his.outbox.NewMessage;
import io.wcsettle.his.outbox.Outbox;
import io.wcsettle.his.outbox.OutboxRelay;
import io.wcsettle.his.platform.CanonicalJson;
import io.wcsettle.his.platform.PlatformFixture;

class ReconcilerTest {

    @TempDir
    Path dir;

    @Test
    @DisplayName("Reconciliation (3201/3202): settled locally and on the platform, both sides agree")
    void consistentDay() {
        try (PlatformFixture f = new PlatformFixture();
             Outbox outbox = Outbox.h2File(dir.resolve("o"), PlatformFixture.INSTITUTION, f.clock,
                     new UploadDeadlines(RegionalPolicies.DEFAULT, WorkingDayCalendar.chinaOfficial()))) {
            LocalDate today = LocalDate.now(f.clock);
            for (int i = 1; i <= 3; i++) {
                outbox.enqueue(new NewMessage("B" + i, "2304", "150102", CanonicalJson.mapper().createObjectNode()
                        .put("psn_no", "P" + i).put("mdtrt_id", "B" + i).put("medfee_sumamt", i + ".50")
                        .put("fund_pay_sumamt", i + ".00"), today, Fen.of(i * 100L + 50), Fen.of(i * 100L)));
            }
            new OutboxRelay(outbox, f.client().build(), PlatformFixture.header()).runOnce();
            Reconciler reconciler = new Reconciler(f.client().build(), outbox.msgids(), PlatformFixture.header());
            List<SettlementRecord> local = Reconciler.fromOutbox(outbox, today, "2304");
            assertEquals(3, local.size());
            ReconciliationReport report = reconciler.reconcile(today, local);
            assertTrue(report.consistent(), report.mismatches().toString());

            // tamper with the local side: every difference is listed, not only the first
            List<SettlementRecord> tampered = new ArrayList<>(local.subList(1, 3));
            SettlementRecord changed = tampered.remove(0);
            tampered.add(new SettlementRecord(changed.setlId(), changed.msgid(), changed.medfee().plus(Fen.of(1)),
                    changed.fund()));
            tampered.add(new SettlementRecord("LOCAL-ONLY", null, Fen.of(5), Fen.of(5)));
            ReconciliationReport bad = reconciler.reconcile(today, tampered);
            Set<MismatchKind> kinds = bad.mismatches().stream().map(Mismatch::kind).collect(Collectors.toSet());
            assertEquals(Set.of(MismatchKind.MEDFEE_TOTAL_DIFFERS, MismatchKind.FUND_TOTAL_DIFFERS,
                    MismatchKind.MEDFEE_DIFFERS, MismatchKind.MISSING_ON_PLATFORM, MismatchKind.MISSING_LOCALLY), kinds);
            assertEquals(5, bad.mismatches().size());
        }
    }

    @Test
    @DisplayName("Reconciliation: count, totals and every detail difference are reported (pure comparison)")
    void compareListsEverything() {
        LocalDate day = LocalDate.parse("2025-10-09");
        List<SettlementRecord> local = List.of(new SettlementRecord("S1", "m1", Fen.of(100), Fen.of(90)),
                new SettlementRecord("S2", "m2", Fen.of(200), Fen.of(150)));
        List<SettlementRecord> platform = List.of(new SettlementRecord("S1", "m1", Fen.of(100), Fen.of(80)),
                new SettlementRecord("S3", "m3", Fen.of(300), Fen.of(300)),
                new SettlementRecord("S4", "m4", Fen.of(1), Fen.of(1)));
        ReconciliationReport r = Reconciler.compare(day, local, 3, Fen.of(401), Fen.of(381), platform);
        assertEquals(List.of(MismatchKind.COUNT_DIFFERS, MismatchKind.MEDFEE_TOTAL_DIFFERS,
                        MismatchKind.FUND_TOTAL_DIFFERS, MismatchKind.FUND_DIFFERS, MismatchKind.MISSING_ON_PLATFORM,
                        MismatchKind.MISSING_LOCALLY, MismatchKind.MISSING_LOCALLY),
                r.mismatches().stream().map(Mismatch::kind).toList());
        assertTrue(Reconciler.compare(day, local, 2, Fen.of(300), Fen.of(240), local).consistent());
    }
}
