package io.wcsettle.examples;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;

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

    /** Runs {@code args} as {@code java -jar wcsettle-examples.jar args} would. */
    static CliRun of(String... args) {
        return of(cli -> cli, args);
    }

    /** As {@link #of(String...)}, with {@code adjust} applied to the configured command line first. */
    static CliRun of(Function<CommandLine, CommandLine> adjust, String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
            CommandLine cli = adjust.apply(WcsettleCli.configure(new CommandLine(new WcsettleCli()), args));
            int code = cli.execute(args);
            System.out.flush();
            System.err.flush();
            return new CliRun(code, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    /** The lines of standard error. */
    List<String> errLines() {
        return err.lines().toList();
    }
}
