package io.wcsettle.examples.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.ZoneId;
import java.util.concurrent.Callable;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import io.wcsettle.core.error.WcsettleException;
import io.wcsettle.his.platform.Sm2Keys;
import io.wcsettle.his.platform.Sm2Signer;
import io.wcsettle.his.platform.ApiGateway;
import io.wcsettle.testkit.platform.PlatformSimulator;
import io.wcsettle.testkit.platform.SimulatedPerson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code simulate}: runs the embedded {@link PlatformSimulator} on a loopback port for an
 * integrator's own tests, until interrupted. The platform's SM2 key pair is made at start; the
 * HIS key is the integrator's public key ({@code --his-public-key}) or a fresh pair written beside
 * the platform's public key in {@code --keys-dir}.
 */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = "Run the settlement platform simulator on 127.0.0.1 until Ctrl-C (a test double, not a platform).")
public final class SimulateCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--port", paramLabel = "N", defaultValue = "0",
            description = "TCP port on 127.0.0.1, 0 for any free port (default: ${DEFAULT-VALUE})")
    private int port;

    @Option(names = "--keys-dir", paramLabel = "DIR", defaultValue = "wcsettle-simulator-keys",
            description = "where to write platform-public.pem (and his-private.pem / his-public.pem when no key is given)")
    private Path keysDir;

    @Option(names = "--his-public-key", paramLabel = "PEM",
            description = "the HIS's SM2 public key (PEM) the simulator verifies requests with")
    private Path hisPublicKey;

    @Option(names = "--admdvs", paramLabel = "CODE", defaultValue = "430100",
            description = "the simulator's admdvs, used in inf_refmsgid (default: ${DEFAULT-VALUE})")
    private String admdvs;

    @Option(names = "--person", paramLabel = "SPEC",
            description = "register a person 1101 finds, repeatable: id=ID,name=NAME[,card=CARDNO,card_sn=32HEX]"
                    + "[,ecard=TOKEN],psn_no=PSN,insured=ADMDVS[,psn_type=11]"
                    + "[,filing=TYPE:SCOPE:TARGET:yyyy-MM-dd] (TYPE REFERRAL|LONG_TERM_RESIDENCE|RESIDENT_WORK, "
                    + "SCOPE MEDICAL|REHAB|DEVICE)")
    private List<String> persons = new ArrayList<>();

    @Option(names = "--seed", paramLabel = "FILE",
            description = "a JSON file with an array of persons, each {\"id\",\"name\",\"card\",\"card_sn\",\"ecard\","
                    + "\"psn_no\",\"insured\",\"psn_type\",\"filings\":[{\"type\",\"scope\",\"target\",\"filed_on\"}]}")
    private Path seed;

    @Option(names = "--gateway", paramLabel = "AK:SK:VERSION",
            description = "demand the service gateway's _api_* headers signed with this AK/SK (表 5)")
    private String gateway;

    private ApiGateway gateway(String spec) {
        String[] p = spec.split(":", 3);
        if (p.length != 3) {
            throw new ParameterException(this.spec.commandLine(), "--gateway is AK:SK:VERSION");
        }
        return new ApiGateway(p[0], p[1], p[2]);
    }

    @Override
    public Integer call() throws Exception {
        if (port < 0 || port > 65535) {
            throw new ParameterException(spec.commandLine(), "--port must be 0..65535, was " + port);
        }
        PrintStream out = System.out;
        SecureRandom random = new SecureRandom();
        Files.createDirectories(keysDir);
        PublicKey his;
        if (hisPublicKey != null) {
            his = readPublicKey(hisPublicKey);
        } else {
            KeyPair pair = Sm2Keys.generate(random);
            Files.writeString(keysDir.resolve("his-private.pem"), Sm2Keys.toPem(pair.getPrivate()));
            Files.writeString(keysDir.resolve("his-public.pem"), Sm2Keys.toPem(pair.getPublic()));
            his = pair.getPublic();
        }
        KeyPair platform = Sm2Keys.generate(random);
        Files.writeString(keysDir.resolve("platform-public.pem"), Sm2Keys.toPem(platform.getPublic()));
        CountDownLatch stop = new CountDownLatch(1);
        try (PlatformSimulator simulator = start(PlatformSimulator.builder()
                .hisPublicKey(his)
                .platformSigner(new Sm2Signer(platform.getPrivate(), random))
                .clock(Clock.system(ZoneId.of("Asia/Shanghai")))
                .admdvs(admdvs)
                .port(port)
                .gateway(gateway == null ? null : gateway(gateway)))) {
            for (SimulatedPerson p : SimulatorSeed.persons(persons, seed)) {
                simulator.registerPerson(p);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(stop::countDown));
            out.println("simulator listening on " + simulator.uri());
            out.println("keys in " + keysDir.toAbsolutePath() + " (platform-public.pem verifies responses"
                    + (hisPublicKey == null ? "; sign requests with his-private.pem" : "") + ")");
            out.println((persons.size() + (seed == null ? 0 : 1)) == 0
                    ? "no persons registered: 1101 will answer 未查询到人员信息 (see --person / --seed)"
                    : "persons registered from --person / --seed");
            out.println("Ctrl-C to stop");
            out.flush();
            stop.await();
        }
        return 0;
    }

    /** The HIS public key at {@code pem}; a file that is not one is an error naming the file. */
    private static PublicKey readPublicKey(Path pem) throws IOException {
        String text;
        try {
            text = Files.readString(pem, StandardCharsets.US_ASCII);
        } catch (CharacterCodingException e) {
            throw new CliException("not a PEM file (not ASCII text): " + pem, e);
        }
        try {
            return Sm2Keys.publicKeyFromPem(text);
        } catch (RuntimeException e) {
            String code = e instanceof WcsettleException w ? " (" + w.code() + ")" : "";
            throw new CliException("not an SM2 public key in PEM: " + pem + code, e);
        }
    }

    /** Starts the simulator; a port in use is an error naming the port. */
    private PlatformSimulator start(PlatformSimulator.Builder builder) {
        try {
            return builder.start();
        } catch (io.wcsettle.his.platform.PlatformException e) {
            if (e.getCause() instanceof BindException) {
                throw new CliException("cannot listen on 127.0.0.1:" + port + ": address in use or not permitted;"
                        + " choose another --port (0 picks a free one)", e);
            }
            throw e;
        }
    }
}
