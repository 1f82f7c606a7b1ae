package io.wcsettle.his.platform;

import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.Signature;
import java.util.Objects;

import org.bouncycastle.crypto.signers.PlainDSAEncoding;
import org.bouncycastle.crypto.signers.StandardDSAEncoding;
import org.bouncycastle.jcajce.spec.SM2ParameterSpec;

/**
 * SM3withSM2 signing through any JCA provider that offers {@code SM3withSM2} (a hardware
 * module, a PKCS#11 bridge, Bouncy Castle). DER signatures are converted to {@code r‖s}.
 */
public final class JcaSigner implements Signer {

    private final PrivateKey key;
    private final Provider provider;
    private final byte[] userId;

    /**
     * Signs with {@code key} through {@code provider} under the default user id.
     *
     * @throws PlatformException {@code INVALID_KEY}, {@code KEY_WRONG_CURVE} as in
     *                           {@link #JcaSigner(PrivateKey, Provider, byte[])}
     */
    public JcaSigner(PrivateKey key, Provider provider) {
        this(key, provider, Sm2.DEFAULT_USER_ID);
    }

    /**
     * Signs with {@code key} through {@code provider} under {@code userId}. A key whose curve
     * parameters are visible must be on {@code sm2p256v1}; an opaque key (a hardware module's
     * handle) is left to its provider.
     *
     * @throws PlatformException {@code INVALID_KEY} for a missing or non-EC key, {@code KEY_WRONG_CURVE}
     *                           for a key on another curve
     */
    public JcaSigner(PrivateKey key, Provider provider, byte[] userId) {
        Sm2.requireSm2(key, "privateKey");
        this.key = key;
        this.provider = Objects.requireNonNull(provider, "provider");
        this.userId = Objects.requireNonNull(userId, "userId").clone();
    }

    /**
     * Signs with {@code key} through Bouncy Castle's JCA provider.
     *
     * @throws PlatformException {@code INVALID_KEY}, {@code KEY_WRONG_CURVE} as above
     */
    public static JcaSigner bouncyCastle(PrivateKey key) {
        return new JcaSigner(key, Sm2.BC);
    }

    @Override
    public byte[] sign(byte[] message) {
        try {
            Signature s = Signature.getInstance("SM3withSM2", provider);
            s.setParameter(new SM2ParameterSpec(userId));
            s.initSign(key);
            s.update(message);
            byte[] der = s.sign();
            BigInteger n = Sm2.CURVE.getN();
            BigInteger[] rs = StandardDSAEncoding.INSTANCE.decode(n, der);
            return PlainDSAEncoding.INSTANCE.encode(n, rs[0], rs[1]);
        } catch (GeneralSecurityException | IOException e) {
            throw new PlatformException(PlatformErrorCode.CRYPTO_FAILURE, null, "SM2 signing failed", e);
        }
    }
}
