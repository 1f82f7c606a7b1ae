package io.wcsettle.gateway;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import io.wcsettle.his.platform.Sm2Keys;
import io.wcsettle.his.platform.Sm2Signer;
import io.wcsettle.testkit.platform.PlatformSimulator;
import io.wcsettle.testkit.platform.SimulatedPerson;

/**
 * The platform simulator (a test double of the national platform) with one registered worker, and a
 * gateway configuration file pointing at it: keys, institution, catalogue, insured-place policy,
 * outbox and token files in {@code dir}.
 */
final class World implements AutoCloseable {

    static final String ID_NUMBER = "150102198001010016";
    static final String NAME = "张三";
    static final Clock CLOCK = Clock.system(ZoneId.of("Asia/Shanghai"));

    final Path dir;
    final Path config;
    final PlatformSimulator sim;

    World(Path dir) throws IOException {
        this(dir, 0);
    }

    World(Path dir, int port) throws IOException {
        this.dir = dir;
        SecureRandom random = new SecureRandom();
        KeyPair his = Sm2Keys.generate(random);
        KeyPair platform = Sm2Keys.generate(random);
        Files.createDirectories(dir.resolve("keys"));
        Files.writeString(dir.resolve("keys/his-private.pem"), Sm2Keys.toPem(his.getPrivate()));
        Files.writeString(dir.resolve("keys/platform-public.pem"), Sm2Keys.toPem(platform.getPublic()));
        sim = PlatformSimulator.builder().hisPublicKey(his.getPublic())
                .platformSigner(new Sm2Signer(platform.getPrivate(), random)).clock(CLOCK).start();
        sim.registerPerson(new SimulatedPerson(ID_NUMBER, NAME, "", "", "", "PSN001", "150102", "11",
                List.of(new SimulatedPerson.Filing("F1", "LONG_TERM_RESIDENCE", "MEDICAL", "150102", "430100",
                        LocalDate.now(CLOCK).minusMonths(1), null))));
        Files.writeString(dir.resolve("catalogue.csv"), "code,from,until,limit\nXA01,2024-01-01,,\nBED01,2024-01-01,,60.00\n");
        config = dir.resolve("gateway.properties");
        Files.writeString(config, String.join("\n",
                "platform.url=" + sim.uri(),
                "platform.attemptTimeout=PT5S",
                "platform.callTimeout=PT15S",
                "keys.hisPrivateKey=keys/his-private.pem",
                "keys.platformPublicKey=keys/platform-public.pem",
                "institution.code=H43010200001",
                "institution.name=长沙某医院",
                "institution.admdvs=430102",
                "header.recerSysCode=SICP",
                "header.opter=0001",
                "header.opterName=收费员甲",
                "signIn.operatorNo=0001",
                "signIn.mac=00-16-3E-00-00-01",
                "signIn.ip=10.0.0.8",
                "outbox.file=data/outbox",
                "catalogue.csv=catalogue.csv",
                "insured.150000.policy=150000",
                "token.file=gateway.token",
                "gateway.port=" + port,
                ""));
    }

    Path tokenFile() {
        return dir.resolve("gateway.token");
    }

    String token() throws IOException {
        return Files.readString(tokenFile()).strip();
    }

    @Override
    public void close() {
        sim.close();
    }
}
