package io.wcsettle.his.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import io.wcsettle.core.calendar.WorkingDayCalendar;
import io.wcsettle.core.money.Fen;
import io.wcsettle.core.policy.RegionalPolicies;
import io.wcsettle.core.upload.UploadDeadlines;
import io.wcsettle.his.platform.CanonicalJson;

/** The outbox's contract, run against every supported database. */
abstract class OutboxContract {

    static final String INSTITUTION = "H11010500001";
    static final UploadDeadlines DEADLINES = new UploadDeadlines(RegionalPolicies.DEFAULT,
            WorkingDayCalendar.chinaOfficial());
    final Clock clock = Clock.systemUTC();
    Outbox outbox;

    /** Opens the outbox on the same database each call (a reopen after a crash). */
    abstract Outbox open();

    @AfterEach
    void closeOutbox() {
        if (outbox != null) {
            outbox.close();
        }
    }

    static NewMessage settlement(String key, LocalDate settledOn) {
        return new NewMessage(key, "2304", "150102",
                CanonicalJson.mapper().createObjectNode().put("psn_no", "P" + key).put("mdtrt_id", key)
                        .put("medfee_sumamt", "12.34").put("fund_pay_sumamt", "10.00"),
                settledOn, Fen.of(1234), Fen.of(1000));
    }

    @Test
    @DisplayName("R-UPL-4: a message is written PENDING with its msgid before sending, and survives a reopen")
    void enqueue_isDurable() {
        outbox = open();
        OutboxEntry e = outbox.enqueue(settlement("B1", null));
        assertEquals(OutboxState.PENDING, e.state());
        assertEquals(30, e.msgid().length());
        assertEquals(1234L, e.medfeeFen());
        outbox.close();
        outbox = open();
        OutboxEntry again = outbox.find(e.msgid()).orElseThrow();
        assertEquals(e, again);
    }

    @Test
    @DisplayName("R-UPL-4: oldestUnfinishedSince is when the oldest PENDING/SENT/UNKNOWN entry was written; empty once all are final")
    void oldestUnfinishedSince() {
        outbox = open();
        assertEquals(Optional.empty(), outbox.oldestUnfinishedSince());
        java.time.Instant before = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        OutboxEntry a = outbox.enqueue(settlement("A1", null));
        java.time.Instant after = clock.instant();
        OutboxEntry b = outbox.enqueue(settlement("B1", null));
        java.time.Instant oldest = outbox.oldestUnfinishedSince().orElseThrow();
        assertTrue(!oldest.isBefore(before) && !oldest.isAfter(after), oldest + " not within the first enqueue");
        outbox.markSent(a.msgid());
        outbox.markUnknown(a.msgid(), "timeout");
        assertEquals(oldest, outbox.oldestUnfinishedSince().orElseThrow(), "UNKNOWN still needs work");
        outbox.markSent(b.msgid());
        outbox.markDone(b.msgid(), "{}");
        assertEquals(oldest, outbox.oldestUnfinishedSince().orElseThrow());
        outbox.markDone(a.msgid(), "{}"); // the query found it committed
        assertEquals(Optional.empty(), outbox.oldestUnfinishedSince(), "all final");
    }

    @Test
    @DisplayName("R-UPL-4: enqueuing the same business key again returns the stored entry, no second msgid")
    void enqueue_isIdempotentByBusinessKey() {
        outbox = open();
        OutboxEntry a = outbox.enqueue(settlement("B1", null));
        outbox.close();
        outbox = open();
        OutboxEntry b = outbox.enqueue(settlement("B1", null));
        assertEquals(a.msgid(), b.msgid());
        assertEquals(1, outbox.all().size());
    }

