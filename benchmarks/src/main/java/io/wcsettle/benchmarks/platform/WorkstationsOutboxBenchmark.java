package io.wcsettle.benchmarks.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.h2.jdbcx.JdbcDataSource;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
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
import io.wcsettle.his.platform.Workstation;

/**
 * N workstations of one institution on one outbox database (each its own {@link Outbox}, its own
 * connection, sharing the msgid reservation table): enqueue throughput and latency percentiles.
 * Run with {@code -t N} threads; each thread is one workstation. Business keys are 30-character
 * random ids, as a HIS's visit numbers are.
 */
@State(Scope.Benchmark)
@BenchmarkMode({Mode.Throughput, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class WorkstationsOutboxBenchmark {

    private Path dir;
    private JdbcDataSource ds;
    private final AtomicInteger workstations = new AtomicInteger();

    /** One workstation: its own outbox on the shared database. */
    @State(Scope.Thread)
    public static class Station {
        Outbox outbox;

        @Setup(Level.Trial)
        public void open(WorkstationsOutboxBenchmark shared) {
            shared.workstations.incrementAndGet();
            outbox = Outbox.open(shared.ds, "H11010500001", Clock.system(ZoneId.of("Asia/Shanghai")),
                    new UploadDeadlines(RegionalPolicies.DEFAULT, WorkingDayCalendar.chinaOfficial()),
                    Workstation.single(), null);
        }

        @TearDown(Level.Trial)
        public void close() {
            outbox.close();
        }
    }

    @Param({"database"})
    public String shared;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        dir = Files.createTempDirectory("wcsettle-workstations-bench");
        ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:file:" + dir.resolve("outbox").toAbsolutePath() + ";WRITE_DELAY=0");
        // the schema is created once, before the workstations open it (first-time migration is not
        // safe against concurrent first opens)
        Outbox.open(ds, "H11010500001", Clock.system(ZoneId.of("Asia/Shanghai")),
                new UploadDeadlines(RegionalPolicies.DEFAULT, WorkingDayCalendar.chinaOfficial())).close();
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Benchmark
    public OutboxEntry enqueue(Station station) {
        String key = UUID.randomUUID().toString().replace("-", "").substring(0, 30);
        return station.outbox.enqueue(new NewMessage(key, "2401", "150102", CanonicalJson.mapper().createObjectNode()
                .put("psn_no", "P1").put("mdtrt_id", key), null, Fen.of(12345), Fen.of(10000)));
    }
}
