package io.wcsettle.his.platform;

import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.wcsettle.his.platform.profile.Answer;
import io.wcsettle.his.platform.profile.Payload;
import io.wcsettle.his.platform.profile.Transaction;
import io.wcsettle.his.platform.profile.TransactionProfile;
import io.wcsettle.his.session.World;
import io.wcsettle.testkit.platform.PlatformSimulator;
import io.wcsettle.testkit.platform.SampleRequests;

/**
 * Keys, clock, the strict simulator and a client for the transport tests. The committing request
 * they use is a 2401 admission that satisfies its table (the simulator refuses anything else),
 * sent after a 9001 sign-in.
 */
public final class PlatformFixture implements AutoCloseable {

    public static final ZoneId CHINA = World.CHINA;
    public static final String INSTITUTION = World.INSTITUTION;
    public static final KeyPair HIS_KEYS = World.HIS_KEYS;
    public static final KeyPair PLATFORM_KEYS = World.PLATFORM_KEYS;
    /**
     * The outboxes of these tests are workstation 0 of 2 and the fixture's own generator workstation 1:
     * two generators of one institution never issue the same msgid (the simulator refuses a reused msgid).
     */
    public static final Workstation OUTBOX_WORKSTATION = Workstation.of(0, 2);

    public final Clock clock = Clock.system(CHINA);
    public final PlatformSimulator simulator;
    public final List<Duration> sleeps = new ArrayList<>();
    public final MsgIdGenerator msgids;
    private final PayloadCipher cipher;
    private final String signNo;

    public PlatformFixture() {
        this(null);
    }

    public PlatformFixture(PayloadCipher cipher) {
        simulator = PlatformSimulator.builder()
                .hisPublicKey(HIS_KEYS.getPublic())
                .platformSigner(new Sm2Signer(PLATFORM_KEYS.getPrivate(), new java.security.SecureRandom()))
                .payloadCipher(cipher)
                .clock(clock)
                .threads(32)
                .start();
        simulator.faults().delay(Duration.ofMillis(400));
        simulator.registerPerson(World.person(java.time.LocalDate.now(clock).minusMonths(2)));
        msgids = new MsgIdGenerator(INSTITUTION, clock, MsgIdReservations.inMemory(), Workstation.of(1, 2));
        this.cipher = cipher;
        signNo = signIn(client().callTimeout(Duration.ofSeconds(10)).attemptTimeout(Duration.ofSeconds(5)).build(),
                msgids.next()); // before any test schedules faults
    }

    public static EnvelopeCodec hisCodec(Clock clock, PayloadCipher cipher) {
        return EnvelopeCodec.builder()
                .signer(new Sm2Signer(HIS_KEYS.getPrivate(), new java.security.SecureRandom()))
                .counterpart(new Sm2Verifier(PLATFORM_KEYS.getPublic()))
                .payloadCipher(cipher)
                .clock(clock)
                .build();
    }

    /** A client with 200 ms attempts, 1.5 s total, tiny backoff, a recording sleeper. */
    public PlatformClient.Builder client() {
        return PlatformClient.builder()
                .endpoint(simulator.uri())
                .codec(hisCodec(clock, cipher))
                .attemptTimeout(Duration.ofMillis(200))
                .callTimeout(Duration.ofMillis(1500))
                .backoff(new Backoff(Duration.ofMillis(10), Duration.ofMillis(80)))
                .random(new Random(7))
                .sleeper(d -> {
                    synchronized (sleeps) {
                        sleeps.add(d);
                    }
                    Thread.sleep(d.toMillis());
                })
                .clock(clock);
    }

    /** The header without sign-in. */
    public static RequestHeader header() {
        return World.header().withInsuplcAdmdvs(World.INSURED);
    }

    /** The header with a valid {@code sign_no} (one 9001 per fixture). */
    public RequestHeader signedHeader() {
        return header().withSignNo(signNo);
    }

    /** Signs in through {@code client}; returns the {@code sign_no}. */
    public static String signIn(PlatformClient client, String msgid) {
        TransactionProfile p = client.codec().profile();
        PlatformResponse r = client.send(new PlatformRequest("9001", msgid, header(),
                Payload.input(p, Transaction.SIGN_IN).row("signIn", Map.of("opter_no", "op01", "mac", "00-11-22",
                        "ip", "10.0.0.8")).build()));
        return Answer.output(p.spec(Transaction.SIGN_IN), r.output()).one("signinoutb").orElseThrow().text("sign_no");
    }

    /** The input of a valid 2401 whose 住院号 is {@code iptNo}. */
    public static ObjectNode admissionInput(String iptNo) {
        return SampleRequests.admission(World.PSN_NO, World.ID_NUMBER, iptNo,
                LocalDateTime.now(CHINA).minusDays(1).withNano(0));
    }

    /** A valid, signed-in 2401 under a fresh msgid. */
    public PlatformRequest admission(String iptNo) {
        return new PlatformRequest("2401", msgids.next(), signedHeader(), admissionInput(iptNo));
    }

    /** Live (not reversed) admissions with {@code iptNo}. */
    public long standing(String iptNo) {
        return simulator.admissions().stream().filter(a -> a.iptNo().equals(iptNo) && !a.reversed()).count();
    }

    @Override
    public void close() {
        simulator.close();
    }
}