    @Test
    @DisplayName("R-UPL-4: legal transitions PENDING→SENT→UNKNOWN→REVERSED; illegal ones are ILLEGAL_STATE_TRANSITION (OutboxException)")
    void stateMachine() {
        outbox = open();
        String m = outbox.enqueue(settlement("B1", null)).msgid();
        assertEquals("ILLEGAL_STATE_TRANSITION",
                assertThrows(OutboxException.class, () -> outbox.markDone(m, "{}")).code());
        assertEquals(1, outbox.markSent(m).attempts());
        assertEquals(2, outbox.markSent(m).attempts());
        assertEquals(OutboxState.UNKNOWN, outbox.markUnknown(m, "OUTCOME_UNKNOWN").state());
        assertThrows(OutboxException.class, () -> outbox.markSent(m));
        String r1 = outbox.reversalMsgid(m);
        outbox.close();
        outbox = open();
        assertEquals(r1, outbox.reversalMsgid(m), "the 2601 msgid is stored once and reused");
        assertNotEquals(m, r1);
        OutboxEntry redo = outbox.markResolved(m, Resolution.REVERSED);
        assertEquals(2, redo.generation());
        assertEquals(redo, outbox.markResolved(m, Resolution.REVERSED), "resolving twice returns the same redo");
        assertEquals(OutboxState.REVERSED, outbox.find(m).orElseThrow().state());
        assertEquals("REVERSED", outbox.find(m).orElseThrow().reversalResult());
        assertThrows(OutboxException.class, () -> outbox.markDone(m, "{}"));
    }

    @Test
    @DisplayName("R-UPL-4: once resolved (the platform holds nothing of it) the business is redone under a new msgid, atomically")
    void redo_afterResolution() {
        outbox = open();
        String m = outbox.enqueue(settlement("B1", null)).msgid();
        outbox.markSent(m);
        outbox.markUnknown(m, "OUTCOME_UNKNOWN");
        OutboxEntry redo = outbox.markResolved(m, Resolution.ABANDONED);
        assertNotEquals(m, redo.msgid());
        assertEquals(2, redo.generation());
        assertEquals(OutboxState.PENDING, redo.state());
        assertEquals("B1", redo.businessKey());
        assertEquals(redo.msgid(), outbox.enqueue(settlement("B1", null)).msgid(), "latest generation is returned");
    }

    @Test
    @DisplayName("R-UPL-1: discharge uploads are due within 5 working days of settlement and overdue after")
    void uploadDeadlines() {
        outbox = open();
        // settled Tue 2025-09-30: 5 working days later (National Day holiday) is 2025-10-14
        OutboxEntry e = outbox.enqueue(settlement("B1", LocalDate.parse("2025-09-30")));
        assertEquals(LocalDate.parse("2025-10-14"), e.uploadDue());
        OutboxEntry done = outbox.enqueue(settlement("B2", LocalDate.parse("2025-09-30")));
        outbox.markSent(done.msgid());
        outbox.markDone(done.msgid(), "{}");
        outbox.enqueue(settlement("B3", null));
        assertEquals(List.of(e.msgid()), ids(outbox.uploadsDue(LocalDate.parse("2025-10-14"))));
        assertEquals(List.of(), ids(outbox.uploadsOverdue(LocalDate.parse("2025-10-14"))));
        assertEquals(List.of(e.msgid()), ids(outbox.uploadsOverdue(LocalDate.parse("2025-10-15"))));
        assertEquals(List.of(), ids(outbox.uploadsDue(LocalDate.parse("2025-10-15"))));
    }

    @Test
    @DisplayName("msgid: unique across restarts of the outbox")
    void msgids_uniqueAcrossReopen() {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 4; i++) {
            outbox = open();
            for (int k = 0; k < 5; k++) {
                assertTrue(ids.add(outbox.enqueue(settlement("B" + i + "-" + k, null)).msgid()));
            }
            outbox.close();
        }
        outbox = null;
    }

    static List<String> ids(List<OutboxEntry> es) {
        return es.stream().map(OutboxEntry::msgid).toList();
    }
}
