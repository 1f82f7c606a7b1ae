package io.wcsettle.his.platform;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Provider;

import org.bouncycastle.asn1.gm.GMNamedCurves;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.jcajce.provider.asymmetric.util.ECUtil;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/** SM2 constants and key conversions shared by the signer, verifier and key loader. */
final class Sm2 {

    /** GM/T 0009 default user id, used unless the profile says otherwise. */
    static final byte[] DEFAULT_USER_ID = "1234567812345678".getBytes(StandardCharsets.US_ASCII);
    static final X9ECParameters CURVE = GMNamedCurves.getByName("sm2p256v1");
    static final Provider BC = new BouncyCastleProvider();

    private Sm2() {
    }

    static AsymmetricKeyParameter privateParameters(PrivateKey key) {
        try {
            return ECUtil.generatePrivateKeyParameter(key);
        } catch (InvalidKeyException | RuntimeException e) {
            throw new PlatformException(PlatformErrorCode.INVALID_KEY, null, "not an SM2 private key", e);
        }
    }

    static AsymmetricKeyParameter publicParameters(PublicKey key) {
        try {
            return ECUtil.generatePublicKeyParameter(key);
        } catch (InvalidKeyException | RuntimeException e) {
            throw new PlatformException(PlatformErrorCode.INVALID_KEY, null, "not an SM2 public key", e);
        }
    }
}
