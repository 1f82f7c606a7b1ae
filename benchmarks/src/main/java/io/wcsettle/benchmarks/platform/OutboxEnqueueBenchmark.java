package io.wcsettle.benchmarks.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import io.wcsettle.core.calendar.WorkingDayCalendar;
import io.wcsettle.core.money.Fen;
import io.wcsettle.core.policy.RegionalPolicies;
import io.wcsettle.core.upload.UploadDeadlines;
import io.wcsettle.his.outbox.NewMessage;
import io.wcsettle.his.outbox.Outbox;
import io.wcsettle.his.outbox.OutboxEntry;
import io.wcsettle.his.platform.CanonicalJson;

/**
 * Goal: durable outbox enqueue at ≥ 2,000 per second on the embedded H2 file database (each
 * enqueue is its own committed transaction, written to the file before it returns).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class OutboxEnqueueBenchmark {

    private Path dir;
    private Outbox outbox;
    private long n;

    @Setup
    public void setUp() throws IOException {
        dir = Files.createTempDirectory("wcsettle-outbox-bench");
        outbox = Outbox.h2File(dir.resolve("outbox"), "H11010500001", Clock.system(ZoneId.of("Asia/Shanghai")),
                new UploadDeadlines(RegionalPolicies.DEFAULT, WorkingDayCalendar.chinaOfficial()));
    }

    @TearDown
    public void tearDown() throws IOException {
        outbox.close();
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Benchmark
    public OutboxEntry enqueue() {
        String key = "BILL-" + (n++);
        return outbox.enqueue(new NewMessage(key, "2304", "150102", CanonicalJson.mapper().createObjectNode()
                .put("psn_no", "P1").put("mdtrt_id", key).put("medfee_sumamt", "123.45")
                .put("fund_pay_sumamt", "100.00"), null, Fen.of(12345), Fen.of(10000)));
    }
}
