package io.wcsettle.his.session;

import java.nio.file.Path;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

import io.wcsettle.core.calendar.WorkingDayCalendar;
import io.wcsettle.core.catalogue.Catalogue;
import io.wcsettle.core.filing.Filing;
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
import io.wcsettle.his.platform.Workstation;
import io.wcsettle.testkit.platform.PlatformSimulator;
import io.wcsettle.testkit.platform.SimulatedPerson;

/**
 * A small world for the workflow tests: the strict simulator with one Hohhot worker holding a
 * long-term-residence filing for Beijing, a Beijing hospital's session, and the bill of a five-day
 * stay. The clock is settable, so a test can discharge in a year the calendar does not know.
 */
public final class World implements AutoCloseable {

    public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    public static final String INSTITUTION = "H11010500001";
    public static final String INSURED = "150102";
    public static final String ID_NUMBER = "150102198001010016";
    public static final String NAME = "张三";
    public static final String PSN_NO = "PSN150102000000000000000000001";
    private static final SecureRandom RANDOM = new SecureRandom();
    public static final KeyPair HIS_KEYS = Sm2Keys.generate(RANDOM);
    public static final KeyPair PLATFORM_KEYS = Sm2Keys.generate(RANDOM);
    public static final UploadDeadlines DEADLINES = new UploadDeadlines(RegionalPolicies.BEIJING,
            WorkingDayCalendar.chinaOfficial());
    public static final Catalogue TREATMENT = Catalogue.builder()
            .add("XA01", LocalDate.of(2024, 1, 1), null, null)
            .add("BED01", LocalDate.of(2024, 1, 1), null, UnitPrice.parse("max", "60.00")).build();
    public static final InsuredPlaces PLACES = InsuredPlaces.none()
            .with(Admdvs.parse("insured", "150000"), RegionalPolicies.INNER_MONGOLIA, Catalogue.builder().build());

    /** A clock a test can move. */
    public static final class MovableClock extends Clock {
        private volatile Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        public void set(LocalDateTime t) {
            now = t.atZone(CHINA).toInstant();
        }

        @Override
        public ZoneId getZone() {
            return CHINA;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    public final MovableClock clock = new MovableClock(Instant.now());
    public final PlatformSimulator simulator;
    public final LocalDate admitted;

    public World() {
        this(PlatformSimulator.Options.strict());
    }

    public World(PlatformSimulator.Options options) {
        simulator = PlatformSimulator.builder()
                .hisPublicKey(HIS_KEYS.getPublic())
                .platformSigner(new Sm2Signer(PLATFORM_KEYS.getPrivate(), RANDOM))
                .options(options)
                .clock(clock)
                .start();
        admitted = LocalDate.now(clock).minusDays(5);
        simulator.registerPerson(person(admitted.minusMonths(2)));
    }

    public static SimulatedPerson person(LocalDate filedOn) {
        return new SimulatedPerson(ID_NUMBER, NAME, "", "", "", PSN_NO, INSURED, "11", List.of(
                new SimulatedPerson.Filing("FIL0001", "LONG_TERM_RESIDENCE", "MEDICAL", INSURED, "110000", filedOn,
                        null)));
    }

    public static EnvelopeCodec codec(Clock clock) {
        return EnvelopeCodec.builder()
                .signer(new Sm2Signer(HIS_KEYS.getPrivate(), RANDOM))
                .counterpart(new Sm2Verifier(PLATFORM_KEYS.getPublic()))
                .clock(clock)
                .build();
    }

    /** A client with short timeouts and a tiny backoff. */
    public PlatformClient.Builder client() {
        return PlatformClient.builder()
                .endpoint(simulator.uri())
                .codec(codec(clock))
                .connectTimeout(Duration.ofMillis(200))
                .attemptTimeout(Duration.ofMillis(400))
                .callTimeout(Duration.ofMillis(2000))
                .backoff(new Backoff(Duration.ofMillis(10), Duration.ofMillis(80)))
                .random(new Random(7))
                .clock(clock);
    }

    public static RequestHeader header() {
        return RequestHeader.builder().mdtrtareaAdmvs("110105").recerSysCode("SICP").devNo("DEV-01")
                .devSafeInfo("SAFE-SECRET-INFO").opter("op01").opterName("张操作员").fixmedinsCode(INSTITUTION)
                .fixmedinsName("北京某医院").build();
    }

    public HisSession.Builder session(Path outboxFile) {
        return session(outboxFile, client().build(), Workstation.single());
    }

    public HisSession.Builder session(Path outboxFile, PlatformClient client, Workstation ws) {
        return HisSession.builder()
                .outbox(Outbox.h2File(outboxFile, INSTITUTION, clock, DEADLINES, ws))
                .client(client)
                .header(header())
                .treatmentCatalogue(TREATMENT)
                .insuredPlaces(PLACES)
                .deadlines(DEADLINES)
                .clock(clock)
                .signIn(new SignIn("op01", "00:11:22:33:44:55", "10.0.0.8"));
    }

    public static Credential credential() {
        return Credential.idCard(ID_NUMBER, NAME);
    }

    public AdmissionDetails admission() {
        LocalDateTime at = admitted.atTime(9, 30);
        return new AdmissionDetails("ZY0001", at, "D001", "李医生", "右腕骨折", "GK", "骨科", "12床", "S62.101",
                "右桡骨远端骨折", List.of(new Diagnosis("1", true, 1, "S62.101", "右桡骨远端骨折", "骨科", "D001", "李医生", at)));
    }

    public DischargeDetails dischargeDetails() {
        LocalDateTime at = admitted.plusDays(4).atTime(10, 0);
        return new DischargeDetails(at, "GK", "骨科", "1",
                List.of(new Diagnosis("1", true, 1, "S62.101", "右桡骨远端骨折", "骨科", "D001", "李医生", at)));
    }

    public List<BillLine> lines() {
        return new ArrayList<>(List.of(
                BillLine.of("1", "XA01", LineCategory.DRUG, admitted, UnitPrice.parse("p", "12.3456"),
                        Quantity.parse("q", "2")),
                BillLine.of("2", "BED01", LineCategory.SERVICE, admitted, UnitPrice.parse("p", "80.00"),
                        Quantity.parse("q", "4")),
                BillLine.of("3", "MEAL", LineCategory.MEAL, admitted, UnitPrice.parse("p", "30.00"),
                        Quantity.parse("q", "4"), null, Set.of(), null)));
    }

    public static List<FeeDetail> fees(List<BillLine> lines) {
        List<FeeDetail> r = new ArrayList<>();
        for (BillLine l : lines) {
            r.add(FeeDetail.of(l, "H-" + l.code(), "GK", "骨科", "D001", "李医生"));
        }
        return r;
    }

    public Bill bill(Visit visit, List<BillLine> lines) {
        Admdvs institution = Admdvs.parse("institution", "110105");
        Optional<Filing> filing = visit.filing(admitted, institution);
        return new Bill(filing, WorkerStatus.GOOD_STANDING, new Institution(INSTITUTION, institution, true, false),
                new Stay(StayKind.INPATIENT_MEDICAL, admitted, admitted.plusDays(4), false, false), lines);
    }

    @Override
    public void close() {
        simulator.close();
    }
}
