package io.wcsettle.benchmarks.calendar;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
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

import io.wcsettle.core.calendar.WorkingDayCalendar;

/**
 * JMH: loading a calendar JSON document of {@code years} years (R-CAL-1), each with 30 rest days
 * and 6 make-up Saturdays as real schedules have. Loading is linear in the document: the time per
 * year stays flat from 1,000 to 9,999 years (issue 17 measured 5.8 s for 20,000 years when each
 * year copied the whole map). {@code java -jar benchmarks/target/benchmarks.jar CalendarLoadBenchmark -f 1}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx512m"})
public class CalendarLoadBenchmark {

    /** Years in the document, ending at 9999. */
    @Param({"1000", "9999"})
    public int years;

    private byte[] json;

    /** Builds the document once. */
    @Setup(Level.Trial)
    public void setUp() {
        json = document(10_000 - years, 9999).getBytes(StandardCharsets.UTF_8);
    }

    /** A document of the years {@code from..to}, in the format of {@code cn-workdays.json}. */
    static String document(int from, int to) {
        StringBuilder sb = new StringBuilder("{\"years\": {\n");
        for (int y = from; y <= to; y++) {
            sb.append(y > from ? ",\n" : "").append(String.format("\"%04d\": {\"rest\": [", y));
            LocalDate d = LocalDate.of(y, 1, 2).with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));
            for (int k = 0; k < 30; k++) {
                sb.append(k > 0 ? ", " : "").append('"').append(d.plusWeeks(k)).append('"');
            }
            sb.append("], \"work\": [");
            LocalDate s = LocalDate.of(y, 1, 1).with(TemporalAdjusters.nextOrSame(DayOfWeek.SATURDAY));
            for (int k = 0; k < 6; k++) {
                sb.append(k > 0 ? ", " : "").append('"').append(s.plusWeeks(k * 8L)).append('"');
            }
            sb.append("]}");
        }
        return sb.append("\n}}").toString();
    }

    /** Loads the whole document into an empty calendar. */
    @Benchmark
    public WorkingDayCalendar load() {
        return WorkingDayCalendar.empty().withJson(new ByteArrayInputStream(json));
    }
}
