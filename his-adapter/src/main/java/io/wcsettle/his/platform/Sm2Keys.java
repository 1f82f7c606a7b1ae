package io.wcsettle.his.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.math.BigInteger;
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

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.pkcs.AuthenticatedSafe;
import org.bouncycastle.asn1.pkcs.ContentInfo;
import org.bouncycastle.asn1.pkcs.EncryptedData;
import org.bouncycastle.asn1.pkcs.EncryptedPrivateKeyInfo;
import org.bouncycastle.asn1.pkcs.MacData;
import org.bouncycastle.asn1.pkcs.PBES2Parameters;
import org.bouncycastle.asn1.pkcs.PBKDF2Params;
import org.bouncycastle.asn1.pkcs.PKCS12PBEParams;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.Pfx;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.pkcs.SafeBag;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;

/**
 * Loads SM2 keys from PKCS#8 / SEC1 / X.509 PEM text or a PKCS#12 keystore, and generates key
 * pairs for tests and simulators. Every failure is a {@link PlatformException}: {@code INVALID_KEY}
 * (unreadable, missing, not an elliptic-curve key, a keystore whose certificate does not match its
 * key) or {@code KEY_WRONG_CURVE} (an EC key on another curve than {@code sm2p256v1}, e.g. NIST
 * P-256), its {@link PlatformException#field()} naming the input (the {@code source} given, e.g.
 * {@code his-private.pem}). Messages never contain key material, and no parser exception is
 * attached as a cause (their texts may quote the input).
 */
public final class Sm2Keys {

    /**
     * The most key-derivation iterations a PKCS#12 file may ask for (MAC and each encryption);
     * OpenSSL writes 2,048, the JDK 10,000, Bouncy Castle 51,200. More is refused before any
     * derivation, so that a damaged or hostile file cannot hold the caller for minutes.
     */
    public static final int MAX_PKCS12_ITERATIONS = 200_000;

    /** The largest keystore read. */
    private static final int MAX_PKCS12_BYTES = 1 << 20;

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

    /**
     * The private key of a PKCS#8 ({@code PRIVATE KEY}) or SEC1 ({@code EC PRIVATE KEY}) PEM, errors
     * naming it {@code privateKey}.
     *
     * @throws PlatformException {@code INVALID_KEY}, {@code KEY_WRONG_CURVE}
     */
    public static PrivateKey privateKeyFromPem(String pem) {
        return privateKeyFromPem(pem, "privateKey");
    }

    /**
     * The private key of a PKCS#8 ({@code PRIVATE KEY}) or SEC1 ({@code EC PRIVATE KEY}) PEM.
     *
     * @param pem    the PEM text
     * @param source what errors name as the field, e.g. the file name {@code his-private.pem}
     * @throws PlatformException {@code INVALID_KEY}, {@code KEY_WRONG_CURVE}
     */
    public static PrivateKey privateKeyFromPem(String pem, String source) {
        Object o = readPem(pem, source);
        PrivateKey key;
        try {
            JcaPEMKeyConverter c = new JcaPEMKeyConverter().setProvider(Sm2.BC);
            if (o instanceof PrivateKeyInfo info) {
                key = c.getPrivateKey(info);
            } else if (o instanceof PEMKeyPair pair) {
                key = c.getKeyPair(pair).getPrivate();
            } else {
                throw new PlatformException(PlatformErrorCode.INVALID_KEY, source, "PEM holds no private key");
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof PlatformException p) {
                throw p;
            }
            throw new PlatformException(PlatformErrorCode.INVALID_KEY, source, "unreadable private key in the PEM");
        }
        Sm2.privateParameters(key, source);
        return key;
    }

    /**
     * The public key of an X.509 {@code PUBLIC KEY} or {@code CERTIFICATE} PEM, errors naming it
     * {@code publicKey}.
     *
     * @throws PlatformException {@code INVALID_KEY}, {@code KEY_WRONG_CURVE}
     */
    public static PublicKey publicKeyFromPem(String pem) {
        return publicKeyFromPem(pem, "publicKey");
    }

