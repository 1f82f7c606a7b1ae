package io.wcsettle.his.platform;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

import org.bouncycastle.crypto.BufferedBlockCipher;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.engines.SM4Engine;
import org.bouncycastle.crypto.modes.CBCBlockCipher;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.paddings.PKCS7Padding;
import org.bouncycastle.crypto.paddings.PaddedBufferedBlockCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.params.ParametersWithIV;

/**
 * SM4 payload encryption (PROTOCOL.md "Security"): ECB/PKCS7 as in the template, CBC/PKCS7 with
 * a random IV, or GCM with a random nonce (preferred where the profile allows). IV / nonce are
 * prepended to the ciphertext. Thread-safe.
 */
public final class Sm4PayloadCipher implements PayloadCipher {

    /** SM4 block modes. */
    public enum Mode {
        /** ECB with PKCS#7 padding: the national template; no IV, leaks equal blocks. */
        ECB,
        /** CBC with PKCS#7 padding and a random 16-byte IV. */
        CBC,
        /** GCM with a random 12-byte nonce and a 128-bit tag. */
        GCM
    }

    private final byte[] key;
    private final Mode mode;
    private final SecureRandom random;

    /**
     * SM4 with a 16-byte {@code key} in {@code mode}.
     *
     * @throws PlatformException {@code INVALID_KEY} when {@code key} is missing or not 16 bytes
     */
    public Sm4PayloadCipher(byte[] key, Mode mode, SecureRandom random) {
        if (key == null || key.length != 16) {
            throw new PlatformException(PlatformErrorCode.INVALID_KEY, null, "SM4 key must be 16 bytes");
        }
        this.key = key.clone();
        this.mode = Objects.requireNonNull(mode);
        this.random = Objects.requireNonNull(random);
    }

    @Override
    public String encrypt(byte[] plaintext) {
        try {
            return switch (mode) {
                case ECB -> b64(run(new PaddedBufferedBlockCipher(new SM4Engine(), new PKCS7Padding()),
                        true, new KeyParameter(key), plaintext, new byte[0]));
                case CBC -> {
                    byte[] iv = new byte[16];
                    random.nextBytes(iv);
                    yield b64(run(new PaddedBufferedBlockCipher(CBCBlockCipher.newInstance(new SM4Engine()),
                            new PKCS7Padding()), true, new ParametersWithIV(new KeyParameter(key), iv), plaintext, iv));
                }
                case GCM -> {
                    byte[] nonce = new byte[12];
                    random.nextBytes(nonce);
                    GCMBlockCipher gcm = (GCMBlockCipher) GCMBlockCipher.newInstance(new SM4Engine());
                    gcm.init(true, new AEADParameters(new KeyParameter(key), 128, nonce));
                    byte[] out = new byte[gcm.getOutputSize(plaintext.length)];
                    int n = gcm.processBytes(plaintext, 0, plaintext.length, out, 0);
                    n += gcm.doFinal(out, n);
                    yield b64(concat(nonce, Arrays.copyOf(out, n)));
                }
            };
        } catch (InvalidCipherTextException e) {
            throw new PlatformException(PlatformErrorCode.CRYPTO_FAILURE, null, "SM4 encryption failed", e);
        }
    }

    @Override
    public byte[] decrypt(String ciphertext) {
        try {
            byte[] all = Base64.getDecoder().decode(ciphertext);
            return switch (mode) {
                case ECB -> run(new PaddedBufferedBlockCipher(new SM4Engine(), new PKCS7Padding()),
                        false, new KeyParameter(key), all, new byte[0]);
                case CBC -> {
                    byte[] iv = Arrays.copyOf(all, 16);
                    yield run(new PaddedBufferedBlockCipher(CBCBlockCipher.newInstance(new SM4Engine()),
                            new PKCS7Padding()), false, new ParametersWithIV(new KeyParameter(key), iv),
                            Arrays.copyOfRange(all, 16, all.length), new byte[0]);
                }
                case GCM -> {
                    byte[] nonce = Arrays.copyOf(all, 12);
                    byte[] body = Arrays.copyOfRange(all, 12, all.length);
                    GCMBlockCipher gcm = (GCMBlockCipher) GCMBlockCipher.newInstance(new SM4Engine());
                    gcm.init(false, new AEADParameters(new KeyParameter(key), 128, nonce));
                    byte[] out = new byte[gcm.getOutputSize(body.length)];
                    int n = gcm.processBytes(body, 0, body.length, out, 0);
                    n += gcm.doFinal(out, n);
                    yield Arrays.copyOf(out, n);
                }
            };
        } catch (InvalidCipherTextException | RuntimeException e) {
            throw new PlatformException(PlatformErrorCode.CRYPTO_FAILURE, null, "SM4 payload does not decrypt", e);
        }
    }

    private static byte[] run(BufferedBlockCipher c, boolean encrypt, org.bouncycastle.crypto.CipherParameters p,
                              byte[] in, byte[] prefix) throws InvalidCipherTextException {
        c.init(encrypt, p);
        byte[] out = new byte[c.getOutputSize(in.length)];
        int n = c.processBytes(in, 0, in.length, out, 0);
        n += c.doFinal(out, n);
        return concat(prefix, Arrays.copyOf(out, n));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] r = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }

    private static String b64(byte[] b) {
        return Base64.getEncoder().encodeToString(b);
    }
}
