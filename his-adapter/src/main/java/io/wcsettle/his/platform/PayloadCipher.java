package io.wcsettle.his.platform;

/**
 * Port: optional encryption of the signed {@code input} / {@code output} payload. The signature
 * is always over the plaintext canonical JSON; the envelope then carries the ciphertext as a
 * Base64 string.
 */
public interface PayloadCipher {

    /** Base64 ciphertext of {@code plaintext}. */
    String encrypt(byte[] plaintext);

    /**
     * The plaintext of Base64 {@code ciphertext}.
     *
     * @throws PlatformException {@code CRYPTO_FAILURE} when it does not decrypt
     */
    byte[] decrypt(String ciphertext);
}
