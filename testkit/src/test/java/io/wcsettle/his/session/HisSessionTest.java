package io.wcsettle.his.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.wcsettle.core.calendar.WorkingDayCalendar;
import io.wcsettle.core.catalogue.Catalogue;
import io.wcsettle.core.filing.Filing;
import io.wcsettle.core.filing.FilingScope;
import io.wcsettle.core.filing.FilingType;
import io.wcsettle.core.money.Quantity;
import io.wcsettle.core.money.UnitPrice;
import io.wcsettle.core.policy.RegionalPolicies;
import io.wcsettle.core.region.Admdvs;
import io.wcsettle.core.settlement.Bill;
import io.wcsettle.core.settlement.BillLine;
import io.wcsettle.core.settlement.Institution;
import io.wcsettle.core.settlement.LineCategory;
import io.wcsettle.core.settlement.SettlementEngine;
import io.wcsettle.core.settlement.Stay;
import io.wcsettle.core.settlement.StayKind;
import io.wcsettle.core.settlement.WorkerStatus;
import io.wcsettle.core.upload.UploadDeadlines;
import io.wcsettle.his.card.SocialSecurityCard;
import io.wcsettle.his.outbox.Outbox;
import io.wcsettle.his.platform.PlatformFixture;
import io.wcsettle.testkit.platform.Fault;
import io.wcsettle.testkit.platform.SimulatedSettlement;
import io.wcsettle.testkit.card.SimulatedSocialSecurityCard;

class HisSessionTest {

    private static final String INSURED = "150102";
    private static final UploadDeadlines DEADLINES =
            new UploadDeadlines(RegionalPolicies.INNER_MONGOLIA, WorkingDayCalendar.chinaOfficial());
    private static final SettlementEngine ENGINE = new SettlementEngine(RegionalPolicies.INNER_MONGOLIA,
            Catalogue.builder().add("XA01", LocalDate.of(2024, 1, 1), null, null)
                    .add("BED01", LocalDate.of(2024, 1, 1), null, UnitPrice.parse("max", "60.00")).build(),
            Catalogue.builder().build());

    @TempDir
    Path dir;

    private final PlatformFixture platform = new PlatformFixture();

    @AfterEach
    void stop() {
        platform.close();
    }

    private HisSession open() {
        return HisSession.builder()
                .outbox(Outbox.h2File(dir.resolve("outbox"), PlatformFixture.INSTITUTION, platform.clock, DEADLINES))
                .client(platform.client().build())
                .header(PlatformFixture.header())
                .engine(ENGINE)
                .deadlines(DEADLINES)
                .clock(platform.clock)
                .build();
    }

    private static Bill bill() {
        LocalDate in = LocalDate.now(PlatformFixture.CHINA).minusDays(5);
        Filing filing = Filing.of(RegionalPolicies.INNER_MONGOLIA, FilingType.LONG_TERM_RESIDENCE, FilingScope.MEDICAL,
                new Admdvs(INSURED), new Admdvs("110000"), in.minusMonths(1));
        return new Bill(Optional.of(filing), WorkerStatus.GOOD_STANDING,
                new Institution(PlatformFixture.INSTITUTION, new Admdvs("110105"), true, false),
                new Stay(StayKind.INPATIENT_MEDICAL, in, in.plusDays(4), false, false), List.of(
                        BillLine.of("1", "XA01", LineCategory.DRUG, in, UnitPrice.parse("p", "12.3456"),
                                Quantity.parse("q", "2")),
                        BillLine.of("2", "BED01", LineCategory.SERVICE, in, UnitPrice.parse("p", "80.00"),
                                Quantity.parse("q", "4")),
                        BillLine.of("3", "MEAL", LineCategory.MEAL, in, UnitPrice.parse("p", "30.00"),
                                Quantity.parse("q", "4"), null, Set.of(), null)));
    }

