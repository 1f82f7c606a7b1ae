package io.wcsettle.his.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.wcsettle.core.money.Quantity;
import io.wcsettle.core.money.UnitPrice;
import io.wcsettle.core.settlement.BillLine;
import io.wcsettle.core.settlement.LineCategory;
import io.wcsettle.his.outbox.OutboxException;
import io.wcsettle.his.reconciliation.ReconciliationReport;
import io.wcsettle.testkit.platform.SimulatedSettlement;

/** The discharge as a typed workflow against the strict simulator (issue: the platform must not be lied about). */
class DischargeWorkflowTest {

    @TempDir
    Path dir;

    private final World world = new World();

    @AfterEach
    void stop() {
        world.close();
    }

    private Visit admitted(HisSession s, String id) {
        Visit v = s.open(id, World.credential()).orElseThrow();
        v.admit(world.admission()).orElseThrow();
        return v;
    }

    @Test
    @DisplayName("R-SET-11, R-UPL-1: 1101 → 2401 → 2301 → 2402 → 2303 → 2304: the visit carries the person and filing; statement and deadline")
    void fullDischarge() {
        try (HisSession s = world.session(dir.resolve("o")).build()) {
            Visit v = s.open("V1", World.credential()).orElseThrow();
            assertEquals(World.PSN_NO, v.person().psnNo());
            assertEquals("150102", v.insuredPlace().code());
            assertTrue(v.filing(world.admitted, io.wcsettle.core.region.Admdvs.parse("i", "110105")).isPresent(),
                    "the filing as the platform returned it, in core's type");
            String mdtrt = v.admit(world.admission()).orElseThrow();
            assertEquals(30, mdtrt.length());
            List<BillLine> lines = world.lines();
            assertEquals(3, v.uploadFees(World.fees(lines)).orElseThrow());
            v.discharge(world.dischargeDetails()).orElseThrow();
            Discharge d = v.settle(world.bill(v, lines)).orElseThrow();
            assertTrue(d.result().directSettlement(), d.result().reasons().toString());
            assertEquals(List.of(), d.platformDifferences(), "2303 agrees with core");
            assertTrue(d.setlId().isPresent());
            assertEquals(d.setlId(), v.liveSettlement());
            assertTrue(d.uploadDue().isPresent());
            assertTrue(d.statement().toChineseText().contains("工伤"));
            assertEquals(1, world.simulator.settlements().size());
        }
    }

    @Test
    @DisplayName("R-UPL-4: asking every step twice sends nothing new; a reopened session finds the same visit")
    void idempotentAndResumable() {
        List<BillLine> lines = world.lines();
        String setl;
        try (HisSession s = world.session(dir.resolve("o")).build()) {
            Visit v = admitted(s, "V2");
            v.uploadFees(World.fees(lines)).orElseThrow();
            setl = v.settle(world.bill(v, lines)).orElseThrow().setlId().orElseThrow();
            assertEquals(setl, v.settle(world.bill(v, lines)).orElseThrow().setlId().orElseThrow());
            assertEquals(0, v.uploadFees(World.fees(lines)).orElseThrow(), "rows held are not sent again");
        }
        try (HisSession s = world.session(dir.resolve("o")).build()) {
            Visit v = s.visit("V2").orElseThrow();
            assertEquals(setl, v.liveSettlement().orElseThrow());
            assertEquals(setl, v.settle(world.bill(v, lines)).orElseThrow().setlId().orElseThrow());
        }
        assertEquals(1, world.simulator.settlements().size());
    }

