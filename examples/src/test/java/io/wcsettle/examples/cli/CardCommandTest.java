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
import io.wcsettle.his.card.PcscReaders;
import io.wcsettle.testkit.card.PcscDaemon;
import io.wcsettle.testkit.card.SimulatedSocialSecurityCard;
import io.wcsettle.testkit.card.VpcdCard;

class CardCommandTest {

    @Test
    @DisplayName("Personal data is masked to its first and last character")
    void mask() {
        assertEquals("1****************X", CardCommand.mask("11010519491231002X"));
        assertEquals("张*三", CardCommand.mask("张小三"));
        assertEquals("**", CardCommand.mask("张三"));
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
            PrintStream saved = System.out;
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            int code;
            try {
                System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
                code = WcsettleCli.execute("card", "read", "--reader", reader, "--timeout", "PT5S");
            } finally {
                System.setOut(saved);
            }
            String out = bytes.toString(StandardCharsets.UTF_8);
            assertEquals(0, code, out);
            assertTrue(out.contains("issuing admdvs:"), out);
            assertFalse(out.contains("11010519491231002X"), out);
            assertFalse(out.contains("K12345678"), out);
            assertFalse(out.contains("张三"), out);
        }
    }
}