    @Test
    @DisplayName("R-SET-11, R-UPL-1: card → 1101 → 2401 → 2301 → 2303 → 2304 against the simulator; statement and deadline")
    void fullDischarge() {
        SimulatedSocialSecurityCard card = SimulatedSocialSecurityCard.sample();
        try (HisSession session = open()) {
            SocialSecurityCard read = session.readCard(card);
            platform.simulator.registerPerson(read.socialSecurityNumber(), "P-0001", INSURED);
            String psn = session.queryPerson("V1", INSURED, read.socialSecurityNumber());
            assertEquals("P-0001", psn);
            Bill bill = bill();
            String mdtrt = session.admit("V1", INSURED, psn, bill);
            session.uploadFees("V1", INSURED, psn, mdtrt, bill);
            Discharge d = session.settle("V1", INSURED, psn, mdtrt, bill);
            assertTrue(d.result().directSettlement());
            assertEquals(26_469, d.result().fundPaid().value()); // 24.69 + 4 × 60.00
            assertTrue(d.statement().toChineseText().contains("工伤保险跨省异地就医结算说明"));
            List<SimulatedSettlement> s = platform.simulator.settlements();
            assertEquals(1, s.size());
            assertEquals(d.result().fundPaid(), s.get(0).fundPaid());
            assertEquals(d.setlId().orElseThrow(), s.get(0).setlId());
            assertEquals(0, session.reconcile(LocalDate.now(PlatformFixture.CHINA)).mismatches().size());
            // running the step again returns the stored answer, nothing is sent twice
            assertEquals(d.setlId(), session.settle("V1", INSURED, psn, mdtrt, bill).setlId());
            assertEquals(1, platform.simulator.settlements().size());
        }
    }

    @Test
    @DisplayName("R-UPL-4: closed after admission and reopened on the same file, the flow resumes with no duplicate")
    void crashAfterAdmission_resumes() {
        platform.simulator.registerPerson("CERT", "P-0002", INSURED);
        Bill bill = bill();
        String mdtrt;
        try (HisSession first = open()) {
            mdtrt = first.admit("V2", INSURED, first.queryPerson("V2", INSURED, "CERT"), bill);
        }
        int served = platform.simulator.served();
        try (HisSession second = open()) {
            assertEquals(0, second.resume());
            assertEquals(mdtrt, second.admit("V2", INSURED, "P-0002", bill));
            assertEquals(served, platform.simulator.served(), "a DONE step is not sent again");
            second.settle("V2", INSURED, "P-0002", mdtrt, bill);
        }
        assertEquals(1, platform.simulator.settlements().size());
    }

    @Test
    @DisplayName("R-UPL-4: a settlement whose answers are lost is resolved, and committed exactly once or reversed")
    void lostAnswers_areResolved() {
        platform.simulator.registerPerson("CERT", "P-0003", INSURED);
        Bill bill = bill();
        try (HisSession session = open()) {
            String mdtrt = session.admit("V3", INSURED, "P-0003", bill);
            platform.simulator.faults().next(Fault.DROP_AFTER_COMMIT, Fault.DROP_AFTER_COMMIT, Fault.DROP_AFTER_COMMIT,
                    Fault.DROP_AFTER_COMMIT, Fault.DROP_AFTER_COMMIT, Fault.DROP_AFTER_COMMIT, Fault.DROP_AFTER_COMMIT,
                    Fault.DROP_AFTER_COMMIT, Fault.DROP_AFTER_COMMIT, Fault.DROP_AFTER_COMMIT);
            try {
                session.settle("V3", INSURED, "P-0003", mdtrt, bill);
            } catch (HisSessionException e) {
                assertTrue(Set.of("STEP_UNRESOLVED", "STEP_REVERSED").contains(e.code()), e.code());
            }
            platform.simulator.faults().clear();
            session.resume();
        }
        long standing = platform.simulator.settlements().stream()
                .filter(s -> s.status() == SimulatedSettlement.Status.ACTIVE).count();
        assertTrue(standing <= 1, "never settled twice");
    }
}
