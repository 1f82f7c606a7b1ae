package io.wcsettle.benchmarks;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Command-line arguments of the benchmark programs: a wrong one is one {@code error:} line naming
 * it and the usage, exit code 2, instead of a stack trace.
 */
public final class Args {

    private Args() {
    }

    /** A bad argument; its message names it. */
    public static final class UsageException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        public UsageException(String message) {
            super(message);
        }
    }

    /** Something a program's {@code main} runs, which may refuse its arguments. */
    @FunctionalInterface
    public interface Program {
        void run(String[] args) throws Exception;
    }

    /** Runs {@code program}; a {@link UsageException} prints the error and {@code usage} and exits 2. */
    public static void main(String usage, String[] args, Program program) throws Exception {
        try {
            program.run(args);
        } catch (UsageException e) {
            System.err.println("error: " + e.getMessage());
            System.err.println("usage: " + usage);
            System.exit(2);
        }
    }

    /** The value after the option at {@code args[k]}. */
    public static String value(String[] args, int k) {
        if (k + 1 >= args.length) {
            throw new UsageException(args[k] + " needs a value");
        }
        return args[k + 1];
    }

    /** {@code text} as a whole number in {@code [min, max]}; {@code what} names it in the error. */
    public static long number(String what, String text, long min, long max) {
        long v;
        try {
            v = Long.parseLong(text.replace("_", ""));
        } catch (NumberFormatException e) {
            throw new UsageException(what + ": not a whole number: " + text);
        }
        if (v < min || v > max) {
            throw new UsageException(what + ": " + min + " to " + max + ", not " + text);
        }
        return v;
    }

    /** {@code text} as an id shape ({@code dense}, {@code alnum30} …). */
    public static ClearingFileGenerator.IdShape shape(String text) {
        try {
            return ClearingFileGenerator.IdShape.parse(text);
        } catch (IllegalArgumentException e) {
            throw new UsageException("unknown id shape " + text.toLowerCase(Locale.ROOT) + " (one of "
                    + Arrays.stream(ClearingFileGenerator.IdShape.values()).map(ClearingFileGenerator.IdShape::label)
                            .collect(Collectors.joining(", ")) + ")");
        }
    }
}
