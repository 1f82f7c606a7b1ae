package io.wcsettle.benchmarks;

import java.io.ByteArrayInputStream;
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
import org.openjdk.jmh.annotations.Warmup;

import io.wcsettle.core.clearing.ClearingCsvReader;
import io.wcsettle.core.clearing.CsvClearingResult;
import io.wcsettle.core.clearing.OnMalformed;

/**
 * JMH: the streaming clearing reader over an in-memory seeded file (R-CLR-5), time per file.
 * {@code java -jar benchmarks/target/benchmarks.jar ClearingCsvBenchmark -f 1 -wi 3 -i 5}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx256m"})
public class ClearingCsvBenchmark {

    /** Rows in the file. */
    @Param({"200000"})
    public int rows;

    private byte[] file;
    private final ClearingCsvReader reader = new ClearingCsvReader(OnMalformed.STOP);

    /** Generates the seeded file once. */
    @Setup(Level.Trial)
    public void setUp() throws IOException {
        Path tmp = Files.createTempFile("wcsettle-jmh", ".csv");
        try {
            ClearingFileGenerator.write(tmp, rows, ClearingFileGenerator.SEED);
            file = Files.readAllBytes(tmp);
        } finally {
            Files.delete(tmp);
        }
    }

    /** Clears the whole file on one thread. */
    @Benchmark
    public CsvClearingResult clearFile() {
        return reader.read("bench.csv", new ByteArrayInputStream(file));
    }
}