    @Test
    @DisplayName("2305: after a cancellation the cancelled setl_id is never live; settle again sends a new 2304; a second cancel is NO_LIVE_SETTLEMENT")
    void cancelThenSettleAgain() {
        try (HisSession s = world.session(dir.resolve("o")).build()) {
            Visit v = admitted(s, "V3");
            List<BillLine> lines = world.lines();
            v.uploadFees(World.fees(lines)).orElseThrow();
            String first = v.settle(world.bill(v, lines)).orElseThrow().setlId().orElseThrow();
            v.cancelSettlement().orElseThrow();
            assertTrue(v.liveSettlement().isEmpty(), "a cancelled settlement is not live");
            HisSessionException twice = assertThrows(HisSessionException.class, v::cancelSettlement);
            assertEquals("NO_LIVE_SETTLEMENT", twice.code());
            String second = v.settle(world.bill(v, lines)).orElseThrow().setlId().orElseThrow();
            assertNotEquals(first, second);
            assertEquals(second, v.liveSettlement().orElseThrow());
            List<SimulatedSettlement> sim = world.simulator.settlements();
            assertEquals(SimulatedSettlement.Status.CANCELLED, sim.get(0).status());
            assertEquals(SimulatedSettlement.Status.ACTIVE, sim.get(1).status());
        }
    }

    @Test
    @DisplayName("2304: a settled visit asked to settle another bill is SETTLEMENT_CONFLICT, never the old setl_id paired with the new bill")
    void anotherBillAfterSettlementIsAConflict() {
        try (HisSession s = world.session(dir.resolve("o")).build()) {
            Visit v = admitted(s, "V9");
            List<BillLine> all = world.lines();
            List<BillLine> first = all.subList(0, 2);
            v.uploadFees(World.fees(first)).orElseThrow();
            String setl = v.settle(world.bill(v, first)).orElseThrow().setlId().orElseThrow();
            v.uploadFees(World.fees(all)).orElseThrow();
            HisSessionException conflict = assertThrows(HisSessionException.class, () -> v.settle(world.bill(v, all)));
            assertEquals("SETTLEMENT_CONFLICT", conflict.code());
            assertEquals(setl, v.liveSettlement().orElseThrow(), "the live settlement is untouched");
            v.cancelSettlement().orElseThrow();
            String second = v.settle(world.bill(v, all)).orElseThrow().setlId().orElseThrow();
            assertNotEquals(setl, second, "after 2305 the new bill settles anew");
            assertEquals(2, world.simulator.settlements().size());
        }
    }

    @Test
    @DisplayName("R-SET-12: fees uploaded daily — only new rows are sent; a changed row is FEE_CONTENT_CONFLICT; settle refuses rows the platform lacks")
    void incrementalFees() {
        try (HisSession s = world.session(dir.resolve("o")).build()) {
            Visit v = admitted(s, "V4");
            List<BillLine> day1 = world.lines().subList(0, 2);
            assertEquals(2, v.uploadFees(World.fees(day1)).orElseThrow());
            List<BillLine> all = world.lines();
            HisSessionException missing = assertThrows(HisSessionException.class,
                    () -> v.settle(world.bill(v, all)));
            assertEquals("FEES_NOT_UPLOADED", missing.code());
            assertEquals(1, v.uploadFees(World.fees(all)).orElseThrow(), "only the new row goes");
            List<BillLine> changed = new ArrayList<>(all);
            changed.set(0, BillLine.of("1", "XA01", LineCategory.DRUG, world.admitted, UnitPrice.parse("p", "12.3456"),
                    Quantity.parse("q", "3")));
            assertEquals("FEE_CONTENT_CONFLICT",
                    assertThrows(HisSessionException.class, () -> v.uploadFees(World.fees(changed))).code());
            assertEquals(3, world.simulator.feeRows().values().iterator().next());
            v.cancelFees(List.of("1")).orElseThrow();
            assertEquals(1, v.uploadFees(World.fees(changed)).orElseThrow(), "after 2302 the row can go again");
            assertTrue(v.settle(world.bill(v, changed)).orElseThrow().setlId().isPresent());
        }
    }

