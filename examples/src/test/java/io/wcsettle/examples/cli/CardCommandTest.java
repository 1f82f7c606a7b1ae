package io.wcsettle.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.wcsettle.examples.WcsettleCli;
import io.wcsettle.his.card.CardErrorCode;
import io.wcsettle.his.card.CardReadException;
import io.wcsettle.his.card.PcscReaders;
import io.wcsettle.testkit.card.PcscDaemon;
import io.wcsettle.testkit.card.SimulatedSocialSecurityCard;
import io.wcsettle.testkit.card.VpcdCard;

class CardCommandTest {

    /** Runs the CLI, returning {exit code, stdout, stderr}. */
    private static Object[] run(String... args) {
        PrintStream savedOut = System.out;
        PrintStream savedErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            code = WcsettleCli.execute(args);
        } finally {
            System.setOut(savedOut);
            System.setErr(savedErr);
        }
        return new Object[] {code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8)};
    }

    @Test
    @DisplayName("Personal data is masked to its first and last character")
    void mask() {
        assertEquals("1****************X", CardCommand.mask("11010519491231002X"));
        assertEquals("张*三", CardCommand.mask("张小三"));
        assertEquals("**", CardCommand.mask("张三"));
    }

    @Test
    @DisplayName("each PC/SC failure gets a hint naming what to install or set")
    void hint_namesWhatToInstall() {
        assertTrue(CardCommand.hint(unavailable("no PC/SC library (x)")).contains("libpcsclite"));
        assertTrue(CardCommand.hint(unavailable("no PC/SC library (x)")).contains("sun.security.smartcardio.library"));
        assertTrue(CardCommand.hint(unavailable("pcscd is not running (SCARD_E_NO_SERVICE)")).contains("pcscd"));
        assertTrue(CardCommand.hint(unavailable("list failed; start the JVM with --add-opens x")).contains("--add-opens"));
        assertTrue(CardCommand.hint(unavailable("no PC/SC reader attached")).contains("reader"));
    }

    private static CardReadException unavailable(String message) {
        return new CardReadException(CardErrorCode.READER_UNAVAILABLE, null, message);
    }

    @Test
    @Tag("pcsc")
    @DisplayName("card read without pcscd: one error line and one hint line, exit 2, no stack trace")
    void read_withoutPcscd_explainsWhatToInstall() {
        assumeTrue(!PcscDaemon.running(), "a pcscd is running: the missing-pcscd message cannot be shown");
        Object[] r = run("card", "read", "--list");
        String err = (String) r[2];
        assertEquals(2, r[0], err);
        String[] lines = err.strip().split("\n");
        assertEquals(2, lines.length, err);
        assertTrue(lines[0].startsWith("error: READER_UNAVAILABLE: "), err);
        assertTrue(lines[1].startsWith("hint: "), err);
        assertTrue(lines[1].contains("pcscd") || lines[1].contains("libpcsclite"), err);
    }

    @Test
    @Tag("pcsc")
    @DisplayName("card read through pcscd + vpcd prints the card with name, ID and card number masked")
    void read_throughPcscd_masksPersonalData() throws Exception {
        String reason = PcscDaemon.unavailableReason().orElse(null);
        assumeTrue(reason == null, () -> "card read end-to-end test skipped: " + reason);
        assumeTrue(PcscReaders.useLibraryIfUnset(PcscDaemon.LIBPCSCLITE), "no libpcsclite: test skipped");
        try (PcscDaemon daemon = PcscDaemon.ensureRunning(Duration.ofSeconds(10));
             VpcdCard card = VpcdCard.insert(SimulatedSocialSecurityCard.builder().build(), "127.0.0.1",
                     VpcdCard.DEFAULT_PORT, Duration.ofSeconds(5))) {
            String reader = PcscReaders.open().names().stream().filter(n -> n.startsWith("Virtual PCD"))
                    .findFirst().orElseThrow();
            Object[] r = run("card", "read", "--reader", reader, "--timeout", "PT5S");
            String out = (String) r[1];
            assertEquals(0, r[0], out + r[2]);
            assertTrue(out.contains("issuing admdvs:         110100"), out);
            assertTrue(out.contains("spec version:           3.00"), out);
            for (String personal : new String[] {"K12345678", "张三", "1949-12-31", "110105"}) {
                assertFalse(out.contains(personal), personal + " in " + out);
            }
            assertFalse(out.contains("11010519491231002"), out);
        }
    }
}
