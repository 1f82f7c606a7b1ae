package io.wcsettle.his.platform;

import java.security.PublicKey;
import java.util.Objects;

import org.bouncycastle.crypto.params.ParametersWithID;
import org.bouncycastle.crypto.signers.PlainDSAEncoding;
import org.bouncycastle.crypto.signers.SM2Signer;

/** SM3withSM2 verification of 64-byte {@code r‖s} signatures with a counterpart's public key. */
public final class Sm2Verifier implements SignatureVerifier {

    private final ThreadLocal<SM2Signer> verifiers;

    /**
     * Verifies with {@code publicKey} under the default user id {@code 1234567812345678}.
     *
     * @throws PlatformException {@code INVALID_KEY} for a missing or non-EC key, {@code KEY_WRONG_CURVE}
     *                           for a key on another curve than {@code sm2p256v1} (NIST P-256 …)
     */
    public Sm2Verifier(PublicKey publicKey) {
        this(publicKey, Sm2.DEFAULT_USER_ID);
    }

    /**
     * Verifies with {@code publicKey} under {@code userId}.
     *
     * @throws PlatformException {@code INVALID_KEY}, {@code KEY_WRONG_CURVE} as above
     */
    public Sm2Verifier(PublicKey publicKey, byte[] userId) {
        var params = new ParametersWithID(Sm2.publicParameters(publicKey, "publicKey"),
                Objects.requireNonNull(userId, "userId").clone());
        this.verifiers = ThreadLocal.withInitial(() -> {
            SM2Signer s = new SM2Signer(PlainDSAEncoding.INSTANCE);
            s.init(false, params);
            return s;
        });
    }

    @Override
    public boolean verify(byte[] message, byte[] signature) {
        if (message == null || signature == null || signature.length != 64) {
            return false;
        }
        SM2Signer s = verifiers.get();
        s.update(message, 0, message.length);
        try {
            return s.verifySignature(signature);
        } catch (RuntimeException e) {
            s.reset();
            return false;
        }
    }
}