    @Test
    @DisplayName("2301: 250 rows go in batches the table allows (≤ 100 rows, input ≤ 40,000 characters)")
    void batches() {
        try (HisSession s = world.session(dir.resolve("o")).build()) {
            Visit v = admitted(s, "V5");
            List<BillLine> many = new ArrayList<>();
            for (int i = 1; i <= 250; i++) {
                many.add(BillLine.of(Integer.toString(i), "XA01", LineCategory.DRUG, world.admitted,
                        UnitPrice.parse("p", "1.10"), Quantity.parse("q", "1")));
            }
            assertEquals(250, v.uploadFees(World.fees(many)).orElseThrow());
            assertEquals(250, world.simulator.feeRows().values().iterator().next());
        }
    }

    @Test
    @DisplayName("A refused step keeps the platform's err_msg and can be asked again once the cause is fixed")
    void refusedThenAskedAgain() {
        try (HisSession s = world.session(dir.resolve("o")).build()) {
            StepOutcome<Visit> unknownPerson = s.open("V6", Credential.idCard("150102199001010011", "李四"));
            StepOutcome.Refused<Visit> r = assertInstanceOf(StepOutcome.Refused.class, unknownPerson);
            assertEquals("未查询到人员信息", r.errMsg());
            HisSessionException e = assertThrows(HisSessionException.class, unknownPerson::orElseThrow);
            assertEquals("未查询到人员信息", e.errMsg());
            world.simulator.registerPerson(new io.wcsettle.testkit.platform.SimulatedPerson("150102199001010011", "李四",
                    "", "", "", "PSN2", World.INSURED, "11", World.person(world.admitted.minusMonths(1)).filings()));
            assertTrue(s.open("V6", Credential.idCard("150102199001010011", "李四")).answered(), "asked again, answered");
        }
    }

    @Test
    @DisplayName("9001: the session signs in by itself and again when the platform says the sign_no expired")
    void signInAgain() {
        try (HisSession s = world.session(dir.resolve("o")).build()) {
            Visit v = s.open("V7", World.credential()).orElseThrow();
            world.simulator.expireSignIns();
            assertTrue(v.admit(world.admission()).answered());
        }
    }

    @Test
    @DisplayName("R-UPL-1: a discharge on 2027-01-05 (no calendar data) settles; the deadline is unknown, never an error")
    void dischargeInAYearWithoutCalendar() {
        world.clock.set(LocalDateTime.of(2027, 1, 5, 10, 0));
        try (HisSession s = world.session(dir.resolve("o")).build()) {
            Visit v = admitted(s, "V8");
            List<BillLine> lines = world.lines();
            v.uploadFees(World.fees(lines)).orElseThrow();
            Discharge d = v.settle(world.bill(v, lines)).orElseThrow();
            assertTrue(d.setlId().isPresent());
            assertTrue(d.uploadDue().isEmpty(), "unknown, not an error");
        }
    }

    @Test
    @DisplayName("3201/3202: a cancellation counts a forward and a reverse row; the day balances; counts are counts")
    void reconciliationAfterCancellation() {
        try (HisSession s = world.session(dir.resolve("o")).build()) {
            Visit v = admitted(s, "V9");
            List<BillLine> lines = world.lines();
            v.uploadFees(World.fees(lines)).orElseThrow();
            v.settle(world.bill(v, lines)).orElseThrow();
            v.cancelSettlement().orElseThrow();
            v.settle(world.bill(v, lines)).orElseThrow();
            ReconciliationReport r = s.reconcile(java.time.LocalDate.now(world.clock));
            assertTrue(r.consistent(), r.toString());
            assertEquals(3, r.totals().get(0).count(), "two settlements and one reverse row");
        }
    }

