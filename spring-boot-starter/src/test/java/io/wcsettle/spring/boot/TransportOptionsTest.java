package io.wcsettle.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Base64;
import java.util.Date;
import java.util.HexFormat;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.wcsettle.his.platform.ApiGateway;
import io.wcsettle.his.platform.Sm4PayloadCipher;
import io.wcsettle.his.session.HisSession;
import io.wcsettle.his.session.StepOutcome;
import io.wcsettle.his.session.Visit;
import io.wcsettle.spring.boot.health.WcsettleHealthAutoConfiguration;
import io.wcsettle.spring.boot.health.WcsettleHealthIndicator;

/**
 * The optional parts of the wiring, each from properties against a simulator (a test double of the
 * platform) configured the same way: PKCS#12 keys with a platform certificate, SM4 payload
 * encryption, the service gateway's AK/SK, a calendar file.
 */
class TransportOptionsTest {

    @TempDir
    Path dir;

    SimulatedPlatform platform;

    final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(WcsettleAutoConfiguration.class,
                    WcsettleHealthAutoConfiguration.class));

    @AfterEach
    void stop() {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    @DisplayName("Security: the HIS key from a PKCS#12 keystore and the platform's key from a certificate PEM sign and verify 1101")
    void pkcs12AndCertificate() throws Exception {
        platform = new SimulatedPlatform(dir, b -> { });
        var bc = new BouncyCastleProvider();
        X500Name his = new X500Name("CN=H43010200001");
        X509Certificate hisCert = new JcaX509CertificateConverter().setProvider(bc).getCertificate(
                new JcaX509v3CertificateBuilder(his, BigInteger.ONE, new Date(0), new Date(4_000_000_000_000L), his,
                        platform.hisKeys.getPublic())
                        .build(new JcaContentSignerBuilder("SM3WITHSM2").setProvider(bc).build(platform.hisKeys.getPrivate())));
        KeyStore ks = KeyStore.getInstance("PKCS12", bc);
        ks.load(null, null);
        ks.setKeyEntry("his", platform.hisKeys.getPrivate(), "changeit".toCharArray(), new Certificate[] {hisCert});
        try (OutputStream out = Files.newOutputStream(dir.resolve("his.p12"))) {
            ks.store(out, "changeit".toCharArray());
        }
        X500Name sicp = new X500Name("CN=SICP");
        X509Certificate platformCert = new JcaX509CertificateConverter().setProvider(bc).getCertificate(
                new JcaX509v3CertificateBuilder(sicp, BigInteger.TWO, new Date(0), new Date(4_000_000_000_000L), sicp,
                        platform.platformKeys.getPublic())
                        .build(new JcaContentSignerBuilder("SM3WITHSM2").setProvider(bc).build(platform.platformKeys.getPrivate())));
        Files.writeString(dir.resolve("platform.crt"), "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(platformCert.getEncoded())
                + "\n-----END CERTIFICATE-----\n");
        runner.withPropertyValues(platform.properties("wcsettle.keys.his-private-key=",
                "wcsettle.keys.pkcs12.location=file:" + dir.resolve("his.p12"),
                "wcsettle.keys.pkcs12.password=changeit", "wcsettle.keys.pkcs12.alias=his",
                "wcsettle.keys.platform-public-key=file:" + dir.resolve("platform.crt"))).run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean(HisSession.class).open("ZY1", SimulatedPlatform.credential()).answered())
                            .isTrue();
                });
        runner.withPropertyValues(platform.properties(
                "wcsettle.keys.pkcs12.location=file:" + dir.resolve("his.p12"), "wcsettle.keys.pkcs12.alias=his"))
                .run(context -> assertThat(WcsettleAutoConfigurationTest.propertyOf(context.getStartupFailure()))
                        .as("both a PEM and a keystore").isEqualTo("wcsettle.keys.pkcs12.location"));
        runner.withPropertyValues(platform.properties("wcsettle.keys.his-private-key=",
                "wcsettle.keys.pkcs12.location=file:" + dir.resolve("his.p12"),
                "wcsettle.keys.pkcs12.password=wrong", "wcsettle.keys.pkcs12.alias=his"))
                .run(context -> assertThat(WcsettleAutoConfigurationTest.propertyException(context.getStartupFailure()))
                        .hasMessageContaining("wcsettle.keys.pkcs12.location").hasMessageNotContaining("wrong"));
    }

    @Test
    @DisplayName("Security: SM4-GCM payload encryption from wcsettle.keys.sm4.* agrees with a platform using the same key")
    void sm4() {
        byte[] key = new byte[16];
        new SecureRandom().nextBytes(key);
        platform = new SimulatedPlatform(dir, b -> b.payloadCipher(
                new Sm4PayloadCipher(key, Sm4PayloadCipher.Mode.GCM, new SecureRandom())));
        runner.withPropertyValues(platform.properties("wcsettle.keys.sm4.key=" + HexFormat.of().formatHex(key),
                "wcsettle.keys.sm4.mode=GCM")).run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean(HisSession.class).open("ZY1", SimulatedPlatform.credential()).answered())
                            .isTrue();
                });
    }

    @Test
    @DisplayName("表 5: with wcsettle.platform.gateway.* the gateway lets the calls through; with a wrong SK it refuses and nothing is delivered")
    void serviceGateway() {
        platform = new SimulatedPlatform(dir, b -> b.gateway(new ApiGateway("AK-HOSPITAL", "SK-SECRET", "1.0.0")));
        runner.withPropertyValues(platform.properties("wcsettle.platform.gateway.access-key=AK-HOSPITAL",
                "wcsettle.platform.gateway.secret-key=SK-SECRET")).run(context ->
                assertThat(context.getBean(HisSession.class).open("ZY1", SimulatedPlatform.credential()).answered())
                        .isTrue());
        runner.withPropertyValues(platform.properties("wcsettle.platform.gateway.access-key=AK-HOSPITAL",
                "wcsettle.platform.gateway.secret-key=SK-WRONG", "wcsettle.session.resume-on-start=false"))
                .run(context -> {
                    StepOutcome<Visit> o = context.getBean(HisSession.class).open("ZY2", SimulatedPlatform.credential());
                    assertThat(o).isInstanceOf(StepOutcome.NotDelivered.class);
                });
    }

    @Configuration(proxyBeanMethods = false)
    static class Year2031 {
        @Bean(name = WcsettleAutoConfiguration.CLOCK)
        Clock clock() {
            return Clock.fixed(LocalDate.of(2031, 3, 2).atStartOfDay(SimulatedPlatform.CHINA).toInstant(),
                    SimulatedPlatform.CHINA);
        }
    }

    @Test
    @DisplayName("R-CAL-1: wcsettle.calendar.file adds years to the official calendar: in 2031 with 2031 and 2032 loaded, the calendar is covered")
    void calendarFile() throws Exception {
        platform = new SimulatedPlatform(dir, b -> { });
        Files.writeString(dir.resolve("cn-workdays.json"), """
                {"years": {"2031": {"rest": ["2031-01-01"], "work": []}, "2032": {"rest": ["2032-01-01"], "work": []}}}
                """);
        runner.withUserConfiguration(Year2031.class).withPropertyValues(platform.properties(
                "wcsettle.calendar.file=" + dir.resolve("cn-workdays.json"), "wcsettle.session.resume-on-start=false"))
                .run(context -> {
                    Health h = context.getBean(WcsettleHealthIndicator.class).health();
                    assertThat(WcsettleAutoConfigurationTest.detail(h, "calendar")).containsEntry("coversToday", true);
                    assertThat(h.getStatus()).isEqualTo(Status.UP);
                });
    }
}
