package io.wcsettle.examples.guide;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import io.wcsettle.core.calendar.WorkingDayCalendar;
import io.wcsettle.core.catalogue.Catalogue;
import io.wcsettle.core.money.Quantity;
import io.wcsettle.core.money.UnitPrice;
import io.wcsettle.core.policy.RegionalPolicies;
import io.wcsettle.core.region.Admdvs;
import io.wcsettle.core.settlement.Bill;
import io.wcsettle.core.settlement.BillLine;
import io.wcsettle.core.settlement.Institution;
import io.wcsettle.core.settlement.LineCategory;
import io.wcsettle.core.settlement.Stay;
import io.wcsettle.core.settlement.StayKind;
import io.wcsettle.core.settlement.WorkerStatus;
import io.wcsettle.core.upload.UploadDeadlines;
import io.wcsettle.his.outbox.Outbox;
import io.wcsettle.his.platform.Backoff;
import io.wcsettle.his.platform.EnvelopeCodec;
import io.wcsettle.his.platform.PlatformClient;
import io.wcsettle.his.platform.RequestHeader;
import io.wcsettle.his.platform.Sm2Keys;
import io.wcsettle.his.platform.Sm2Signer;
import io.wcsettle.his.platform.Sm2Verifier;
import io.wcsettle.his.session.AdmissionDetails;
import io.wcsettle.his.session.Credential;
import io.wcsettle.his.session.Diagnosis;
import io.wcsettle.his.session.Discharge;
import io.wcsettle.his.session.FeeDetail;
import io.wcsettle.his.session.HisSession;
import io.wcsettle.his.session.InsuredPlaces;
import io.wcsettle.his.session.SignIn;
import io.wcsettle.his.session.Visit;

/**
 * The discharge flow of {@code docs/integration.md}, as a HIS writes it, against a platform at
 * {@code URL} whose keys are in {@code KEYS_DIR} (as {@code wcsettle-examples.jar simulate} writes
 * them). Arguments: {@code URL KEYS_DIR OUTBOX_FILE}. The worker must be known to the platform:
 * for the simulator, {@code --person id=150102198001010016,name=张三,psn_no=PSN001,insured=150102,
 * filing=LONG_TERM_RESIDENCE:MEDICAL:430100:2026-06-01}.
 */
public final class DischargeAgainstSimulator {

    private DischargeAgainstSimulator() {
    }

    /** Runs one discharge and prints the setl_id and the worker's statement. */
    public static void main(String[] args) throws Exception {
        URI platformUrl = URI.create(args[0]);
        Path keys = Path.of(args[1]);
        Path outboxFile = Path.of(args[2]);
        Clock clock = Clock.system(ZoneId.of("Asia/Shanghai"));

        // 1. signed messaging with the platform (SM3withSM2 both ways)
        EnvelopeCodec codec = EnvelopeCodec.builder()
                .signer(new Sm2Signer(Sm2Keys.privateKeyFromPem(Files.readString(keys.resolve("his-private.pem"))),
                        new SecureRandom()))
                .counterpart(new Sm2Verifier(Sm2Keys.publicKeyFromPem(
                        Files.readString(keys.resolve("platform-public.pem")))))
                .clock(clock).build();
        PlatformClient client = PlatformClient.builder().endpoint(platformUrl).codec(codec)
                .attemptTimeout(Duration.ofSeconds(10))      // one HTTP exchange
                .callTimeout(Duration.ofSeconds(60))         // all attempts plus backoff
                .backoff(new Backoff(Duration.ofMillis(500), Duration.ofSeconds(5)))
                .random(new Random()).clock(clock).build();
        RequestHeader header = RequestHeader.builder()
                .fixmedinsCode("H43010200001").fixmedinsName("长沙某医院")
                .mdtrtareaAdmvs("430102")                    // the treatment place
                .recerSysCode("SICP")                        // given by the platform operator
                .opter("0001").opterName("收费员甲")
                .build();

        // 2. what the rules need: the treatment place's catalogue, each insured place's policy and devices
        Catalogue changsha = Catalogue.builder()
                .add("XA01", LocalDate.of(2024, 1, 1), null, null)
                .add("BED01", LocalDate.of(2024, 1, 1), null, UnitPrice.parse("maxPrice", "60.00"))
                .build();
        InsuredPlaces places = InsuredPlaces.none()
                .with(Admdvs.parse("insured", "150000"), RegionalPolicies.INNER_MONGOLIA, Catalogue.builder().build());
        UploadDeadlines deadlines = new UploadDeadlines(RegionalPolicies.DEFAULT, WorkingDayCalendar.chinaOfficial());

        try (HisSession session = HisSession.builder()
                .outbox(Outbox.h2File(outboxFile, "H43010200001", clock, deadlines))
                .client(client).header(header)
                .treatmentCatalogue(changsha).insuredPlaces(places)
                .signIn(new SignIn("0001", "00-16-3E-00-00-01", "10.0.0.8"))
                .deadlines(deadlines).clock(clock).build()) {
            session.resume();                                // finish what a crash left behind

            // 3. the visit: 1101 gives the person and the filing the platform holds
            Visit visit = session.open("ZY2026001", Credential.idCard("150102198001010016", "张三")).orElseThrow();
            LocalDate admitted = LocalDate.now(clock).minusDays(4);
            LocalDateTime at = admitted.atTime(9, 0);
            Diagnosis fracture = new Diagnosis("1", true, 1, "S62.101", "右桡骨远端骨折", "骨科", "D01", "李医生", at);
            visit.admit(new AdmissionDetails("ZY2026001", at, "D01", "李医生", "右腕外伤", "GK", "骨科", "12床",
                    "S62.101", "右桡骨远端骨折", List.of(fracture))).orElseThrow();

            // 4. fee details, as often as the HIS likes: only new rows go
            List<BillLine> lines = List.of(
                    BillLine.of("1", "XA01", LineCategory.DRUG, admitted, UnitPrice.parse("price", "12.3456"),
                            Quantity.parse("quantity", "2")),
                    BillLine.of("2", "BED01", LineCategory.SERVICE, admitted, UnitPrice.parse("price", "80.00"),
                            Quantity.parse("quantity", "4")));
            visit.uploadFees(lines.stream().map(l -> FeeDetail.of(l, "HIS-" + l.code(), "GK", "骨科", "D01", "李医生"))
                    .toList()).orElseThrow();

            // 5. settle: core adjudicates, 2303 is compared with core, 2304 commits
            Admdvs hospital = Admdvs.parse("institution", "430102");
            Bill bill = new Bill(visit.filing(admitted, hospital), WorkerStatus.GOOD_STANDING,
                    new Institution("H43010200001", hospital, true, false),
                    new Stay(StayKind.INPATIENT_MEDICAL, admitted, LocalDate.now(clock), false, false), lines);
            Discharge d = visit.settle(bill).orElseThrow();
            Optional<String> setlId = d.setlId();
            System.out.println("setl_id " + setlId.orElse("(not settled directly: " + d.result().reasons() + ")"));
            System.out.println("differences from the platform: " + d.platformDifferences());
            System.out.print(d.statement().toChineseText());
        }
    }
}
