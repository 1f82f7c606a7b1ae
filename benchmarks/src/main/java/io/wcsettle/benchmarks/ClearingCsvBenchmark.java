package io.wcsettle.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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

import io.wcsettle.core.clearing.ClearingCsvReader;
import io.wcsettle.core.clearing.CsvClearingResult;
import io.wcsettle.core.clearing.OnMalformed;

/**
 * JMH: the streaming clearing reader (R-CLR-5) over a seeded file of each record-id shape, with
 * one duplicate row in a thousand, read from a file (in the page cache) under {@code -Xmx64m} as
 * the {@code clear} command does; time per file. The goal (issue 16): every shape within 1.5× of
 * {@code DENSE}. {@code java -jar benchmarks/target/benchmarks.jar ClearingCsvBenchmark -f 1 -wi 3 -i 5}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx64m"})
public class ClearingCsvBenchmark {

    /** Rows in the file. */
    @Param({"500000"})
    public int rows;

    /** The record-id shape. */
    @Param({"DENSE", "DENSE_SHUFFLED", "SPARSE", "ALNUM13", "ALNUM30"})
    public ClearingFileGenerator.IdShape shape;

    private Path file;
    private final ClearingCsvReader reader = ClearingCsvReader.builder()
            .onMalformed(OnMalformed.SKIP_AND_REPORT).build();

    /** Generates the seeded file once. */
    @Setup(Level.Trial)
    public void setUp() throws IOException {
        file = Files.createTempFile("wcsettle-jmh", ".csv");
        ClearingFileGenerator.write(file, rows, ClearingFileGenerator.SEED, shape, 1000);
    }

    /** Deletes the file. */
    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        Files.deleteIfExists(file);
    }

    /** Clears the whole file on one thread. */
    @Benchmark
    public CsvClearingResult clearFile() {
        return reader.read(file);
    }
}
