package io.wcsettle.his.platform;

import java.security.KeyPair;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.wcsettle.testkit.platform.PlatformSimulator;

/** Keys, clock, simulator and client for platform tests. */
public final class PlatformFixture implements AutoCloseable {

    public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    public static final String INSTITUTION = "H11010500001";
    private static final SecureRandom RANDOM = new SecureRandom();
    public static final KeyPair HIS_KEYS = Sm2Keys.generate(RANDOM);
    public static final KeyPair PLATFORM_KEYS = Sm2Keys.generate(RANDOM);

    public final Clock clock = Clock.system(CHINA);
    public final PlatformSimulator simulator;
    public final List<Duration> sleeps = new ArrayList<>();
    public final MsgIdGenerator msgids;

    public PlatformFixture() {
        this(null);
    }

    public PlatformFixture(PayloadCipher cipher) {
        simulator = PlatformSimulator.builder()
                .hisPublicKey(HIS_KEYS.getPublic())
                .platformSigner(new Sm2Signer(PLATFORM_KEYS.getPrivate(), RANDOM))
                .payloadCipher(cipher)
                .clock(clock)
                .threads(32)
                .start();
        simulator.faults().delay(Duration.ofMillis(400));
        msgids = new MsgIdGenerator(INSTITUTION, clock, MsgIdReservations.inMemory());
        this.cipher = cipher;
    }

    private final PayloadCipher cipher;

    public static EnvelopeCodec hisCodec(Clock clock, PayloadCipher cipher) {
        return EnvelopeCodec.builder()
                .signer(new Sm2Signer(HIS_KEYS.getPrivate(), RANDOM))
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

    public static RequestHeader header() {
        return new RequestHeader("110105", "150102", "HIS", "DEV-01", "SAFE-SECRET-INFO", "1", "op01",
                "张操作员", INSTITUTION, "北京某医院", "");
    }

    public PlatformRequest settlement(String mdtrtId, String medfee, String fund) {
        ObjectNode input = CanonicalJson.mapper().createObjectNode()
                .put("psn_no", "P" + mdtrtId)
                .put("mdtrt_id", mdtrtId)
                .put("mdtrt_cert_type", "02")
                .put("mdtrt_cert_no", "110101199003071234")
                .put("psn_name", "王小明")
                .put("medfee_sumamt", medfee)
                .put("fund_pay_sumamt", fund);
        return new PlatformRequest("2304", msgids.next(), header(), input);
    }

    @Override
    public void close() {
        simulator.close();
    }
}
