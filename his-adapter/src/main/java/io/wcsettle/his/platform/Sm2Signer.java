package io.wcsettle.his.platform;

import java.security.PrivateKey;
import java.security.SecureRandom;
import java.util.Objects;

import org.bouncycastle.crypto.CryptoException;
import org.bouncycastle.crypto.params.ParametersWithID;
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.bouncycastle.crypto.signers.PlainDSAEncoding;
import org.bouncycastle.crypto.signers.SM2Signer;

/**
 * SM3withSM2 signing with an in-memory key through Bouncy Castle's lightweight API; the
 * signature is the 64-byte {@code r‖s} (PROTOCOL.md "Security"). Thread-safe: each thread
 * keeps one initialised BC signer, so the user-id digest {@code Z} is computed once.
 */
public final class Sm2Signer implements Signer {

    private final ThreadLocal<SM2Signer> signers;

    /**
     * Signs with {@code privateKey} under the default user id {@code 1234567812345678}.
     *
     * @throws PlatformException {@code INVALID_KEY} for a missing or non-EC key, {@code KEY_WRONG_CURVE}
     *                           for a key on another curve than {@code sm2p256v1} (NIST P-256 …)
     */
    public Sm2Signer(PrivateKey privateKey, SecureRandom random) {
        this(privateKey, random, Sm2.DEFAULT_USER_ID);
    }

    /**
     * Signs with {@code privateKey} under {@code userId}.
     *
     * @throws PlatformException {@code INVALID_KEY}, {@code KEY_WRONG_CURVE} as above
     */
    public Sm2Signer(PrivateKey privateKey, SecureRandom random, byte[] userId) {
        var params = new ParametersWithID(
                new ParametersWithRandom(Sm2.privateParameters(privateKey, "privateKey"), Objects.requireNonNull(random)),
                Objects.requireNonNull(userId, "userId").clone());
        this.signers = ThreadLocal.withInitial(() -> {
            SM2Signer s = new SM2Signer(PlainDSAEncoding.INSTANCE);
            s.init(true, params);
            return s;
        });
    }

    @Override
    public byte[] sign(byte[] message) {
        SM2Signer s = signers.get();
        s.update(message, 0, message.length);
        try {
            return s.generateSignature();
        } catch (CryptoException e) {
            s.reset();
            throw new PlatformException(PlatformErrorCode.CRYPTO_FAILURE, null, "SM2 signing failed", e);
        }
    }
}
