package io.wcsettle.his.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.StringWriter;
import java.math.BigInteger;
import java.security.Key;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.SplittableRandom;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import io.wcsettle.core.error.WcsettleException;
import io.wcsettle.core.fuzz.Fuzz;
import io.wcsettle.core.fuzz.Mutate;

/**
 * Key loading: PEM text (PKCS#8, SEC1, X.509 public keys and certificates, of SM2, NIST P-256 and
 * RSA keys) and PKCS#12 keystore bytes, mutated as text, as Base64 of mutated DER, and as bytes.
 * Accepted means an SM2 key (and, unmutated, the very key written); refused means
 * {@code INVALID_KEY} or {@code KEY_WRONG_CURVE} naming the input, with no run of the key's Base64
 * in the message. Unmutated P-256 keys must be {@code KEY_WRONG_CURVE}.
 */
class KeyFuzzTest {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] PASSWORD = "changeit".toCharArray();

    /** A PEM to load, what it is, and what unmutated loading must give. */
    record Pem(String text, boolean privateKey, String seedBody, Key expected, String expectedCode) {
        @Override
        public String toString() {
            return Fuzz.render(text);
        }
    }

    static final KeyPair SM2 = Sm2Keys.generate(RANDOM);
    static final KeyPair P256 = p256();
    static final KeyPair RSA = rsa();

    static KeyPair p256() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC"); // the JDK's own provider
            g.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
            return g.generateKeyPair();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    static KeyPair rsa() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(1024, RANDOM);
            return g.generateKeyPair();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    static X509Certificate certificate(KeyPair kp, String algorithm) {
        try {
            X500Name name = new X500Name("CN=test-hospital");
            var holder = new JcaX509v3CertificateBuilder(name, BigInteger.ONE, new Date(0), new Date(4_000_000_000_000L),
                    name, kp.getPublic()).build(new JcaContentSignerBuilder(algorithm).setProvider(Sm2.BC)
                    .build(kp.getPrivate()));
            return new JcaX509CertificateConverter().setProvider(Sm2.BC).getCertificate(holder);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    static String pem(Object o) {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter w = new JcaPEMWriter(out)) {
            w.writeObject(o);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        return out.toString();
    }

    /**
     * A keystore written by the JDK's PKCS12 writer with small iteration counts (so that thousands
     * load quickly; the counts are the JDK's {@code keystore.pkcs12.*IterationCount} properties).
     */
    static byte[] pkcs12(KeyPair kp, Certificate cert) {
        return pkcs12(kp, cert, 2048);
    }

    static synchronized byte[] pkcs12(KeyPair kp, Certificate cert, int iterations) {
        String[] props = {"keystore.pkcs12.macIterationCount", "keystore.pkcs12.keyPbeIterationCount",
            "keystore.pkcs12.certPbeIterationCount"};
        try {
            for (String p : props) {
                System.setProperty(p, String.valueOf(iterations));
            }
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            ks.setKeyEntry("his", kp.getPrivate(), PASSWORD, new Certificate[] {cert});
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ks.store(out, PASSWORD);
            return out.toByteArray();
        } catch (Exception e) {
            throw new AssertionError(e);
        } finally {
            for (String p : props) {
                System.clearProperty(p);
            }
        }
    }

    /** A keystore as Bouncy Castle writes it (51,200 iterations: slow to load, so a few only). */
    static byte[] bcPkcs12(KeyPair kp, Certificate cert) {
        try {
            KeyStore ks = KeyStore.getInstance("PKCS12", Sm2.BC);
            ks.load(null, null);
            ks.setKeyEntry("his", kp.getPrivate(), PASSWORD, new Certificate[] {cert});
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ks.store(out, PASSWORD);
            return out.toByteArray();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static final List<Pem> PEMS = new ArrayList<>();

    static {
        add(Sm2Keys.toPem(SM2.getPrivate()), true, SM2.getPrivate(), null);
        add(pem(SM2), true, SM2.getPrivate(), null); // a key pair: SEC1 "EC PRIVATE KEY"
        add(Sm2Keys.toPem(SM2.getPublic()), false, SM2.getPublic(), null);
        add(pem(certificate(SM2, "SM3WITHSM2")), false, SM2.getPublic(), null);
        add(pem(new org.bouncycastle.util.io.pem.PemObject("PRIVATE KEY", P256.getPrivate().getEncoded())), true, null,
                "KEY_WRONG_CURVE"); // PKCS#8, with the curve
        add(pem(P256.getPrivate()), true, null, "INVALID_KEY"); // SEC1 without the curve: no curve to judge by
        add(pem(P256.getPublic()), false, null, "KEY_WRONG_CURVE");
        add(pem(certificate(P256, "SHA256WITHECDSA")), false, null, "KEY_WRONG_CURVE");
        add(pem(RSA.getPrivate()), true, null, "INVALID_KEY");
        add(pem(RSA.getPublic()), false, null, "INVALID_KEY");
    }

    private static void add(String text, boolean privateKey, Key expected, String code) {
        PEMS.add(new Pem(text, privateKey, body(text), expected, code));
    }

    private static String body(String pem) {
        return pem.replaceAll("-----[^-]*-----", "").replaceAll("\\s", "");
    }

    static Pem generate(SplittableRandom r) {
        Pem seed = PEMS.get(r.nextInt(PEMS.size()));
        boolean asPrivate = r.nextInt(8) == 0 ? !seed.privateKey() : seed.privateKey();
        String text = seed.text();
        switch (r.nextInt(6)) {
            case 0:
                return new Pem(text, asPrivate, seed.seedBody(), asPrivate == seed.privateKey() ? seed.expected() : null,
                        asPrivate == seed.privateKey() ? seed.expectedCode() : "INVALID_KEY");
            case 1:
            case 2: { // the DER mutated, the Base64 valid: reaches the ASN.1 and key parsers
                byte[] der = Base64.getDecoder().decode(seed.seedBody());
                byte[] bad = switch (r.nextInt(4)) {
                    case 0 -> java.util.Arrays.copyOf(der, r.nextInt(der.length + 1));
                    case 1 -> {
                        byte[] b = der.clone();
                        b[r.nextInt(Math.min(b.length, 40))] = (byte) (int) Mutate.pick(r, new Integer[] {0x00, 0x7F, 0x80, 0x81,
                            0x84, 0xFF, 0x30, 0x02, 0x03, 0x04, 0x06});
                        yield b;
                    }
                    default -> Mutate.flip(r, der);
                };
                String b64 = Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(bad);
                String head = text.substring(0, text.indexOf('\n') + 1);
                String tail = text.substring(text.lastIndexOf("-----END"));
                return new Pem(head + b64 + "\n" + tail, asPrivate, seed.seedBody(), null, null);
            }
            case 3: // another PEM type name over the same body
                return new Pem(text.replaceAll("(PRIVATE KEY|PUBLIC KEY|CERTIFICATE|EC PRIVATE KEY)",
                        Mutate.pick(r, new String[] {"PUBLIC KEY", "PRIVATE KEY", "EC PRIVATE KEY", "CERTIFICATE",
                            "RSA PRIVATE KEY", "ENCRYPTED PRIVATE KEY", "X509 CRL", "", "CERTIFICATE REQUEST"})),
                        asPrivate, seed.seedBody(), null, null);
            case 4: // odd texts
                return new Pem(Mutate.pick(r, new String[] {"", " ", "not a pem", "-----BEGIN PRIVATE KEY-----\n",
                    "-----BEGIN PRIVATE KEY-----\n-----END PRIVATE KEY-----\n", "-----BEGIN PRIVATE KEY-----\n====\n"
                        + "-----END PRIVATE KEY-----\n", "\u0000", "-----BEGIN  KEY-----\nAAAA\n-----END  KEY-----\n"}),
                        asPrivate, seed.seedBody(), null, null);
            default:
                return new Pem(Mutate.string(r, text), asPrivate, seed.seedBody(), null, null);
        }
    }

    private static void noKeyMaterial(String seedBody, WcsettleException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = String.valueOf(t.getMessage());
            for (int i = 0; i + 16 <= seedBody.length(); i += 8) {
                assertFalse(m.contains(seedBody.substring(i, i + 16)), "the message quotes the key: " + m);
            }
        }
    }

    @Test
    @DisplayName("Security fuzz: PEM keys load as SM2 keys, or are INVALID_KEY / KEY_WRONG_CURVE naming the file, never quoting it")
    void pem() {
        Fuzz.run("Sm2Keys.*FromPem", Fuzz.tries(1), KeyFuzzTest::generate,
                p -> p.privateKey() ? Sm2Keys.privateKeyFromPem(p.text(), "his-private.pem")
                        : Sm2Keys.publicKeyFromPem(p.text(), "platform-public.pem"),
                new Fuzz.Oracle<Pem, Key>() {
                    @Override
                    public void accepted(Pem p, Key k) {
                        if (p.expected() != null) {
                            assertEquals(p.expected(), k, "the key written");
                        }
                        assertTrue(p.expectedCode() == null, "expected " + p.expectedCode());
                        // an SM2 key, usable as one: the signer and verifier take it
                        if (k instanceof PrivateKey pk) {
                            new Sm2Signer(pk, RANDOM);
                        } else {
                            new Sm2Verifier((PublicKey) k);
                        }
                    }

                    @Override
                    public void rejected(Pem p, WcsettleException e) {
                        assertTrue(e.code().equals("INVALID_KEY") || e.code().equals("KEY_WRONG_CURVE"), e.code());
                        if (p.expectedCode() != null) {
                            assertEquals(p.expectedCode(), e.code(), e.getMessage());
                        }
                        assertEquals(p.privateKey() ? "his-private.pem" : "platform-public.pem", e.field());
                        noKeyMaterial(p.seedBody(), e);
                    }
                });
    }

    /** Keystore bytes with the password and alias to open them with. */
    record Store(byte[] bytes, char[] password, String alias, boolean pristine, String expectedCode) {
        @Override
        public String toString() {
            return bytes == null ? "null" : bytes.length + " bytes, alias " + Fuzz.render(alias);
        }
    }

    private static final byte[] SM2_P12 = pkcs12(SM2, certificate(SM2, "SM3WITHSM2"));
    private static final byte[] SM2_BC_P12 = bcPkcs12(SM2, certificate(SM2, "SM3WITHSM2"));
    private static final byte[] P256_P12 = pkcs12(P256, certificate(P256, "SHA256WITHECDSA"));
    private static final byte[] MISMATCHED_P12 = pkcs12(SM2, certificate(Sm2Keys.generate(RANDOM), "SM3WITHSM2"));

    static Store store(SplittableRandom r) {
        int k = r.nextInt(50);
        byte[] seed = k == 0 ? P256_P12 : k == 1 ? MISMATCHED_P12 : k == 2 ? SM2_BC_P12 : SM2_P12;
        String code = k == 0 ? "KEY_WRONG_CURVE" : k == 1 ? "INVALID_KEY" : null;
        return switch (r.nextInt(8)) {
            case 0 -> new Store(seed, PASSWORD, "his", true, code);
            case 1 -> new Store(seed, Mutate.pick(r, new char[][] {null, new char[0], "changeiT".toCharArray()}), "his",
                    false, "INVALID_KEY");
            case 2 -> new Store(seed, PASSWORD, Mutate.pick(r, new String[] {null, "", "nope", "his\u0000", "hi"}), false,
                    "INVALID_KEY");
            case 3 -> new Store(r.nextInt(5) == 0 ? null : java.util.Arrays.copyOf(seed, r.nextInt(seed.length)), PASSWORD,
                    "his", false, "INVALID_KEY");
            default -> new Store(Mutate.flip(r, seed), PASSWORD, "his", false, null);
        };
    }

    @Test
    @DisplayName("Security fuzz: PKCS#12 keystores load as an SM2 key pair that belongs together, or are INVALID_KEY / KEY_WRONG_CURVE")
    void pkcs12() {
        Fuzz.run("Sm2Keys.fromPkcs12", Fuzz.tries(0.3), KeyFuzzTest::store,
                s -> Sm2Keys.fromPkcs12(s.bytes() == null ? null : new ByteArrayInputStream(s.bytes()), s.password(),
                        s.alias(), "his.p12"),
                new Fuzz.Oracle<Store, KeyPair>() {
                    @Override
                    public void accepted(Store s, KeyPair kp) {
                        assertTrue(s.expectedCode() == null, "expected " + s.expectedCode());
                        byte[] m = {1, 2, 3};
                        assertTrue(new Sm2Verifier(kp.getPublic()).verify(m, new Sm2Signer(kp.getPrivate(), RANDOM).sign(m)),
                                "the pair belongs together");
                        if (s.pristine()) {
                            assertEquals(SM2.getPrivate(), kp.getPrivate());
                        }
                    }

                    @Override
                    public void rejected(Store s, WcsettleException e) {
                        assertTrue(e.code().equals("INVALID_KEY") || e.code().equals("KEY_WRONG_CURVE"), e.code());
                        if (s.expectedCode() != null) {
                            assertEquals(s.expectedCode(), e.code(), e.getMessage());
                        }
                        assertTrue(e.field() != null, "names the input");
                    }
                });
    }
}
