package io.wcsettle.his.platform;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.Key;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Provider;
import java.security.interfaces.ECKey;
import java.security.spec.ECFieldFp;
import java.security.spec.ECParameterSpec;

import org.bouncycastle.asn1.gm.GMNamedCurves;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECKeyParameters;
import org.bouncycastle.jcajce.provider.asymmetric.util.ECUtil;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * SM2 constants and key conversions shared by the signer, verifier and key loader. Every key that
 * enters is pinned to {@code sm2p256v1} by its curve parameters (field, coefficients, base point,
 * order): a key on another curve is {@code KEY_WRONG_CURVE}, whatever its algorithm is called.
 */
final class Sm2 {

    /** GM/T 0009 default user id, used unless the profile says otherwise. */
    static final byte[] DEFAULT_USER_ID = "1234567812345678".getBytes(StandardCharsets.US_ASCII);
    static final X9ECParameters CURVE = GMNamedCurves.getByName("sm2p256v1");
    static final Provider BC = new BouncyCastleProvider();

    private Sm2() {
    }

    static AsymmetricKeyParameter privateParameters(PrivateKey key, String field) {
        if (key == null) {
            throw new PlatformException(PlatformErrorCode.INVALID_KEY, field, "no private key");
        }
        AsymmetricKeyParameter p;
        try {
            p = ECUtil.generatePrivateKeyParameter(key);
        } catch (InvalidKeyException | RuntimeException e) {
            throw new PlatformException(PlatformErrorCode.INVALID_KEY, field,
                    "not an elliptic-curve private key (" + key.getAlgorithm() + ")");
        }
        return requireCurve(p, field);
    }

    static AsymmetricKeyParameter publicParameters(PublicKey key, String field) {
        if (key == null) {
            throw new PlatformException(PlatformErrorCode.INVALID_KEY, field, "no public key");
        }
        AsymmetricKeyParameter p;
        try {
            p = ECUtil.generatePublicKeyParameter(key);
        } catch (InvalidKeyException | RuntimeException e) {
            throw new PlatformException(PlatformErrorCode.INVALID_KEY, field,
                    "not an elliptic-curve public key (" + key.getAlgorithm() + ")");
        }
        return requireCurve(p, field);
    }

    private static AsymmetricKeyParameter requireCurve(AsymmetricKeyParameter p, String field) {
        if (!(p instanceof ECKeyParameters ec) || !isSm2(ec.getParameters())) {
            throw new PlatformException(PlatformErrorCode.KEY_WRONG_CURVE, field,
                    "the key is not on the SM2 curve sm2p256v1");
        }
        return p;
    }

    /** Whether {@code d} are the domain parameters of {@code sm2p256v1}. */
    static boolean isSm2(ECDomainParameters d) {
        return d != null && d.getCurve().equals(CURVE.getCurve()) && d.getG().equals(CURVE.getG())
                && d.getN().equals(CURVE.getN());
    }

    /**
     * Requires a JCA key to be an SM2 key where its parameters are visible ({@link ECKey}); an opaque
     * key (a hardware module's handle) is left to its provider.
     *
     * @throws PlatformException {@code INVALID_KEY} for {@code null}, {@code KEY_WRONG_CURVE} for another curve
     */
    static void requireSm2(Key key, String field) {
        if (key == null) {
            throw new PlatformException(PlatformErrorCode.INVALID_KEY, field, "no key");
        }
        if (!(key instanceof ECKey ec)) {
            String a = String.valueOf(key.getAlgorithm()).toUpperCase(java.util.Locale.ROOT);
            if (!a.equals("EC") && !a.equals("SM2") && !a.equals("ECDSA")) {
                throw new PlatformException(PlatformErrorCode.INVALID_KEY, field,
                        "not an elliptic-curve key (" + key.getAlgorithm() + ")");
            }
            return;
        }
        ECParameterSpec s = ec.getParams();
        boolean sm2 = s != null && s.getCurve().getField() instanceof ECFieldFp fp
                && fp.getP().equals(CURVE.getCurve().getField().getCharacteristic())
                && s.getCurve().getA().equals(CURVE.getCurve().getA().toBigInteger())
                && s.getCurve().getB().equals(CURVE.getCurve().getB().toBigInteger())
                && s.getGenerator().getAffineX().equals(CURVE.getG().getAffineXCoord().toBigInteger())
                && s.getGenerator().getAffineY().equals(CURVE.getG().getAffineYCoord().toBigInteger())
                && s.getOrder().equals(CURVE.getN());
        if (!sm2) {
            throw new PlatformException(PlatformErrorCode.KEY_WRONG_CURVE, field,
                    "the key is not on the SM2 curve sm2p256v1");
        }
    }
}
