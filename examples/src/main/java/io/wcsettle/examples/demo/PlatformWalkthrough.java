package io.wcsettle.examples.demo;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.Random;
import java.util.stream.Stream;

import io.wcsettle.core.calendar.WorkingDayCalendar;
import io.wcsettle.core.policy.RegionalPolicies;
import io.wcsettle.core.policy.RegionalPolicy;
import io.wcsettle.core.settlement.Bill;
import io.wcsettle.core.settlement.SettlementEngine;
import io.wcsettle.core.upload.UploadDeadlines;
import io.wcsettle.his.card.ApduChannel;
import io.wcsettle.his.card.PcscCardChannel;
import io.wcsettle.his.card.PcscReaders;
import io.wcsettle.his.card.SocialSecurityCard;
import io.wcsettle.his.outbox.Outbox;
import io.wcsettle.his.platform.Backoff;
import io.wcsettle.his.platform.EnvelopeCodec;
import io.wcsettle.his.platform.PlatformClient;
import io.wcsettle.his.platform.RequestHeader;
import io.wcsettle.his.platform.Sm2Keys;
import io.wcsettle.his.platform.Sm2Signer;
import io.wcsettle.his.platform.Sm2Verifier;
import io.wcsettle.his.session.Discharge;
import io.wcsettle.his.session.HisSession;
import io.wcsettle.his.simulator.PlatformSimulator;
import io.wcsettle.his.testkit.PcscDaemon;
import io.wcsettle.his.testkit.SimulatedSocialSecurityCard;
import io.wcsettle.his.testkit.VpcdCard;

/**
 * The discharge of {@link DischargeWalkthrough} end to end through {@link HisSession}: the
 * embedded {@link PlatformSimulator} on loopback (SM2-signed both ways), a simulated card read
 * through real PC/SC (pcscd + vpcd) when the machine has it, in-process otherwise.
 */
public final class PlatformWalkthrough {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private PlatformWalkthrough() {
    }

    /** Runs the flow and prints each step; returns the discharge. */
    public static Discharge run(PrintStream out) throws Exception {
        Clock clock = Clock.fixed(DischargeWalkthrough.DISCHARGED.atTime(10, 0).atZone(CHINA).toInstant(), CHINA);
        SecureRandom random = new SecureRandom();
        KeyPair his = Sm2Keys.generate(random);
        KeyPair platform = Sm2Keys.generate(random);
        RegionalPolicy policy = RegionalPolicies.shipped().get("150000");
        UploadDeadlines deadlines = new UploadDeadlines(policy, WorkingDayCalendar.chinaOfficial());
        Path dir = Files.createTempDirectory("wcsettle-demo");
        SimulatedSocialSecurityCard card = SimulatedSocialSecurityCard.sample();
        try (PlatformSimulator simulator = PlatformSimulator.builder().hisPublicKey(his.getPublic())
                .platformSigner(new Sm2Signer(platform.getPrivate(), random)).clock(clock).admdvs("430100").start()) {
            out.println("platform simulator on " + simulator.uri() + " (SM3withSM2 both ways)");
            EnvelopeCodec codec = EnvelopeCodec.builder().signer(new Sm2Signer(his.getPrivate(), random))
                    .counterpart(new Sm2Verifier(platform.getPublic())).clock(clock).build();
            PlatformClient client = PlatformClient.builder().endpoint(simulator.uri()).codec(codec)
                    .attemptTimeout(Duration.ofSeconds(2)).callTimeout(Duration.ofSeconds(6))
                    .backoff(new Backoff(Duration.ofMillis(50), Duration.ofMillis(500))).random(new Random(1))
                    .clock(clock).build();
            RequestHeader header = new RequestHeader("430102", "150102", "HIS", "DEV-01", "", "1", "op01", "",
                    DischargeWalkthrough.HOSPITAL.code(), "长沙某医院", "");
            try (HisSession session = HisSession.builder()
                    .outbox(Outbox.h2File(dir.resolve("outbox"), DischargeWalkthrough.HOSPITAL.code(), clock, deadlines))
                    .client(client).header(header)
                    .engine(new SettlementEngine(policy, DischargeWalkthrough.treatmentCatalogue(),
                            DischargeWalkthrough.insuredDevices()))
                    .deadlines(deadlines).clock(clock).build()) {
                SocialSecurityCard read = readCard(session, card, out);
                simulator.registerPerson(read.socialSecurityNumber(), "P15010200001", "150102");
                String insured = DischargeWalkthrough.INSURED.code();
                Bill bill = DischargeWalkthrough.bill(policy);
                String psn = session.queryPerson("V1", insured, read.socialSecurityNumber());
                out.println("1101 person and filing query: ok");
                String mdtrt = session.admit("V1", insured, psn, bill);
                out.println("2401 admission registered: " + mdtrt);
                session.uploadFees("V1", insured, psn, mdtrt, bill);
                out.println("2301 fee details uploaded: " + bill.lines().size() + " lines (one a return)");
                Discharge d = session.settle("V1", insured, psn, mdtrt, bill);
                out.println("2303/2304 settled: " + d.setlId().orElse("(not directly)") + ", fund pays "
                        + d.result().fundPaid().toYuanString() + " yuan; upload due " + d.uploadDue() + " (R-UPL-1)");
                out.println("3201/3202 reconciliation mismatches: "
                        + session.reconcile(LocalDate.now(clock)).mismatches().size());
                out.println("-- worker statement (R-SET-10) --");
                out.print(d.statement().toChineseText());
                return d;
            }
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static SocialSecurityCard readCard(HisSession session, SimulatedSocialSecurityCard card, PrintStream out) {
        String missing = PcscDaemon.unavailableReason().orElse(null);
        if (missing == null && PcscReaders.useLibraryIfUnset(PcscDaemon.LIBPCSCLITE)) {
            try (PcscDaemon daemon = PcscDaemon.ensureRunning(Duration.ofSeconds(10));
                 VpcdCard inserted = VpcdCard.insert(card, "127.0.0.1", VpcdCard.DEFAULT_PORT, Duration.ofSeconds(5))) {
                PcscReaders readers = PcscReaders.open();
                String reader = readers.names().stream().filter(n -> n.startsWith("Virtual PCD")).findFirst()
                        .orElseThrow();
                try (PcscCardChannel channel = readers.waitForCard(reader, Duration.ofSeconds(5))) {
                    SocialSecurityCard read = session.readCard(channel);
                    out.println("card read through PC/SC (javax.smartcardio → pcscd → vpcd → simulated card)");
                    return read;
                }
            } catch (Exception e) {
                out.println("PC/SC read failed (" + e.getClass().getSimpleName() + "); reading in-process instead");
            }
        } else {
            out.println("card read in-process (PC/SC unavailable: " + (missing != null ? missing : "no libpcsclite") + ")");
        }
        ApduChannel channel = card;
        return session.readCard(channel);
    }
}
