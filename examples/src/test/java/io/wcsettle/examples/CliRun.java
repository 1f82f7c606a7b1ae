package io.wcsettle.examples;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.UnaryOperator;

import picocli.CommandLine;

/**
 * One run of the command line with {@code System.out} and {@code System.err} captured (the
 * subcommands print to the process's streams). Not thread-safe: tests run one at a time.
 *
 * @param code exit code
 * @param out  standard output
 * @param err  standard error
 */
record CliRun(int code, String out, String err) {

    /** Runs {@code args} as {@code java -jar wcsettle-examples.jar args} would, on a fresh command line. */
    static CliRun of(String... args) {
        try (Session s = new Session(UnaryOperator.identity())) {
            return s.run(args);
        }
    }

    /** The lines of standard error. */
    List<String> errLines() {
        return err.lines().toList();
    }

    /**
     * One configured command line reused for many runs (as picocli allows: options are reset before
     * each parse), with the process's streams captured until {@link #close()}.
     */
    static final class Session implements AutoCloseable {
        private final PrintStream savedOut = System.out;
        private final PrintStream savedErr = System.err;
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private final ByteArrayOutputStream err = new ByteArrayOutputStream();
        private final CommandLine cli;

        Session(UnaryOperator<CommandLine> adjust) {
            PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
            PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
            System.setOut(o);
            System.setErr(e);
            cli = adjust.apply(WcsettleCli.configure(new CommandLine(new WcsettleCli())));
            cli.setOut(new PrintWriter(o, true));
            cli.setErr(new PrintWriter(e, true));
        }

        CliRun run(String... args) {
            out.reset();
            err.reset();
            int code = cli.execute(args);
            System.out.flush();
            System.err.flush();
            return new CliRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        }

        @Override
        public void close() {
            System.setOut(savedOut);
            System.setErr(savedErr);
        }
    }
}
