package io.wcsettle.examples.demo;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.Random;
import java.util.stream.Stream;

import io.wcsettle.core.calendar.WorkingDayCalendar;
import io.wcsettle.core.policy.RegionalPolicies;
import io.wcsettle.core.policy.RegionalPolicy;
import io.wcsettle.core.settlement.Bill;
import io.wcsettle.core.settlement.BillLine;
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
import io.wcsettle.his.reconciliation.ReconciliationReport;
import io.wcsettle.his.session.AdmissionDetails;
import io.wcsettle.his.session.Credential;
import io.wcsettle.his.session.Diagnosis;
import io.wcsettle.his.session.DischargeDetails;
import io.wcsettle.his.session.FeeDetail;
import io.wcsettle.his.session.HisSession;
import io.wcsettle.his.session.InsuredPlaces;
import io.wcsettle.his.session.SignIn;
import io.wcsettle.his.session.Visit;
import io.wcsettle.testkit.platform.PlatformSimulator;
import io.wcsettle.testkit.platform.SimulatedPerson;
import io.wcsettle.testkit.card.PcscDaemon;
import io.wcsettle.testkit.card.SimulatedSocialSecurityCard;
import io.wcsettle.testkit.card.VpcdCard;

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
            RequestHeader header = RequestHeader.builder().mdtrtareaAdmvs("430102").recerSysCode("SICP")
                    .devNo("DEV-01").opter("op01").opterName("收费员").fixmedinsCode(DischargeWalkthrough.HOSPITAL.code())
                    .fixmedinsName("长沙某医院").build();
            InsuredPlaces places = InsuredPlaces.none().with(DischargeWalkthrough.INSURED, policy,
                    DischargeWalkthrough.insuredDevices());
            UploadDeadlines treatmentDeadlines = new UploadDeadlines(RegionalPolicies.DEFAULT,
                    WorkingDayCalendar.chinaOfficial());
            try (HisSession session = HisSession.builder()
                    .outbox(Outbox.h2File(dir.resolve("outbox"), DischargeWalkthrough.HOSPITAL.code(), clock,
                            treatmentDeadlines))
                    .client(client).header(header)
                    .treatmentCatalogue(DischargeWalkthrough.treatmentCatalogue())
                    .insuredPlaces(places)
                    .signIn(new SignIn("op01", "00-16-3E-00-00-01", "10.0.0.8"))
                    .deadlines(treatmentDeadlines).clock(clock).build()) {
                SocialSecurityCard read = readCard(session, card, out);
                simulator.registerPerson(new SimulatedPerson(read.socialSecurityNumber(), read.name(), read.cardNumber(),
                        read.identificationCode(), "", "P15010200001", DischargeWalkthrough.INSURED.code(), "11",
                        List.of(new SimulatedPerson.Filing("FIL-DEMO-1", "LONG_TERM_RESIDENCE", "MEDICAL",
                                DischargeWalkthrough.INSURED.code(), DischargeWalkthrough.TARGET.code(),
                                DischargeWalkthrough.filing(policy).filedOn(), null))));
                Visit visit = session.open("V1", Credential.card(read)).orElseThrow();
                out.println("9001 signed in; 1101 person and filing: psn_no " + visit.person().psnNo() + ", insured "
                        + visit.insuredPlace().code() + ", " + visit.person().filings().size() + " filing");
                Bill bill = DischargeWalkthrough.bill(policy);
                LocalDateTime admittedAt = DischargeWalkthrough.ADMITTED.atTime(9, 0);
                Diagnosis diagnosis = new Diagnosis("1", true, 1, "S82.001", "右髌骨骨折", "骨科", "D01", "李医生", admittedAt);
                String mdtrt = visit.admit(new AdmissionDetails("ZY20251103001", admittedAt, "D01", "李医生", "右膝外伤",
                        "GK", "骨科", "12", "S82.001", "右髌骨骨折", List.of(diagnosis))).orElseThrow();
                out.println("2401 admission registered: " + mdtrt);
                List<FeeDetail> fees = new ArrayList<>();
                for (BillLine l : bill.lines()) {
                    fees.add(FeeDetail.of(l, "HIS-" + l.code(), "GK", "骨科", "D01", "李医生"));
                }
                int sent = visit.uploadFees(fees).orElseThrow();
                out.println("2301 fee details uploaded: " + sent + " rows (one a return); again: "
                        + visit.uploadFees(fees).orElseThrow() + " new");
                visit.discharge(new DischargeDetails(DischargeWalkthrough.DISCHARGED.atTime(9, 30), "GK", "骨科", "1",
                        List.of(diagnosis))).orElseThrow();
                out.println("2402 discharge registered");
                Discharge d = visit.settle(bill).orElseThrow();
                out.println("2303/2304 settled: " + d.setlId().orElse("(not directly)") + ", fund pays "
                        + d.result().fundPaid().toYuanString() + " yuan; 2303 differences from core: "
                        + d.platformDifferences().size() + "; upload due "
                        + d.uploadDue().map(Object::toString).orElse("unknown (no calendar data)") + " (R-UPL-1)");
                ReconciliationReport r = session.reconcile(LocalDate.now(clock));
                out.println("3201 reconciliation: " + (r.consistent() ? "平 (balanced)" : "不平: " + r.details().size()
                        + " rows") + ", " + r.totals().stream().mapToLong(t -> t.count()).sum() + " settlement rows");
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
