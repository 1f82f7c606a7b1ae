package io.wcsettle.his.outbox;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.wcsettle.his.platform.PlatformFixture;
import io.wcsettle.testkit.platform.Fault;

/**
 * PROTOCOL.md "Security": logs carry msgid and infno, never names, ID or card numbers, keys,
 * signatures or {@code dev_safe_info}. Runs a settlement through faults and a reversal at DEBUG
 * and inspects everything logged.
 */
class LogHygieneTest {

    private static final String NAME = "王小明";
    private static final String OPERATOR = "张操作员";
    private static final String ID_NUMBER = "110101199003071234";
    private static final String CARD_NUMBER = "K98765432";
    private static final String CARD_SN = "110100D15600000500BF7C7A48FB4966";

    @TempDir
    Path dir;

    @Test
    @DisplayName("Security: logs name msgid and infno, never names, ID or card numbers, keys, cainfo or dev_safe_info")
    void logsCarryNoPersonalDataOrSecrets() {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        String msgid;
        try (PlatformFixture f = new PlatformFixture()) {
            System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
            try (Outbox outbox = Outbox.h2File(dir.resolve("outbox"), PlatformFixture.INSTITUTION, f.clock,
                    OutboxFixtures.DEADLINES, PlatformFixture.OUTBOX_WORKSTATION)) {
                OutboxRelay relay = new OutboxRelay(outbox, f.client().build(), f.signedHeader());
                f.simulator.faults().next(Fault.CORRUPT_SIGNATURE, Fault.HTTP_500, Fault.DROP_AFTER_COMMIT);
                msgid = outbox.enqueue(new NewMessage("B1", "2401", "150102", PlatformFixture.admissionInput("B1"), null, null, null)).msgid();
                relay.runOnce();
                for (int i = 0; i < 40; i++) {
                    f.simulator.faults().next(Fault.DROP_AFTER_COMMIT);
                }
                outbox.enqueue(new NewMessage("B2", "2401", "150102", PlatformFixture.admissionInput("B2"), null, null, null));
                relay.runOnce();
                f.simulator.faults().clear();
                relay.runOnce();
            }
        } finally {
            System.setErr(original);
        }
        String log = captured.toString(StandardCharsets.UTF_8);
        assertTrue(log.contains("msgid=" + msgid), "the log is really captured and names the msgid");
        assertTrue(log.contains("infno=2401"));
        assertTrue(log.contains("infno=2601") || log.contains("reversed"), "reversal path was logged");
        for (String secret : List.of(NAME, OPERATOR, io.wcsettle.his.session.World.ID_NUMBER, io.wcsettle.his.session.World.NAME, "李医生", ID_NUMBER, CARD_NUMBER, CARD_SN, "SAFE-SECRET-INFO",
                "psn_name", "cainfo", "PRIVATE KEY",
                Base64.getEncoder().encodeToString(PlatformFixture.HIS_KEYS.getPublic().getEncoded()).substring(0, 40))) {
            assertFalse(log.contains(secret), "log leaks " + secret);
        }
        assertFalse(Pattern.compile("[A-Za-z0-9+/]{80,}={0,2}").matcher(log).find(), "no Base64 signature or key in logs");
    }
}
