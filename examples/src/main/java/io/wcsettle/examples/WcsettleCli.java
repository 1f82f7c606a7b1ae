package io.wcsettle.examples;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;

import io.wcsettle.examples.cli.CardCommand;
import io.wcsettle.examples.cli.ClearCommand;
import io.wcsettle.examples.cli.CliException;
import io.wcsettle.examples.cli.ReportCommand;
import io.wcsettle.examples.cli.ServeCommand;
import io.wcsettle.examples.cli.SimulateCommand;
import io.wcsettle.examples.conformance.ConformanceRunner;
import io.wcsettle.core.error.WcsettleException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * Entry point of {@code wcsettle-examples.jar}: one subcommand per program, and the error
 * handling they all share (see {@link #configure}).
 */
@Command(name = "wcsettle", mixinStandardHelpOptions = true, version = "wcsettle 0.1.0",
        description = "wcsettle example programs.",
        subcommands = {WcsettleCli.Conformance.class, Demo.class, ClearCommand.class, SimulateCommand.class, CardCommand.class,
            ReportCommand.class, ServeCommand.class})
public final class WcsettleCli implements Runnable {

    /** Exit code of a usage error (picocli's convention). */
    static final int USAGE_ERROR = 2;

    /** Exit code of a command that failed. */
    static final int FAILURE = 2;

    /** Java exception class names such as {@code java.nio.file.InvalidPathException:} or {@code DecoderException}. */
    private static final Pattern EXCEPTION_NAMES = Pattern.compile(
            "(?:\\b[a-z][\\w$]*\\.)*\\b[A-Z][\\w$]*(?:Exception|Error)\\b:?\\s*");

    /** Other qualified Java class names, {@code class java.time.Duration}: the simple name is kept. */
    private static final Pattern QUALIFIED_NAMES = Pattern.compile(
            "(?:\\bclass )?\\b(?:java|javax|jdk|sun|com|org|io|net|picocli)(?:\\.[a-z][\\w$]*)+\\.([A-Z][\\w$]*)");

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @CommandLine.Option(names = "--verbose", scope = CommandLine.ScopeType.INHERIT,
            description = "print stack traces of errors")
    private boolean verbose;

    /** Runs the command line and exits with its code. */
    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command line and returns its exit code (for tests). */
    public static int execute(String... args) {
        return configure(new CommandLine(new WcsettleCli())).execute(args);
    }

    /**
     * Installs the error handling every subcommand shares: a usage error prints one
     * {@code error: …} line and one {@code try '… --help'} hint instead of picocli's usage dump;
     * a failure prints one {@code error: …} line that names the file or field and never a raw Java
     * exception class; {@code --verbose} anywhere on the line (before {@code --}, after the
     * subcommand too) adds the stack trace. Exit code 2 for both.
     */
    static CommandLine configure(CommandLine cli) {
        cli.setParameterExceptionHandler((ex, args) -> {
            CommandLine cmd = ex.getCommandLine();
            PrintWriter err = cmd.getErr();
            err.println("error: " + oneLine(ex.getMessage()));
            if (verbose(args)) {
                ex.printStackTrace(err);
            }
            err.println("try '" + cmd.getCommandSpec().qualifiedName() + " --help'" + suggestion(ex));
            err.flush();
            return USAGE_ERROR;
        });
        cli.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            PrintWriter err = cmd.getErr();
            err.println("error: " + describe(ex));
            if (verbose(parsed.originalArgs().toArray(new String[0]))) {
                ex.printStackTrace(err);
            }
            err.flush();
            return FAILURE;
        });
        return cli;
    }

    private static boolean verbose(String[] args) {
        for (String a : args) {
            if ("--".equals(a)) {
                return false;
            }
            if ("--verbose".equals(a)) {
                return true;
            }
        }
        return false;
    }

    private static String suggestion(CommandLine.ParameterException ex) {
        if (ex instanceof CommandLine.UnmatchedArgumentException u && !u.getSuggestions().isEmpty()) {
            List<String> s = u.getSuggestions();
            return " (did you mean " + String.join(" or ", s.subList(0, Math.min(3, s.size()))) + "?)";
        }
        return "";
    }

    /** The one line a user reads for {@code ex}: what failed, naming the file or field. */
    static String describe(Throwable ex) {
        if (ex instanceof WcsettleException || ex instanceof CliException) {
            return oneLine(ex.getMessage());
        }
        if (ex instanceof UncheckedIOException && ex.getCause() != null) {
            String m = ex.getMessage();
            String cause = describe(ex.getCause());
            return m == null || m.equals(ex.getCause().toString()) ? cause : oneLine(m) + ": " + cause;
        }
        if (ex instanceof NoSuchFileException e) {
            return "no such file: " + printable(e.getFile());
        }
        if (ex instanceof FileAlreadyExistsException e) {
            return "file already exists: " + printable(e.getFile());
        }
        if (ex instanceof AccessDeniedException e) {
            return "permission denied: " + printable(e.getFile());
        }
        if (ex instanceof NotDirectoryException e) {
            return "not a directory: " + printable(e.getFile());
        }
        if (ex instanceof DirectoryNotEmptyException e) {
            return "directory not empty: " + printable(e.getFile());
        }
        if (ex instanceof FileSystemException e) {
            return "cannot access " + printable(e.getFile()) + (e.getReason() != null ? ": " + oneLine(e.getReason()) : "");
        }
        if (ex instanceof CharacterCodingException) {
            return "input is not text in the expected encoding";
        }
        if (ex instanceof BindException) {
            return "cannot listen on the port: " + oneLine(String.valueOf(ex.getMessage())).toLowerCase(Locale.ROOT);
        }
        if (ex instanceof IOException) {
            return "I/O error" + (ex.getMessage() != null ? ": " + oneLine(ex.getMessage()) : "");
        }
        if (ex instanceof InvalidPathException e) {
            return "not a usable path: " + oneLine(e.getReason());
        }
        String m = ex.getMessage();
        return "unexpected internal error" + (m != null && !m.isBlank() ? ": " + oneLine(m) : "")
                + " (run with --verbose for the stack trace)";
    }

    /** {@code message} as one line, Java exception class names taken out (a file name may hold a line break). */
    static String oneLine(String message) {
        if (message == null) {
            return "failed";
        }
        String clean = EXCEPTION_NAMES.matcher(message.strip()).replaceAll("").replace("()", "").strip();
        clean = QUALIFIED_NAMES.matcher(clean).replaceAll("$1");
        return clean.isEmpty() ? "failed" : printable(clean);
    }

    /** Control characters as escapes (a line break as backslash-n), at most 500 characters: one line, always. */
    static String printable(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(Math.min(s.length(), 500));
        for (int i = 0; i < s.length(); i++) {
            if (sb.length() >= 500) {
                return sb.append("…").toString();
            }
            char c = s.charAt(i);
            switch (c) {
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x7f || c == 0x85 || c == 0x2028 || c == 0x2029) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.toString();
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
