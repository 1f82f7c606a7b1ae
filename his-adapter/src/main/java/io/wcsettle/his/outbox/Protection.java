package io.wcsettle.his.outbox;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Personal data at rest: the stored request and answer payloads (names, ID and card numbers) are
 * sealed with AES-256-GCM under a key the integrator holds, so a copied outbox file shows no
 * social-security number in clear. Sealed text is {@code wcs1:} + Base64(nonce ‖ ciphertext ‖ tag);
 * unsealed text from before protection was switched on still reads.
 */
public final class Protection {

    private static final String PREFIX = "wcs1:";
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private final SecretKeySpec key;
    private final SecureRandom random;

    private Protection(byte[] key) {
        if (key == null || key.length != 32) {
            throw new OutboxException(OutboxErrorCode.PROTECTION_KEY, "key", "an AES-256 key is 32 bytes");
        }
        this.key = new SecretKeySpec(key.clone(), "AES");
        this.random = new SecureRandom();
    }

    /** Protection under a 32-byte key the integrator keeps (a key store, an HSM export, a vault). */
    public static Protection withKey(byte[] key) {
        return new Protection(key);
    }

    /**
     * Protection under the key in {@code keyFile}, created owner-only ({@code rw-------}) with a fresh
     * random key when it does not exist yet. Back the key file up with the outbox: without it the
     * stored payloads cannot be read.
     */
    public static Protection keyFile(Path keyFile) {
        try {
            if (!Files.exists(keyFile)) {
                byte[] k = new byte[32];
                new SecureRandom().nextBytes(k);
                try {
                    Files.createFile(keyFile, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
                } catch (UnsupportedOperationException e) {
                    Files.createFile(keyFile);
                } catch (FileAlreadyExistsException e) {
                    return keyFile(keyFile); // another process created it first
                }
                Files.writeString(keyFile, Base64.getEncoder().encodeToString(k), StandardCharsets.US_ASCII);
            }
            return new Protection(Base64.getDecoder().decode(Files.readString(keyFile, StandardCharsets.US_ASCII).trim()));
        } catch (IOException | IllegalArgumentException e) {
            throw new OutboxException(OutboxErrorCode.PROTECTION_KEY, "keyFile",
                    "cannot read or create the key file " + keyFile + " (" + e.getClass().getSimpleName() + ")");
        }
    }

    /** Makes {@code file} readable and writable by its owner only, where the file system has POSIX permissions. */
    static void ownerOnly(Path file) {
        try {
            if (Files.exists(file)) {
                Files.setPosixFilePermissions(file, OWNER_ONLY);
            }
        } catch (UnsupportedOperationException | IOException e) {
            // not a POSIX file system: the operator secures the directory
        }
    }

    String seal(String plain) {
        if (plain == null) {
            return null;
        }
        try {
            byte[] nonce = new byte[12];
            random.nextBytes(nonce);
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
            byte[] ct = c.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            byte[] all = new byte[nonce.length + ct.length];
            System.arraycopy(nonce, 0, all, 0, nonce.length);
            System.arraycopy(ct, 0, all, nonce.length, ct.length);
            return PREFIX + Base64.getEncoder().encodeToString(all);
        } catch (GeneralSecurityException e) {
            throw new OutboxException(OutboxErrorCode.PROTECTION_KEY, null, "sealing failed", e);
        }
    }

    static String open(Protection p, String stored) {
        if (stored == null || !stored.startsWith(PREFIX)) {
            return stored;
        }
        if (p == null) {
            throw new OutboxException(OutboxErrorCode.PROTECTION_KEY, null, "a sealed payload and no protection key");
        }
        try {
            byte[] all = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, p.key, new GCMParameterSpec(128, all, 0, 12));
            return new String(c.doFinal(all, 12, all.length - 12), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new OutboxException(OutboxErrorCode.PROTECTION_KEY, null, "the key does not open a stored payload");
        }
    }

    @Override
    public String toString() {
        return "Protection[AES-256-GCM]";
    }
}
