package io.wcsettle.examples;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import io.wcsettle.examples.cli.CardCommand;
import io.wcsettle.examples.cli.ClearCommand;
import io.wcsettle.examples.cli.SimulateCommand;
import io.wcsettle.examples.conformance.ConformanceRunner;
import io.wcsettle.core.error.WcsettleException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** Entry point of {@code wcsettle-examples.jar}: one subcommand per program. */
@Command(name = "wcsettle", mixinStandardHelpOptions = true, version = "wcsettle 0.1.0",
        description = "wcsettle example programs.",
        subcommands = {WcsettleCli.Conformance.class, Demo.class, ClearCommand.class, SimulateCommand.class, CardCommand.class})
public final class WcsettleCli implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    /** Runs the command line and exits with its code. */
    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command line and returns its exit code (for tests). */
    public static int execute(String... args) {
        CommandLine cli = new CommandLine(new WcsettleCli());
        cli.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            cmd.getErr().println("error: " + describe(ex));
            boolean verbose = false;
            for (CommandLine.ParseResult p = parsed; p != null; p = p.subcommand()) {
                verbose |= p.hasMatchedOption("--verbose"); // the option is inherited: it may follow the subcommand
            }
            if (verbose) {
                ex.printStackTrace(cmd.getErr());
            }
            return 2;
        });
        return cli.execute(args);
    }

    @CommandLine.Option(names = "--verbose", scope = CommandLine.ScopeType.INHERIT,
            description = "print stack traces of errors")
    private boolean verbose;

    private static String describe(Exception ex) {
        if (ex instanceof java.nio.file.NoSuchFileException) {
            return "no such file: " + ((java.nio.file.NoSuchFileException) ex).getFile();
        }
        if (ex instanceof WcsettleException) {
            return ex.getMessage();
        }
        return ex.getClass().getSimpleName() + ": " + ex.getMessage();
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required");
    }

    /** {@code conformance DIR...}: runs conformance cases; exit 0 only when all pass. */
    @Command(name = "conformance", mixinStandardHelpOptions = true,
            description = "Run the conformance cases (*.json) under each DIR; exit 0 only when all pass.")
    static final class Conformance implements Callable<Integer> {

        @Parameters(arity = "1..*", paramLabel = "DIR", description = "directories of case files")
        private List<Path> dirs;

        @Override
        public Integer call() throws Exception {
            ConformanceRunner.Summary summary = new ConformanceRunner().run(dirs, System.out);
            return summary.allPassed() ? 0 : 1;
        }
    }
}
