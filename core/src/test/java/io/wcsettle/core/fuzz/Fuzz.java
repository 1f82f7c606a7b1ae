package io.wcsettle.core.fuzz;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

import io.wcsettle.core.error.WcsettleException;

/**
 * The fuzz harness: feeds generated inputs to one public entry point and classifies every
 * outcome. An input is fine when it is <em>accepted</em> (and then the {@link Oracle} agrees with
 * the value, e.g. a BigDecimal reference computation) or <em>rejected</em> with a
 * {@link WcsettleException} carrying a non-blank code (which the oracle may also check). Anything
 * else fails the test: another throwable (<em>untyped</em>), an oracle disagreement (<em>wrong</em>),
 * or more than {@link #LIMIT_MILLIS} ms for one input (<em>hang</em>; each input runs on a worker
 * thread, so a hang is cut off and reported instead of stalling the build — a hang guard, not a
 * speed goal).
 *
 * <p>{@code -Dwcsettle.fuzz.tries=N} sets the inputs per entry point (default {@value #DEFAULT_TRIES});
 * {@code -Dwcsettle.fuzz.seed=S} the seed (default fixed, so CI runs are reproducible);
 * {@code -Dwcsettle.fuzz.debug=true} prints every input that took over 20 ms to make or judge.
 * Every entry point prints one summary line.
 */
public final class Fuzz {

    /** Inputs per entry point in {@code mvn verify}. */
    public static final int DEFAULT_TRIES = 3000;

    /** The per-input hang guard. */
    public static final long LIMIT_MILLIS = 2000;

    private static final int TRIES = Integer.getInteger("wcsettle.fuzz.tries", DEFAULT_TRIES);
    private static final long SEED = Long.getLong("wcsettle.fuzz.seed", 20_261_201L);
    private static final int SHOWN = 8;

    /** Summaries go to the standard output the JVM started with, even while a test captures System.out. */
    private static final java.io.PrintStream REPORT = System.out;

    private Fuzz() {
    }

    /** Tries per entry point, scaled by {@code weight} (an expensive entry point runs fewer). */
    public static int tries(double weight) {
        return Math.max(1, (int) Math.round(TRIES * weight));
    }

    /** The base seed. */
    public static long seed() {
        return SEED;
    }

    /** The entry point under test, as a function that may throw anything. */
    @FunctionalInterface
    public interface Call<I, R> {
        /** Runs the entry point on {@code input}. */
        R apply(I input) throws Exception;
    }

    /** Judges outcomes; throws {@link AssertionError} when an outcome is wrong. */
    public interface Oracle<I, R> {
        /** {@code input} was accepted with {@code result}. */
        void accepted(I input, R result);

        /** {@code input} was refused with {@code error}; by default any code is fine. */
        default void rejected(I input, WcsettleException error) {
        }
    }

    /** An oracle with no reference computation: accepted or typed, both fine. */
    public static <I, R> Oracle<I, R> typedOnly() {
        return (input, result) -> { };
    }

    /** Runs {@code tries} inputs from {@code generator} through {@code call}, failing on any untyped, wrong or hung outcome. */
    public static <I, R> void run(String entry, int tries, Function<SplittableRandom, I> generator,
                                  Call<I, R> call, Oracle<I, R> oracle) {
        run(entry, tries, generator, call, oracle, Fuzz::render);
    }