    /**
     * The public key of an X.509 {@code PUBLIC KEY} or {@code CERTIFICATE} PEM.
     *
     * @param pem    the PEM text
     * @param source what errors name as the field, e.g. the file name {@code platform-public.pem}
     * @throws PlatformException {@code INVALID_KEY}, {@code KEY_WRONG_CURVE}
     */
    public static PublicKey publicKeyFromPem(String pem, String source) {
        Object o = readPem(pem, source);
        PublicKey key;
        try {
            JcaPEMKeyConverter c = new JcaPEMKeyConverter().setProvider(Sm2.BC);
            if (o instanceof SubjectPublicKeyInfo info) {
                key = c.getPublicKey(info);
            } else if (o instanceof X509CertificateHolder cert) {
                key = c.getPublicKey(cert.getSubjectPublicKeyInfo());
            } else {
                throw new PlatformException(PlatformErrorCode.INVALID_KEY, source, "PEM holds no public key");
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof PlatformException p) {
                throw p;
            }
            throw new PlatformException(PlatformErrorCode.INVALID_KEY, source, "unreadable public key in the PEM");
        }
        Sm2.publicParameters(key, source);
        return key;
    }

    /**
     * PEM text of {@code key} (PKCS#8 for private keys, X.509 SubjectPublicKeyInfo for public keys).
     *
     * @throws PlatformException {@code INVALID_KEY} when {@code key} is {@code null} or has no encoding
     */
    public static String toPem(Key key) {
        if (key == null || key.getEncoded() == null) {
            throw new PlatformException(PlatformErrorCode.INVALID_KEY, "key", "no key, or a key without an encoding");
        }
        StringWriter out = new StringWriter();
        try (JcaPEMWriter w = new JcaPEMWriter(out)) {
            w.writeObject(key instanceof PrivateKey pk ? PrivateKeyInfo.getInstance(pk.getEncoded()) : key);
        } catch (IOException | RuntimeException e) {
            throw new PlatformException(PlatformErrorCode.INVALID_KEY, "key", "cannot write the key as PEM");
        }
        return out.toString();
    }

    /**
     * The key pair stored under {@code alias} in a PKCS#12 keystore (private key and the public
     * key of its certificate), errors naming {@code keystore} or {@code alias}.
     *
     * @throws PlatformException {@code INVALID_KEY}, {@code KEY_WRONG_CURVE}
     */
    public static KeyPair fromPkcs12(InputStream in, char[] password, String alias) {
        return fromPkcs12(in, password, alias, "keystore");
    }

    /**
     * The key pair stored under {@code alias} in a PKCS#12 keystore. Both keys must be SM2 and
     * belong together (the certificate's key is the private key's).
     *
     * @param in       the keystore bytes
     * @param password the keystore and key password
     * @param alias    the entry
     * @param source   what errors name as the field, e.g. the file name {@code his.p12}
     * @throws PlatformException {@code INVALID_KEY} (unreadable, wrong password, no such entry, a
     *                           certificate of another key), {@code KEY_WRONG_CURVE}
     */
    public static KeyPair fromPkcs12(InputStream in, char[] password, String alias, String source) {
        if (in == null) {
            throw new PlatformException(PlatformErrorCode.INVALID_KEY, source, "no keystore");
        }
        if (alias == null || alias.isEmpty()) {
            throw new PlatformException(PlatformErrorCode.INVALID_KEY, "alias", "no alias");
        }
        byte[] der;
        try {
            der = in.readNBytes(MAX_PKCS12_BYTES + 1);
        } catch (IOException e) {
            throw new PlatformException(PlatformErrorCode.INVALID_KEY, source, "the keystore cannot be read", e);
        }
        if (der.length > MAX_PKCS12_BYTES) {
            throw new PlatformException(PlatformErrorCode.INVALID_KEY, source, "a keystore of more than 1 MiB");
        }
        requireModestIterations(der, source);
        Key key;
        Certificate cert;
        try {
            KeyStore ks = KeyStore.getInstance("PKCS12", Sm2.BC);
            ks.load(new java.io.ByteArrayInputStream(der), password);
            key = ks.getKey(alias, password);
            cert = ks.getCertificate(alias);
        } catch (GeneralSecurityException | IOException | RuntimeException e) {
            throw new PlatformException(PlatformErrorCode.INVALID_KEY, source,
                    "unreadable PKCS#12 keystore (damaged, or another password)");
        }
        if (!(key instanceof PrivateKey pk) || cert == null) {
            throw new PlatformException(PlatformErrorCode.INVALID_KEY, "alias", "no private key entry under the alias");
        }
        PublicKey pub;
        try {
            pub = cert.getPublicKey();
        } catch (RuntimeException e) {
            throw new PlatformException(PlatformErrorCode.INVALID_KEY, source, "unreadable certificate");
        }
        ECPrivateKeyParameters d = (ECPrivateKeyParameters) Sm2.privateParameters(pk, source);
        ECPublicKeyParameters q = (ECPublicKeyParameters) Sm2.publicParameters(pub, source);
        if (!d.getParameters().getG().multiply(d.getD()).normalize().equals(q.getQ().normalize())) {
            throw new PlatformException(PlatformErrorCode.INVALID_KEY, source,
                    "the certificate's public key does not belong to the private key");
        }
        return new KeyPair(pub, pk);
    }