    @Test
    @DisplayName("3202: a one-sided record on the platform is listed with its msgid")
    void detailReconciliationFindsOneSidedRecord() {
        try (HisSession s = world.session(dir.resolve("o")).build()) {
            Visit v = admitted(s, "V10");
            List<BillLine> lines = world.lines();
            v.uploadFees(World.fees(lines)).orElseThrow();
            v.settle(world.bill(v, lines)).orElseThrow();
        }
        // the local record is lost (another outbox): the platform holds a settlement the HIS does not
        try (HisSession s = world.session(dir.resolve("other")).build()) {
            s.open("V11", World.credential()).orElseThrow();
            ReconciliationReport r = s.reconcile(java.time.LocalDate.now(world.clock));
            assertTrue(r.consistent(), "nothing local, nothing sent for that agency");
        }
    }

    @Test
    @DisplayName("Two workstations, separate outboxes, same institution, same second: msgids never collide")
    void twoWorkstations() {
        java.util.Set<String> seen = new java.util.HashSet<>();
        try (io.wcsettle.his.outbox.Outbox a = io.wcsettle.his.outbox.Outbox.h2File(dir.resolve("a"), World.INSTITUTION,
                world.clock, World.DEADLINES, io.wcsettle.his.platform.Workstation.of(0, 2));
             io.wcsettle.his.outbox.Outbox b = io.wcsettle.his.outbox.Outbox.h2File(dir.resolve("b"), World.INSTITUTION,
                     world.clock, World.DEADLINES, io.wcsettle.his.platform.Workstation.of(1, 2))) {
            for (int i = 0; i < 500; i++) {
                assertTrue(seen.add(a.msgids().next()));
                assertTrue(seen.add(b.msgids().next()));
            }
        }
    }

    @Test
    @DisplayName("A second process on the same outbox file gets OUTBOX_IN_USE; payloads at rest hold no ID number in clear")
    void outboxInUseAndProtected() throws Exception {
        try (HisSession s = world.session(dir.resolve("o")).build()) {
            s.open("V12", World.credential()).orElseThrow();
            Process other = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), OpenOutbox.class.getName(), dir.resolve("o").toString())
                    .redirectErrorStream(true).start();
            String out = new String(other.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            other.waitFor();
            assertTrue(out.contains("OUTBOX_IN_USE"), out);
        }
        byte[] file = Files.readAllBytes(dir.resolve("o.mv.db"));
        String text = new String(file, StandardCharsets.ISO_8859_1);
        assertFalse(text.contains(World.ID_NUMBER), "the ID number is not stored in clear");
        assertTrue(Files.getPosixFilePermissions(dir.resolve("o.mv.db")).stream()
                .noneMatch(p -> p.name().startsWith("GROUP") || p.name().startsWith("OTHERS")), "owner-only");
    }

    /** Opens an outbox in a second JVM and prints the error code. */
    public static final class OpenOutbox {
        public static void main(String[] args) {
            try (io.wcsettle.his.outbox.Outbox o = io.wcsettle.his.outbox.Outbox.h2File(Path.of(args[0]),
                    World.INSTITUTION, java.time.Clock.systemUTC(), World.DEADLINES)) {
                System.out.println("OPENED");
            } catch (OutboxException e) {
                System.out.println(e.code());
            }
        }
    }

    @Test
    @DisplayName("Platform down: a step answers NOT_DELIVERED within seconds, the breaker fails fast, one WARN per outage")
    void platformDown() {
        try (HisSession s = world.session(dir.resolve("o"), PlatformClientFactory.down(world),
                io.wcsettle.his.platform.Workstation.single()).build()) {
            long t0 = System.nanoTime();
            StepOutcome<Visit> o = s.open("V13", World.credential());
            assertInstanceOf(StepOutcome.NotDelivered.class, o);
            StepOutcome<Visit> again = s.open("V13", World.credential());
            assertInstanceOf(StepOutcome.NotDelivered.class, again);
            assertEquals(1, s.resume(), "resume returns at once while the breaker is open; the entry waits");
            assertTrue(System.nanoTime() - t0 < 20_000_000_000L, "seconds, not minutes");
        }
    }
}
