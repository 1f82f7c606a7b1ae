package io.wcsettle.his.outbox;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.net.URI;
import java.util.Random;

import io.wcsettle.core.money.Fen;
import io.wcsettle.his.platform.Backoff;
import io.wcsettle.his.platform.CanonicalJson;
import io.wcsettle.his.platform.EnvelopeCodec;
import io.wcsettle.his.platform.PlatformClient;
import io.wcsettle.his.platform.PlatformFixture;
import io.wcsettle.his.platform.Sm2Keys;
import io.wcsettle.his.platform.Sm2Signer;
import io.wcsettle.his.platform.Sm2Verifier;

/**
 * The HIS process of the reliability test: settles bills {@code BILL-0000 …} through the outbox
 * against the simulator, picking up whatever an earlier (killed) incarnation left behind.
 * Arguments: database path, endpoint, key directory, number of bills.
 */
public final class ReliabilityChild {

    private ReliabilityChild() {
    }

    public static void main(String[] args) throws Exception {
        Path db = Path.of(args[0]);
        URI endpoint = URI.create(args[1]);
        Path keys = Path.of(args[2]);
        int bills = Integer.parseInt(args[3]);
        Clock clock = Clock.system(PlatformFixture.CHINA);
        EnvelopeCodec codec = EnvelopeCodec.builder()
                .signer(new Sm2Signer(Sm2Keys.privateKeyFromPem(Files.readString(keys.resolve("his.pem"))),
                        new SecureRandom()))
                .counterpart(new Sm2Verifier(Sm2Keys.publicKeyFromPem(Files.readString(keys.resolve("platform.pem")))))
                .clock(clock).build();
        PlatformClient client = PlatformClient.builder().endpoint(endpoint).codec(codec)
                .attemptTimeout(Duration.ofMillis(250)).callTimeout(Duration.ofMillis(900))
                .backoff(new Backoff(Duration.ofMillis(10), Duration.ofMillis(100)))
                .random(new Random(ProcessHandle.current().pid())).clock(clock).build();
        try (Outbox outbox = Outbox.h2File(db, PlatformFixture.INSTITUTION, clock, OutboxFixtures.DEADLINES, PlatformFixture.OUTBOX_WORKSTATION)) {
            String signNo = null;
            for (int attempt = 0; signNo == null && attempt < 200; attempt++) {
                try {
                    signNo = PlatformFixture.signIn(client, outbox.msgids().next());
                } catch (RuntimeException e) {
                    Thread.sleep(20); // faults are injected at random; sign in again
                }
            }
            OutboxRelay relay = new OutboxRelay(outbox, client, PlatformFixture.header().withSignNo(signNo));
            relay.runOnce(); // first finish what a killed predecessor left
            for (int i = 0; i < bills; i++) {
                String key = String.format("BILL-%04d", i);
                long fen = 10_000 + i;
                OutboxEntry e = outbox.enqueue(new NewMessage(key, "2401", "150102",
                        PlatformFixture.admissionInput(key), null, Fen.of(fen), Fen.of(fen - 100)));
                if (!e.state().isFinal()) {
                    relay.process(e);
                }
            }
            for (int round = 0; round < 200 && relay.runOnce() > 0; round++) {
                Thread.sleep(50);
            }
            System.out.println("CHILD-DONE unfinished=" + outbox.unfinished().size());
        }
    }
}
