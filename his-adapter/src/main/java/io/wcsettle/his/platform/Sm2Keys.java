package io.wcsettle.his.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.spec.ECGenParameterSpec;

import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;

/**
 * Loads SM2 keys from PKCS#8 / X.509 PEM text or a PKCS#12 keystore, and generates key pairs
 * for tests and simulators. Errors are {@code INVALID_KEY}; key material never appears in
 * messages.
 */
public final class Sm2Keys {

    private Sm2Keys() {
    }

    /** A fresh SM2 ({@code sm2p256v1}) key pair. */
    public static KeyPair generate(SecureRandom random) {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC", Sm2.BC);
            g.initialize(new ECGenParameterSpec("sm2p256v1"), random);
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new PlatformException(PlatformErrorCode.CRYPTO_FAILURE, null, "SM2 key generation failed", e);
        }
    }

    /** The private key of a PKCS#8 ({@code PRIVATE KEY}) or SEC1 ({@code EC PRIVATE KEY}) PEM. */
    public static PrivateKey privateKeyFromPem(String pem) {
        Object o = readPem(pem);
        try {
            JcaPEMKeyConverter c = new JcaPEMKeyConverter().setProvider(Sm2.BC);
            if (o instanceof PrivateKeyInfo info) {
                return c.getPrivateKey(info);
            }
            if (o instanceof PEMKeyPair pair) {
                return c.getKeyPair(pair).getPrivate();
            }
        } catch (IOException e) {
            throw new PlatformException(PlatformErrorCode.INVALID_KEY, null, "unreadable private key PEM", e);
        }
        throw new PlatformException(PlatformErrorCode.INVALID_KEY, null, "PEM holds no private key");
    }

    /** The public key of an X.509 {@code PUBLIC KEY} or {@code CERTIFICATE} PEM. */
    public static PublicKey publicKeyFromPem(String pem) {
        Object o = readPem(pem);
        try {
            JcaPEMKeyConverter c = new JcaPEMKeyConverter().setProvider(Sm2.BC);
            if (o instanceof SubjectPublicKeyInfo info) {
                return c.getPublicKey(info);
            }
            if (o instanceof X509CertificateHolder cert) {
                return c.getPublicKey(cert.getSubjectPublicKeyInfo());
            }
        } catch (IOException e) {
            throw new PlatformException(PlatformErrorCode.INVALID_KEY, null, "unreadable public key PEM", e);
        }
        throw new PlatformException(PlatformErrorCode.INVALID_KEY, null, "PEM holds no public key");
    }

    /** PEM text of {@code key} (PKCS#8 for private keys, X.509 SubjectPublicKeyInfo for public keys). */
    public static String toPem(Key key) {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter w = new JcaPEMWriter(out)) {
            w.writeObject(key instanceof PrivateKey pk ? PrivateKeyInfo.getInstance(pk.getEncoded()) : key);
        } catch (IOException e) {
            throw new PlatformException(PlatformErrorCode.INVALID_KEY, null, "cannot write PEM", e);
        }
        return out.toString();
    }

    /**
     * The key pair stored under {@code alias} in a PKCS#12 keystore (private key and the public
     * key of its certificate).
     */
    public static KeyPair fromPkcs12(InputStream in, char[] password, String alias) {
        try {
            KeyStore ks = KeyStore.getInstance("PKCS12", Sm2.BC);
            ks.load(in, password);
            Key key = ks.getKey(alias, password);
            Certificate cert = ks.getCertificate(alias);
            if (!(key instanceof PrivateKey pk) || cert == null) {
                throw new PlatformException(PlatformErrorCode.INVALID_KEY, "alias", "no private key entry under alias");
            }
            return new KeyPair(cert.getPublicKey(), pk);
        } catch (GeneralSecurityException | IOException e) {
            throw new PlatformException(PlatformErrorCode.INVALID_KEY, null, "unreadable PKCS#12 keystore", e);
        }
    }

    private static Object readPem(String pem) {
        try (PEMParser p = new PEMParser(new StringReader(pem))) {
            Object o = p.readObject();
            if (o == null) {
                throw new PlatformException(PlatformErrorCode.INVALID_KEY, null, "no PEM object found");
            }
            return o;
        } catch (IOException e) {
            throw new PlatformException(PlatformErrorCode.INVALID_KEY, null, "unreadable PEM", e);
        }
    }
}
