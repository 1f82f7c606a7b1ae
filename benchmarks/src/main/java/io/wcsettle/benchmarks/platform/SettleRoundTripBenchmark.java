package io.wcsettle.benchmarks.platform;

import java.security.KeyPair;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import io.wcsettle.his.platform.CanonicalJson;
import io.wcsettle.his.platform.EnvelopeCodec;
import io.wcsettle.his.platform.MsgIdGenerator;
import io.wcsettle.his.platform.MsgIdReservations;
import io.wcsettle.his.platform.PlatformClient;
import io.wcsettle.his.platform.PlatformRequest;
import io.wcsettle.his.platform.PlatformResponse;
import io.wcsettle.his.platform.RequestHeader;
import io.wcsettle.his.platform.Sm2Keys;
import io.wcsettle.his.platform.Sm2Signer;
import io.wcsettle.his.platform.Sm2Verifier;
import io.wcsettle.testkit.platform.PlatformSimulator;

/**
 * Goal: an end-to-end signed 2304 settle round trip against the local simulator at p50 ≤ 5 ms
 * (sign request, HTTP over loopback, simulator verifies, commits, signs; client verifies).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class SettleRoundTripBenchmark {

    private PlatformSimulator simulator;
    private PlatformClient client;
    private MsgIdGenerator msgids;
    private RequestHeader header;
    private long n;

    @Setup
    public void setUp() {
        SecureRandom random = new SecureRandom();
        KeyPair his = Sm2Keys.generate(random);
        KeyPair platform = Sm2Keys.generate(random);
        Clock clock = Clock.system(ZoneId.of("Asia/Shanghai"));
        simulator = PlatformSimulator.builder().hisPublicKey(his.getPublic())
                .platformSigner(new Sm2Signer(platform.getPrivate(), random)).clock(clock).start();
        client = PlatformClient.builder().endpoint(simulator.uri())
                .codec(EnvelopeCodec.builder().signer(new Sm2Signer(his.getPrivate(), random))
                        .counterpart(new Sm2Verifier(platform.getPublic())).clock(clock).build())
                .attemptTimeout(Duration.ofSeconds(2)).callTimeout(Duration.ofSeconds(10))
                .random(new Random(1)).clock(clock).build();
        msgids = new MsgIdGenerator("H11010500001", clock, MsgIdReservations.inMemory());
        header = new RequestHeader("110105", "150102", "HIS", "DEV-01", "", "1", "op01", "", "H11010500001", "H", "");
    }

    @TearDown
    public void tearDown() {
        simulator.close();
    }

    @Benchmark
    public PlatformResponse signedSettleRoundTrip() {
        String id = "MD" + (n++);
        PlatformResponse r = client.send(new PlatformRequest("2304", msgids.next(), header,
                CanonicalJson.mapper().createObjectNode().put("psn_no", "P1").put("mdtrt_id", id)
                        .put("medfee_sumamt", "123.45").put("fund_pay_sumamt", "100.00")));
        if (!r.succeeded()) {
            throw new IllegalStateException("refused: " + r.errMsg());
        }
        return r;
    }
}
