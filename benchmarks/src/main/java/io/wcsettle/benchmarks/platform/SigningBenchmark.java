package io.wcsettle.benchmarks.platform;

import java.security.KeyPair;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.ZoneId;
import java.util.concurrent.TimeUnit;

import org.bouncycastle.crypto.CryptoException;
import org.bouncycastle.crypto.params.ParametersWithID;
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.bouncycastle.crypto.signers.PlainDSAEncoding;
import org.bouncycastle.crypto.signers.SM2Signer;
import org.bouncycastle.jcajce.provider.asymmetric.util.ECUtil;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.wcsettle.his.platform.CanonicalJson;
import io.wcsettle.his.platform.EnvelopeCodec;
import io.wcsettle.his.platform.PlatformRequest;
import io.wcsettle.his.platform.RequestHeader;
import io.wcsettle.his.platform.Signer;
import io.wcsettle.his.platform.Sm2Keys;
import io.wcsettle.his.platform.Sm2Signer;
import io.wcsettle.his.platform.Sm2Verifier;

/**
 * Goal: wcsettle's SM2 signing at least 0.8× the throughput of raw Bouncy Castle SM2 signing,
 * measured in the same run. {@code rawBouncyCastle} signs the canonical bytes with an initialised
 * BC {@code SM2Signer}; {@code wcsettleSigner} goes through the {@link Signer} port;
 * {@code wcsettleSignedEnvelope} builds the whole signed request envelope (canonical JSON, sign,
 * serialise).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class SigningBenchmark {

    private byte[] canonical;
    private SM2Signer raw;
    private Signer signer;
    private EnvelopeCodec codec;
    private PlatformRequest request;

    @Setup
    public void setUp() throws Exception {
        SecureRandom random = new SecureRandom();
        KeyPair his = Sm2Keys.generate(random);
        KeyPair platform = Sm2Keys.generate(random);
        ObjectNode input = CanonicalJson.mapper().createObjectNode()
                .put("psn_no", "P0000000001").put("mdtrt_id", "MD000000000000000001").put("mdtrt_cert_type", "02")
                .put("medfee_sumamt", "12345.67").put("fund_pay_sumamt", "12000.00").put("acct_used_flag", "0")
                .put("insutype", "410").put("psn_setlway", "01").put("chrg_bchno", "B0001");
        canonical = CanonicalJson.bytes(input);
        raw = new SM2Signer(PlainDSAEncoding.INSTANCE);
        raw.init(true, new ParametersWithID(new ParametersWithRandom(ECUtil.generatePrivateKeyParameter(his.getPrivate()),
                random), "1234567812345678".getBytes()));
        signer = new Sm2Signer(his.getPrivate(), random);
        codec = EnvelopeCodec.builder().signer(signer).counterpart(new Sm2Verifier(platform.getPublic()))
                .clock(Clock.system(ZoneId.of("Asia/Shanghai"))).build();
        request = new PlatformRequest("2304", "H11010500001202510091003040001", RequestHeader.builder()
                .mdtrtareaAdmvs("110105").insuplcAdmdvs("150102").recerSysCode("SICP").devNo("DEV-01").opter("op01")
                .opterName("op").fixmedinsCode("H11010500001").fixmedinsName("H").build(), input);
    }

    @Benchmark
    public byte[] rawBouncyCastle() throws CryptoException {
        raw.update(canonical, 0, canonical.length);
        return raw.generateSignature();
    }

    @Benchmark
    public byte[] wcsettleSigner() {
        return signer.sign(canonical);
    }

    @Benchmark
    public byte[] wcsettleSignedEnvelope() {
        return codec.encodeRequest(request);
    }
}