    /** Refuses a PKCS#12 file whose MAC or unencrypted bags ask for more than {@link #MAX_PKCS12_ITERATIONS}. */
    private static void requireModestIterations(byte[] der, String source) {
        long most;
        try {
            Pfx pfx = Pfx.getInstance(ASN1Primitive.fromByteArray(der));
            MacData mac = pfx.getMacData();
            most = mac == null ? 0 : mac.getIterationCount().min(BigInteger.valueOf(Long.MAX_VALUE)).longValue();
            ASN1OctetString content = ASN1OctetString.getInstance(pfx.getAuthSafe().getContent());
            AuthenticatedSafe safe = AuthenticatedSafe.getInstance(ASN1Primitive.fromByteArray(content.getOctets()));
            for (ContentInfo c : safe.getContentInfo()) {
                if (PKCSObjectIdentifiers.data.equals(c.getContentType())) {
                    ASN1Sequence bags = ASN1Sequence.getInstance(ASN1Primitive.fromByteArray(
                            ASN1OctetString.getInstance(c.getContent()).getOctets()));
                    for (ASN1Encodable e : bags) {
                        SafeBag bag = SafeBag.getInstance(e);
                        if (PKCSObjectIdentifiers.pkcs8ShroudedKeyBag.equals(bag.getBagId())) {
                            most = Math.max(most, iterations(
                                    EncryptedPrivateKeyInfo.getInstance(bag.getBagValue()).getEncryptionAlgorithm()));
                        }
                    }
                } else if (PKCSObjectIdentifiers.encryptedData.equals(c.getContentType())) {
                    most = Math.max(most, iterations(EncryptedData.getInstance(c.getContent()).getEncryptionAlgorithm()));
                }
            }
        } catch (IOException | RuntimeException e) {
            throw new PlatformException(PlatformErrorCode.INVALID_KEY, source, "not a PKCS#12 keystore (damaged DER)");
        }
        if (most > MAX_PKCS12_ITERATIONS || most < 0) {
            throw new PlatformException(PlatformErrorCode.INVALID_KEY, source, "the keystore asks for " + most
                    + " key-derivation iterations, more than " + MAX_PKCS12_ITERATIONS);
        }
    }

    private static long iterations(AlgorithmIdentifier a) {
        BigInteger n;
        if (PKCSObjectIdentifiers.id_PBES2.equals(a.getAlgorithm())) {
            PBES2Parameters p = PBES2Parameters.getInstance(a.getParameters());
            n = PBKDF2Params.getInstance(p.getKeyDerivationFunc().getParameters()).getIterationCount();
        } else if (a.getAlgorithm().getId().startsWith(PKCSObjectIdentifiers.pkcs_12PbeIds.getId() + ".")) {
            n = PKCS12PBEParams.getInstance(a.getParameters()).getIterations();
        } else {
            return 0;
        }
        return n.min(BigInteger.valueOf(Long.MAX_VALUE)).max(BigInteger.valueOf(-1)).longValue();
    }

    private static Object readPem(String pem, String source) {
        if (pem == null || pem.isBlank()) {
            throw new PlatformException(PlatformErrorCode.INVALID_KEY, source, "empty PEM");
        }
        try (PEMParser p = new PEMParser(new StringReader(pem))) {
            Object o = p.readObject();
            if (o == null) {
                throw new PlatformException(PlatformErrorCode.INVALID_KEY, source, "no PEM object found");
            }
            return o;
        } catch (IOException | RuntimeException e) {
            if (e instanceof PlatformException p) {
                throw p;
            }
            throw new PlatformException(PlatformErrorCode.INVALID_KEY, source, "unreadable PEM (damaged base64 or DER)");
        }
    }
}
