package io.wcsettle.his.platform;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Date;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CryptoTest {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final byte[] MESSAGE = "{\"a\":1}".getBytes(StandardCharsets.UTF_8);

    @Test
    @DisplayName("Security: SM3withSM2 signature is 64 bytes r||s and verifies; a changed message does not")
    void sm2_signsAndVerifies() {
        KeyPair kp = Sm2Keys.generate(RANDOM);
        byte[] sig = new Sm2Signer(kp.getPrivate(), RANDOM).sign(MESSAGE);
        assertEquals(64, sig.length);
        Sm2Verifier v = new Sm2Verifier(kp.getPublic());
        assertTrue(v.verify(MESSAGE, sig));
        assertFalse(v.verify("{\"a\":2}".getBytes(StandardCharsets.UTF_8), sig));
        sig[10] ^= 1;
        assertFalse(v.verify(MESSAGE, sig));
        assertFalse(v.verify(MESSAGE, new byte[63]));
        assertFalse(new Sm2Verifier(Sm2Keys.generate(RANDOM).getPublic()).verify(MESSAGE,
                new Sm2Signer(kp.getPrivate(), RANDOM).sign(MESSAGE)));
    }

    @Test
    @DisplayName("Security: a JCA provider signer produces r||s that the verifier accepts")
    void jcaSigner_interoperates() {
        KeyPair kp = Sm2Keys.generate(RANDOM);
        byte[] sig = JcaSigner.bouncyCastle(kp.getPrivate()).sign(MESSAGE);
        assertEquals(64, sig.length);
        assertTrue(new Sm2Verifier(kp.getPublic()).verify(MESSAGE, sig));
    }

    @Test
    @DisplayName("Security: keys load from PKCS#8 / X.509 PEM")
    void keys_fromPem() {
        KeyPair kp = Sm2Keys.generate(RANDOM);
        var priv = Sm2Keys.privateKeyFromPem(Sm2Keys.toPem(kp.getPrivate()));
        var pub = Sm2Keys.publicKeyFromPem(Sm2Keys.toPem(kp.getPublic()));
        assertTrue(new Sm2Verifier(pub).verify(MESSAGE, new Sm2Signer(priv, RANDOM).sign(MESSAGE)));
        var e = assertThrows(PlatformException.class, () -> Sm2Keys.privateKeyFromPem("not a pem"));
        assertEquals("INVALID_KEY", e.code());
        assertThrows(PlatformException.class, () -> Sm2Keys.privateKeyFromPem(Sm2Keys.toPem(kp.getPublic())));
    }

    @Test
    @DisplayName("Security: keys load from a PKCS#12 keystore")
    void keys_fromPkcs12() throws Exception {
        KeyPair kp = Sm2Keys.generate(RANDOM);
        var bc = new BouncyCastleProvider();
        X500Name name = new X500Name("CN=test-hospital");
        var holder = new JcaX509v3CertificateBuilder(name, BigInteger.ONE, new Date(0),
                new Date(4_000_000_000_000L), name, kp.getPublic())
                .build(new JcaContentSignerBuilder("SM3WITHSM2").setProvider(bc).build(kp.getPrivate()));
        X509Certificate cert = new JcaX509CertificateConverter().setProvider(bc).getCertificate(holder);
        KeyStore ks = KeyStore.getInstance("PKCS12", bc);
        ks.load(null, null);
        char[] pw = "changeit".toCharArray();
        ks.setKeyEntry("his", kp.getPrivate(), pw, new Certificate[] {cert});
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ks.store(out, pw);
        KeyPair loaded = Sm2Keys.fromPkcs12(new ByteArrayInputStream(out.toByteArray()), pw, "his");
        assertTrue(new Sm2Verifier(loaded.getPublic()).verify(MESSAGE,
                new Sm2Signer(loaded.getPrivate(), RANDOM).sign(MESSAGE)));
        assertEquals("INVALID_KEY", assertThrows(PlatformException.class,
                () -> Sm2Keys.fromPkcs12(new ByteArrayInputStream(out.toByteArray()), pw, "nope")).code());
    }

    @Test
    @DisplayName("Security: SM4 payload encryption round-trips in ECB, CBC and GCM; a wrong key never yields the"
            + " plaintext, and under GCM it is always CRYPTO_FAILURE")
    void sm4_roundTrips() {
        byte[] key = new byte[16];
        RANDOM.nextBytes(key);
        for (Sm4PayloadCipher.Mode mode : Sm4PayloadCipher.Mode.values()) {
            Sm4PayloadCipher c = new Sm4PayloadCipher(key, mode, RANDOM);
            String ct = c.encrypt(MESSAGE);
            assertArrayEquals(MESSAGE, c.decrypt(ct), mode.name());
            byte[] other = key.clone();
            other[0] ^= 1;
            Sm4PayloadCipher wrong = new Sm4PayloadCipher(other, mode, RANDOM);
            if (mode == Sm4PayloadCipher.Mode.GCM) {
                assertEquals("CRYPTO_FAILURE", assertThrows(PlatformException.class,
                        () -> wrong.decrypt(ct)).code(), mode.name());
            } else {
                // ECB/CBC are unauthenticated: about 1 in 256 wrong keys leaves a valid PKCS#7 pad, so
                // the only guarantee is garbage or CRYPTO_FAILURE (the envelope then refuses non-JSON).
                try {
                    assertFalse(java.util.Arrays.equals(MESSAGE, wrong.decrypt(ct)), mode.name());
                } catch (PlatformException e) {
                    assertEquals("CRYPTO_FAILURE", e.code(), mode.name());
                }
            }
        }
    }

    @Test
    @DisplayName("Security: a CBC payload under a wrong key is refused in practice: of 64 wrong keys, most fail the pad")
    void sm4_cbcWrongKeysMostlyFailThePad() {
        byte[] key = new byte[16];
        RANDOM.nextBytes(key);
        String ct = new Sm4PayloadCipher(key, Sm4PayloadCipher.Mode.CBC, RANDOM).encrypt(MESSAGE);
        int refused = 0;
        for (int i = 1; i <= 64; i++) {
            byte[] other = key.clone();
            other[i % 16] ^= (byte) i;
            try {
                assertFalse(java.util.Arrays.equals(MESSAGE,
                        new Sm4PayloadCipher(other, Sm4PayloadCipher.Mode.CBC, RANDOM).decrypt(ct)));
            } catch (PlatformException e) {
                assertEquals("CRYPTO_FAILURE", e.code());
                refused++;
            }
        }
        // With p = 255/256 per key, P(refused < 56 of 64) is about 1e-11.
        assertTrue(refused >= 56, "refused " + refused + " of 64");
    }
}
