package io.wcsettle.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.EnumSet;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local access token: made once, owner-only, compared exactly. */
class AccessTokenTest {

    @TempDir
    Path dir;

    @Test
    @DisplayName("made at first start into a file only the owner can read (600); the next start reads the same token")
    void madeOnceOwnerOnly() throws Exception {
        Path f = dir.resolve("sub/gateway.token");
        AccessToken t = AccessToken.loadOrCreate(f, new SecureRandom());
        assertEquals(EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE),
                Files.getPosixFilePermissions(f));
        String token = Files.readString(f).strip();
        assertTrue(token.length() >= 43, "32 random bytes, base64url");
        assertTrue(t.accepts("Bearer " + token));
        assertFalse(t.toString().contains(token));
        AccessToken again = AccessToken.loadOrCreate(f, new SecureRandom());
        assertTrue(again.accepts("Bearer " + token));
        assertFalse(AccessToken.loadOrCreate(dir.resolve("other.token"), new SecureRandom()).accepts("Bearer " + token),
                "another file, another token");
    }

    @Test
    @DisplayName("only 'Bearer <the token>' is accepted: not a prefix, not an extension, not another scheme")
    void acceptsExactlyTheToken() {
        AccessToken t = AccessToken.loadOrCreate(dir.resolve("t"), new SecureRandom());
        String token = t.file().toFile().exists() ? read(t.file()) : "";
        for (String bad : new String[] {null, "", "Bearer", "Bearer ", "Bearer " + token.substring(1),
                "Bearer " + token + "A", "Basic " + token, token, "Bearer " + token.toUpperCase()}) {
            assertFalse(t.accepts(bad), String.valueOf(bad));
        }
        assertTrue(t.accepts("bearer " + token));
        assertTrue(t.accepts("Bearer  " + token + " "));
    }

    private static String read(Path p) {
        try {
            return Files.readString(p).strip();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    @DisplayName("a token file group or others can read is refused, naming token.file; so is one without a token")
    void refusesAnOpenFile() throws Exception {
        Path f = dir.resolve("open.token");
        Files.writeString(f, "abcdefghijklmnopqrstuvwxyz012345\n");
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-r--r--"));
        GatewayException e = assertThrows(GatewayException.class, () -> AccessToken.loadOrCreate(f, new SecureRandom()));
        assertEquals("token.file", e.field());
        assertEquals(GatewayErrorCode.CONFIG_INVALID, e.gatewayCode());
        assertFalse(e.getMessage().contains("abcdefghijklmnopqrstuvwxyz012345"), "the message never shows the token");
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-------"));
        Files.writeString(f, "short\n");
        assertEquals("token.file", assertThrows(GatewayException.class,
                () -> AccessToken.loadOrCreate(f, new SecureRandom())).field());
    }
}
