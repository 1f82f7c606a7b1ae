package io.wcsettle.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.wcsettle.his.platform.Sm2Keys;

class WcsettleCliTest {

    /** A Java exception class name, qualified or simple. */
    static final Pattern CLASS_NAME = Pattern.compile("\\b(?:[a-z]+\\.)+[A-Z]\\w*\\b|\\b[A-Z][a-z]\\w*(?:Exception|Error)\\b");

    @TempDir
    Path dir;

    @Test
    @DisplayName("CLI: bad arguments exit non-zero")
    void badArguments_exitNonZero() {
        assertNotEquals(0, WcsettleCli.execute());
        assertNotEquals(0, WcsettleCli.execute("no-such-command"));
        assertNotEquals(0, WcsettleCli.execute("conformance"));
        assertNotEquals(0, WcsettleCli.execute("conformance", "/definitely/not/a/dir"));
        assertNotEquals(0, WcsettleCli.execute("simulate", "--port", "99999"));
        assertNotEquals(0, WcsettleCli.execute("simulate", "--port", "eighty"));
    }

    @Test
    @DisplayName("CLI: --help exits 0")
    void help_exitsZero() {
        assertEquals(0, WcsettleCli.execute("--help"));
        assertEquals(0, WcsettleCli.execute("conformance", "--help"));
        assertEquals(0, WcsettleCli.execute("simulate", "--help"));
    }

    /** One {@code error:} line, then one {@code try '… --help'} hint; no usage dump, no class names. */
    static void assertUsageError(CliRun r, String contains) {
        List<String> lines = r.errLines();
        assertEquals(2, r.code(), r.err());
        assertEquals(2, lines.size(), r.err());
        assertTrue(lines.get(0).startsWith("error: ") && lines.get(0).contains(contains), r.err());
        assertTrue(lines.get(1).startsWith("try 'wcsettle") && lines.get(1).contains(" --help'"), r.err());
        assertFalse(CLASS_NAME.matcher(r.err()).find(), r.err());
        assertFalse(r.err().contains("Usage:"), r.err());
    }

    @Test
    @DisplayName("CLI: a usage error is one error line and one hint, not picocli's usage (issue 17)")
    void usageErrors_oneLinePlusHint() {
        assertUsageError(CliRun.of(), "a subcommand is required");
        assertUsageError(CliRun.of("no-such-command"), "no-such-command");
        assertUsageError(CliRun.of("clear"), "FILE.csv");
        assertUsageError(CliRun.of("clear", "--format", "xml", "x.csv"), "xml");
        assertUsageError(CliRun.of("clear", "x.csv", "--no-such-option"), "--no-such-option");
        assertUsageError(CliRun.of("simulate", "--port", "eighty"), "eighty");
        assertUsageError(CliRun.of("simulate", "--port", "99999"), "--port must be 0..65535");
        assertUsageError(CliRun.of("card", "read", "--timeout", "ten seconds"), "--timeout");
        assertUsageError(CliRun.of("conformance"), "DIR");
        assertUsageError(CliRun.of("clear", "bad\0path.csv"), "bad");
        assertTrue(CliRun.of("clearr").errLines().get(1).contains("did you mean clear"), CliRun.of("clearr").err());
    }

    @Test
    @DisplayName("CLI: a failure names the file, never a raw Java exception class (issue 17)")
    void failures_nameTheFile() throws IOException {
        CliRun r = CliRun.of("clear", dir.resolve("none.csv").toString());
        // the clearing reader's own typed error (IO_FAILURE naming the file), one line
        assertEquals(List.of("error: IO_FAILURE [file]: " + dir.resolve("none.csv") + ": no such file"), r.errLines());
        r = CliRun.of("conformance", dir.resolve("none").toString());
        assertEquals(List.of("error: no such file: " + dir.resolve("none")), r.errLines());
        Path file = Files.writeString(dir.resolve("plain.txt"), "x");
        r = CliRun.of("conformance", file.toString());
        assertEquals(List.of("error: not a directory: " + file), r.errLines());
        r = CliRun.of("simulate", "--keys-dir", file.toString());
        assertEquals(List.of("error: file already exists: " + file), r.errLines());
        Path garbage = Files.writeString(dir.resolve("his.pem"), "-----BEGIN PUBLIC KEY-----\n!!!!\n-----END PUBLIC KEY-----\n");
        r = CliRun.of("simulate", "--keys-dir", dir.resolve("keys").toString(), "--his-public-key", garbage.toString());
        assertEquals(1, r.errLines().size(), r.err());
        assertTrue(r.err().startsWith("error: not an SM2 public key in PEM: " + garbage), r.err());
        assertFalse(CLASS_NAME.matcher(r.err()).find(), r.err());
    }

    @Test
    @DisplayName("CLI: --verbose anywhere on the line prints the stack trace, after the subcommand too (issue 17)")
    void verbose_anywhere() {
        String missing = dir.resolve("none.csv").toString();
        for (String[] args : new String[][] {{"--verbose", "clear", missing}, {"clear", missing, "--verbose"},
            {"clear", "--verbose", missing}}) {
            CliRun r = CliRun.of(args);
            assertEquals(2, r.code());
            assertTrue(r.errLines().get(0).equals("error: IO_FAILURE [file]: " + missing + ": no such file"), r.err());
            assertTrue(r.err().contains("\tat "), String.join(" ", args) + ": " + r.err());
        }
        assertFalse(CliRun.of("clear", missing).err().contains("\tat "));
        assertFalse(CliRun.of("clear", "--", "--verbose").err().contains("\tat "));
    }

    @Test
    @DisplayName("CLI: a port in use is one line naming the port, not 'UncheckedIOException: cannot start' (issue 17)")
    void portInUse_namesThePort() throws Exception {
        KeyPair his = Sm2Keys.generate(new SecureRandom());
        Path pem = Files.writeString(dir.resolve("his-public.pem"), Sm2Keys.toPem(his.getPublic()));
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();
            CliRun r = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> CliRun.of("simulate", "--port",
                    Integer.toString(port), "--keys-dir", dir.resolve("keys").toString(), "--his-public-key", pem.toString()));
            assertEquals(2, r.code(), r.err());
            assertEquals(1, r.errLines().size(), r.err());
            assertTrue(r.err().startsWith("error: cannot listen on 127.0.0.1:" + port), r.err());
        }
    }

    @Test
    @DisplayName("CLI: error lines strip Java class names from any message")
    void oneLine_stripsClassNames() {
        assertEquals("Nul character not allowed: a", WcsettleCli.oneLine("java.nio.file.InvalidPathException: Nul character not allowed: a"));
        assertEquals("bad key", WcsettleCli.oneLine("org.bouncycastle.util.encoders.DecoderException: bad key"));
        assertEquals("no such file: a\\nb", WcsettleCli.describe(new java.nio.file.NoSuchFileException("a\nb")));
        assertEquals("INVALID_KEY [pem]: not SM2", WcsettleCli.oneLine("INVALID_KEY [pem]: not SM2"));
    }
}
