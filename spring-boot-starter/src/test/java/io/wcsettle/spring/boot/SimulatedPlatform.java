package io.wcsettle.spring.boot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import io.wcsettle.core.money.Quantity;
import io.wcsettle.core.money.UnitPrice;
import io.wcsettle.core.region.Admdvs;
import io.wcsettle.core.settlement.Bill;
import io.wcsettle.core.settlement.BillLine;
import io.wcsettle.core.settlement.Institution;
import io.wcsettle.core.settlement.LineCategory;
import io.wcsettle.core.settlement.Stay;
import io.wcsettle.core.settlement.StayKind;
import io.wcsettle.core.settlement.WorkerStatus;
import io.wcsettle.his.platform.Sm2Keys;
import io.wcsettle.his.platform.Sm2Signer;
import io.wcsettle.his.session.AdmissionDetails;
import io.wcsettle.his.session.Credential;
import io.wcsettle.his.session.Diagnosis;
import io.wcsettle.his.session.FeeDetail;
import io.wcsettle.his.session.Visit;
import io.wcsettle.testkit.platform.PlatformSimulator;
import io.wcsettle.testkit.platform.SimulatedPerson;

/**
 * A test double of the platform for the starter's tests: the strict testkit simulator with fresh
 * SM2 keys written as PEM files (as {@code wcsettle-examples.jar simulate} writes them), one Hohhot
 * worker with a long-term-residence filing for Changsha, a Changsha catalogue CSV, and the
 * {@code wcsettle.*} properties that point a Spring application at all of it.
 */
public final class SimulatedPlatform implements AutoCloseable {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    static final String INSTITUTION = "H43010200001";
    public static final String ID_NUMBER = "150102198001010016";
    public static final String NAME = "张三";

    /** The simulator. */
    public final PlatformSimulator simulator;
    final Path dir;
    final Clock clock = Clock.system(CHINA);

    /** This HIS's key pair (its private key is in {@code his-private.pem}). */
    public final KeyPair hisKeys;
    /** The platform's key pair (its public key is in {@code platform-public.pem}). */
    public final KeyPair platformKeys;

    /** The strict simulator, keys and files in {@code dir}. */
    public SimulatedPlatform(Path dir) {
        this(dir, b -> { });
    }

    /** As {@link #SimulatedPlatform(Path)}, the simulator's builder adjusted by {@code options} before it starts. */
    public SimulatedPlatform(Path dir, Consumer<PlatformSimulator.Builder> options) {
        this.dir = dir;
        SecureRandom random = new SecureRandom();
        KeyPair his = Sm2Keys.generate(random);
        KeyPair platform = Sm2Keys.generate(random);
        this.hisKeys = his;
        this.platformKeys = platform;
        try {
            Files.writeString(dir.resolve("his-private.pem"), Sm2Keys.toPem(his.getPrivate()));
            Files.writeString(dir.resolve("platform-public.pem"), Sm2Keys.toPem(platform.getPublic()));
            Files.writeString(dir.resolve("catalogue.csv"), """
                    code,from,until,limit
                    XA01,2024-01-01,,
                    BED01,2024-01-01,,60.00
                    """);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        PlatformSimulator.Builder b = PlatformSimulator.builder().hisPublicKey(his.getPublic())
                .platformSigner(new Sm2Signer(platform.getPrivate(), random)).clock(clock);
        options.accept(b);
        simulator = b.start();
        simulator.registerPerson(new SimulatedPerson(ID_NUMBER, NAME, "", "", "", "PSN001", "150102", "11",
                List.of(new SimulatedPerson.Filing("F1", "LONG_TERM_RESIDENCE", "MEDICAL", "150102", "430100",
                        LocalDate.now(clock).minusMonths(1), null))));
    }

    /** Every property a Spring application needs, H2 file outbox included. */
    public List<String> propertyList() {
        List<String> p = new ArrayList<>(List.of(
                "wcsettle.platform.endpoint=" + simulator.uri(),
                "wcsettle.platform.recer-sys-code=SICP",
                "wcsettle.platform.call-timeout=3s",
                "wcsettle.platform.attempt-timeout=1s",
                "wcsettle.platform.connect-timeout=300ms",
                "wcsettle.platform.backoff.min=10ms",
                "wcsettle.platform.backoff.max=50ms",
                "wcsettle.institution.code=" + INSTITUTION,
                "wcsettle.institution.name=长沙某医院",
                "wcsettle.institution.admdvs=430102",
                "wcsettle.operator.code=0001",
                "wcsettle.operator.name=收费员甲",
                "wcsettle.sign-in.mac=00-16-3E-00-00-01",
                "wcsettle.sign-in.ip=10.0.0.8",
                "wcsettle.keys.his-private-key=file:" + dir.resolve("his-private.pem"),
                "wcsettle.keys.platform-public-key=file:" + dir.resolve("platform-public.pem"),
                "wcsettle.treatment-catalogue=file:" + dir.resolve("catalogue.csv"),
                "wcsettle.insured-places.150000.policy=150000",
                "wcsettle.outbox.h2-file=" + dir.resolve("outbox")));
        return p;
    }

    /** {@link #propertyList()} as an array, with {@code more} after (a later one overrides). */
    public String[] properties(String... more) {
        List<String> p = propertyList();
        p.addAll(List.of(more));
        return p.toArray(String[]::new);
    }

    public static Credential credential() {
        return Credential.idCard(ID_NUMBER, NAME);
    }

    public LocalDate admitted() {
        return LocalDate.now(clock).minusDays(4);
    }

    public AdmissionDetails admission(String visitId) {
        LocalDateTime at = admitted().atTime(9, 0);
        Diagnosis fracture = new Diagnosis("1", true, 1, "S62.101", "右桡骨远端骨折", "骨科", "D01", "李医生", at);
        return new AdmissionDetails(visitId, at, "D01", "李医生", "右腕外伤", "GK", "骨科", "12床",
                "S62.101", "右桡骨远端骨折", List.of(fracture));
    }

    public List<BillLine> lines() {
        return List.of(
                BillLine.of("1", "XA01", LineCategory.DRUG, admitted(), UnitPrice.parse("price", "12.3456"),
                        Quantity.parse("quantity", "2")),
                BillLine.of("2", "BED01", LineCategory.SERVICE, admitted(), UnitPrice.parse("price", "80.00"),
                        Quantity.parse("quantity", "4")));
    }

    public static List<FeeDetail> fees(List<BillLine> lines) {
        return lines.stream().map(l -> FeeDetail.of(l, "HIS-" + l.code(), "GK", "骨科", "D01", "李医生")).toList();
    }

    public Bill bill(Visit visit, List<BillLine> lines) {
        Admdvs hospital = Admdvs.parse("institution", "430102");
        return new Bill(visit.filing(admitted(), hospital), WorkerStatus.GOOD_STANDING,
                new Institution(INSTITUTION, hospital, true, false),
                new Stay(StayKind.INPATIENT_MEDICAL, admitted(), LocalDate.now(clock), false, false), lines);
    }

    @Override
    public void close() {
        simulator.close();
    }
}
