package io.wcsettle.testkit.card;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;

import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;

import io.wcsettle.his.card.CardErrorCode;
import io.wcsettle.his.card.CardReadException;
import io.wcsettle.his.card.Psam;

/**
 * A simulated PSAM sharing a 16-byte key with {@link SimulatedSocialSecurityCard}: the cryptogram is
 * the first 8 bytes of AES-128 over {@code challenge ‖ SHA-256(identification code)[0..8)}. A test
 * double: real PSAMs use the card issuer's algorithms and keys.
 */
public final class SimulatedPsam implements Psam {

    /** The key {@link SimulatedSocialSecurityCard} uses unless told otherwise. */
    public static final byte[] DEFAULT_KEY = "wcsettle-testkit".getBytes(StandardCharsets.US_ASCII);

    private final byte[] key;

    /** A PSAM holding {@code key} (16 bytes). */
    public SimulatedPsam(byte[] key) {
        if (key.length != 16) {
            throw new IllegalArgumentException("key must be 16 bytes");
        }
        this.key = key.clone();
    }

    /** A PSAM holding {@link #DEFAULT_KEY}. */
    public SimulatedPsam() {
        this(DEFAULT_KEY);
    }

    @Override
    public byte[] externalAuthenticationCryptogram(String cardIdentificationCode, byte[] challenge) {
        try {
            return cryptogram(key, cardIdentificationCode, challenge);
        } catch (GeneralSecurityException e) {
            throw new CardReadException(CardErrorCode.PSAM_AUTH_FAILED, "psam", "simulated PSAM failed", e);
        }
    }

    static byte[] cryptogram(byte[] key, String identificationCode, byte[] challenge) throws GeneralSecurityException {
        byte[] diversifier = MessageDigest.getInstance("SHA-256")
                .digest(identificationCode.getBytes(StandardCharsets.US_ASCII));
        byte[] block = new byte[16];
        System.arraycopy(challenge, 0, block, 0, Math.min(8, challenge.length));
        System.arraycopy(diversifier, 0, block, 8, 8);
        Cipher aes = Cipher.getInstance("AES/ECB/NoPadding");
        aes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"));
        return Arrays.copyOf(aes.doFinal(block), 8);
    }
}
