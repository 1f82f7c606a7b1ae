package io.wcsettle.benchmarks.card;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import io.wcsettle.his.card.ApduChannel;
import io.wcsettle.his.card.PcscCardChannel;
import io.wcsettle.his.card.PcscReaders;
import io.wcsettle.his.card.SocialSecurityCard;
import io.wcsettle.his.card.SocialSecurityCardReader;
import io.wcsettle.testkit.card.PcscDaemon;
import io.wcsettle.testkit.card.SimulatedSocialSecurityCard;
import io.wcsettle.testkit.card.VpcdCard;

/**
 * A full read of a third-generation card (select SSSE, EF05 items 01–07 and EF06 items 08–0D by
 * record number, every item decoded by its encoding, the ATR's historical bytes: 16 APDUs, no
 * PSAM) per operation. {@code pcsc}: javax.smartcardio → libpcsclite → pcscd → vpcd →
 * simulated card over TCP, the connection held (exclusive) across operations; goal &lt; 100 ms.
 * {@code inProcess}: the same simulated card as an ApduChannel, the parsing cost alone.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar CardReadBenchmark} (pcscd +
 * vsmartcard-vpcd installed; pcscd is started if not running).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class CardReadBenchmark {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final Clock CLOCK = Clock.fixed(LocalDate.of(2025, 6, 1).atStartOfDay(CHINA).toInstant(), CHINA);

    @Param({"pcsc", "inProcess"})
    public String path;

    private final SocialSecurityCardReader reader = SocialSecurityCardReader.withoutPsam(CLOCK);
    private PcscDaemon daemon;
    private VpcdCard vpcd;
    private PcscCardChannel pcscChannel;
    private ApduChannel channel;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        SimulatedSocialSecurityCard card = SimulatedSocialSecurityCard.sample();
        if (path.equals("inProcess")) {
            channel = card;
            return;
        }
        String reason = PcscDaemon.unavailableReason().orElse(null);
        if (reason != null) {
            throw new IllegalStateException(reason);
        }
        PcscReaders.useLibraryIfUnset(PcscDaemon.LIBPCSCLITE);
        daemon = PcscDaemon.ensureRunning(Duration.ofSeconds(10));
        vpcd = VpcdCard.insert(card, "127.0.0.1", VpcdCard.DEFAULT_PORT, Duration.ofSeconds(5));
        PcscReaders readers = PcscReaders.open();
        String name = readers.names().stream().filter(n -> n.startsWith("Virtual PCD")).findFirst().orElseThrow();
        pcscChannel = readers.waitForCard(name, Duration.ofSeconds(5));
        channel = pcscChannel;
    }

    @Benchmark
    public SocialSecurityCard fullRead() {
        return reader.read(channel);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        if (pcscChannel != null) {
            pcscChannel.close();
        }
        if (vpcd != null) {
            vpcd.close();
        }
        if (daemon != null) {
            daemon.close();
        }
    }
}
