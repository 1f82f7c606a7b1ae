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
import io.wcsettle.his.platform.profile.Payload;
import io.wcsettle.his.platform.profile.Transaction;
import io.wcsettle.his.platform.profile.TransactionProfile;
import io.wcsettle.testkit.platform.PlatformSimulator;
import io.wcsettle.testkit.platform.SimulatedPerson;
import io.wcsettle.testkit.platform.SampleRequests;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

/**
 * Goal: an end-to-end signed, committing round trip against the local strict simulator at p50 ≤ 5 ms
 * (sign request, HTTP over loopback, simulator verifies the signature, the sign-in and the whole
 * published table, commits, signs; client verifies). The request is a 2401 admission with every
 * field of 表 95 / 表 96 — the simulator refuses anything less — each under its own 住院号.
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
        simulator.registerPerson(new SimulatedPerson(ID, "张三", "", "", "", PSN, "150102", "11", List.of(
                new SimulatedPerson.Filing("F1", "LONG_TERM_RESIDENCE", "MEDICAL", "150102", "110000",
                        LocalDate.now(clock).minusMonths(1), null))));
        RequestHeader unsigned = RequestHeader.builder().mdtrtareaAdmvs("110105").insuplcAdmdvs("150102")
                .recerSysCode("SICP").opter("op01").opterName("op").fixmedinsCode("H11010500001").fixmedinsName("H")
                .build();
        PlatformResponse signIn = client.send(new PlatformRequest("9001", msgids.next(), unsigned,
                Payload.input(TransactionProfile.workInjury(), Transaction.SIGN_IN).row("signIn",
                        Map.of("opter_no", "op01", "mac", "00-11", "ip", "10.0.0.1")).build()));
        header = unsigned.withSignNo(signIn.output().path("signinoutb").path("sign_no").asText());
    }

    private static final String ID = "150102198001010016";
    private static final String PSN = "PSN150102000000000000000000001";

    private static com.fasterxml.jackson.databind.node.ObjectNode admission(String iptNo) {
        return SampleRequests.admission(PSN, ID, iptNo,
                LocalDateTime.now(ZoneId.of("Asia/Shanghai")).minusDays(1).withNano(0));
    }

    @TearDown
    public void tearDown() {
        simulator.close();
    }

    @Benchmark
    public PlatformResponse signedSettleRoundTrip() {
        PlatformResponse r = client.send(new PlatformRequest("2401", msgids.next(), header,
                admission(String.format("ZY%028d", n++))));
        if (!r.succeeded()) {
            throw new IllegalStateException("refused: " + r.errMsg());
        }
        return r;
    }
}