    /** As {@link #run(String, int, Function, Call, Oracle)}, rendering inputs in failures with {@code show}. */
    public static <I, R> void run(String entry, int tries, Function<SplittableRandom, I> generator,
                                  Call<I, R> call, Oracle<I, R> oracle, Function<I, String> show) {
        SplittableRandom random = new SplittableRandom(SEED ^ entry.hashCode());
        Map<String, Integer> codes = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        int accepted = 0;
        int untyped = 0;
        int wrong = 0;
        int hangs = 0;
        long start = System.nanoTime();
        ExecutorService worker = newWorker(entry);
        try {
            for (int i = 0; i < tries; i++) {
                long g0 = System.nanoTime();
                I input = generator.apply(random);
                long g1 = System.nanoTime();
                if (Boolean.getBoolean("wcsettle.fuzz.debug") && (g1 - g0) > 20_000_000) {
                    REPORT.println("slow generate " + (g1 - g0) / 1_000_000 + " ms: " + show.apply(input));
                }
                Future<String> f = worker.submit(() -> judge(input, call, oracle));
                String outcome;
                try {
                    outcome = f.get(LIMIT_MILLIS, TimeUnit.MILLISECONDS);
                } catch (TimeoutException e) {
                    f.cancel(true);
                    worker.shutdownNow();
                    worker = newWorker(entry);
                    outcome = "hang: over " + LIMIT_MILLIS + " ms";
                } catch (ExecutionException e) {
                    outcome = "untyped: harness " + e.getCause();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError(e);
                }
                if (Boolean.getBoolean("wcsettle.fuzz.debug") && (System.nanoTime() - g1) > 20_000_000) {
                    REPORT.println("slow run " + (System.nanoTime() - g1) / 1_000_000 + " ms: " + outcome + " " + show.apply(input));
                }
                if (outcome.equals("accepted")) {
                    accepted++;
                } else if (outcome.startsWith("rejected ")) {
                    codes.merge(outcome.substring(9), 1, Integer::sum);
                } else {
                    if (outcome.startsWith("untyped")) {
                        untyped++;
                    } else if (outcome.startsWith("hang")) {
                        hangs++;
                    } else {
                        wrong++;
                    }
                    if (failures.size() < SHOWN) {
                        failures.add("#" + i + " " + outcome + "\n    input: " + show.apply(input));
                    }
                }
            }
        } finally {
            worker.shutdownNow();
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        int rejected = codes.values().stream().mapToInt(Integer::intValue).sum();
        String summary = String.format("fuzz %s: %d inputs (seed %d) in %d ms: %d accepted, %d rejected %s, "
                        + "%d untyped, %d wrong, %d hangs",
                entry, tries, SEED, millis, accepted, rejected, codes, untyped, wrong, hangs);
        REPORT.println(summary);
        if (!failures.isEmpty()) {
            fail(summary + "\n  " + String.join("\n  ", failures));
        }
    }

    private static <I, R> String judge(I input, Call<I, R> call, Oracle<I, R> oracle) {
        R result;
        try {
            result = call.apply(input);
        } catch (WcsettleException e) {
            if (e.errorCode() == null || e.code() == null || e.code().isBlank()) {
                return "untyped: a WcsettleException without a code: " + e;
            }
            try {
                oracle.rejected(input, e);
            } catch (AssertionError | RuntimeException bad) {
                return "wrong: rejected with " + e.getMessage() + " but " + bad.getMessage();
            }
            return "rejected " + e.code();
        } catch (Throwable t) {
            return "untyped: " + t + at(t);
        }
        try {
            oracle.accepted(input, result);
        } catch (AssertionError | RuntimeException bad) {
            return "wrong: accepted " + render(result) + " but " + bad;
        }
        return "accepted";
    }

    private static String at(Throwable t) {
        StackTraceElement[] st = t.getStackTrace();
        for (StackTraceElement e : st) {
            if (e.getClassName().startsWith("io.wcsettle.")) {
                return " at " + e;
            }
        }
        return st.length > 0 ? " at " + st[0] : "";
    }

    private static ExecutorService newWorker(String entry) {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "fuzz-" + entry);
            t.setDaemon(true);
            return t;
        });
    }

    /** Java-escaped, at most 300 characters. */
    public static String render(Object o) {
        if (o == null) {
            return "null";
        }
        if (o instanceof byte[] b) {
            return render(new String(b, java.nio.charset.StandardCharsets.UTF_8)) + " (" + b.length + " bytes)";
        }
        String s = o instanceof String ? (String) o : String.valueOf(o);
        StringBuilder sb = new StringBuilder(o instanceof String ? "\"" : "");
        for (int i = 0; i < s.length() && sb.length() < 300; i++) {
            char c = s.charAt(i);
            if (c == '"' && o instanceof String) {
                sb.append("\\\"");
            } else if (c == '\\') {
                sb.append("\\\\");
            } else if (c >= 0x20 && c < 0x7f) {
                sb.append(c);
            } else if (c == '\n') {
                sb.append("\\n");
            } else {
                sb.append(String.format("\\u%04x", (int) c));
            }
        }
        if (sb.length() >= 300) {
            sb.append("… (").append(s.length()).append(" chars)");
        }
        return o instanceof String ? sb.append('"').toString() : sb.toString();
    }
}
