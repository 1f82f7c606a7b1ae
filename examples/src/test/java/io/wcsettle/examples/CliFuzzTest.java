package io.wcsettle.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentSkipListMap;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.wcsettle.core.fuzz.Fuzz;
import io.wcsettle.core.fuzz.Mutate;
import picocli.CommandLine;

/**
 * The command line's argument parsing and shared error handling, over argument vectors mutated
 * from valid ones: tokens inserted, dropped, swapped, duplicated and mutated (NUL characters,
 * full-width digits, huge numbers, unknown options, {@code --opt=value} forms, {@code --}).
 * Every vector exits 0, 1 or 2; a failure or usage error prints exactly one {@code error:} line
 * (and at most one {@code try '… --help'} hint), never picocli's usage dump and never a Java
 * exception class name (unless {@code --verbose} asked for the stack trace).
 *
 * <p>{@code clear} and {@code conformance} run for real on files in a temporary directory;
 * {@code simulate}, {@code card} and {@code demo} are parsed and validated by picocli but not run
 * (they listen on a port, open PC/SC or take seconds; their own tests run them).
 */
class CliFuzzTest {

    private static final String GOOD = "record_id,insured_admdvs,treatment_admdvs,institution_code,confirmed_on,fund_paid,deduction\n"
            + "R1,150000,110000,H1,2025-10-01,100.00,10.00\nR2,150000,430000,H2,2025-10-02,50.00,0.00\n";

    @TempDir
    static Path sandbox;

    private static String[] paths;

    @BeforeAll
    static void files() throws IOException {
        Fuzz.seed(); // loads the harness while System.out is still the real one, for its summary line
        Path good = Files.writeString(sandbox.resolve("q.csv"), GOOD);
        Path bad = Files.writeString(sandbox.resolve("bad.csv"), GOOD + "R3,150000,11000,H1,2025-10-04,20.00,5.00\n");
        Path binary = Files.write(sandbox.resolve("bin.csv"), new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1, '\n'});
        Path cases = Files.createDirectories(sandbox.resolve("cases"));
        Files.writeString(cases.resolve("a.json"), "{\"id\":\"A\",\"kind\":\"calendar.isWorkingDay\",\"input\":"
                + "{\"date\":\"2025-05-05\"},\"expected\":{\"workingDay\":false}}");
        Files.writeString(cases.resolve("b.json"), "{\"id\":\"B\",\"kind\":\"calendar.isWorkingDay\",\"input\":[]}");
        Path pem = Files.writeString(sandbox.resolve("his.pem"), "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n");
        paths = new String[] {good.toString(), bad.toString(), binary.toString(), cases.toString(), pem.toString(),
            sandbox.resolve("missing.csv").toString(), sandbox.toString(), sandbox.resolve("keys").toString()};
    }

    private static final String[][] VALID = {
        {"clear", "$0"}, {"clear", "$1", "--on-malformed", "skip"}, {"clear", "$0", "--format", "json"},
        {"clear", "$0", "--format=csv", "--progress"}, {"conformance", "$3"}, {"conformance", "$3", "$3"},
        {"simulate", "--port", "0", "--keys-dir", "$7"}, {"simulate", "--his-public-key", "$4", "--admdvs", "430100"},
        {"card", "read", "--list"}, {"card", "read", "--reader", "ACS ACR39U", "--timeout", "PT10S"}, {"demo"},
        {"--help"}, {"clear", "--help"}, {"--version"}, {"clear", "$0", "--verbose"}
    };

    private static final String[] TOKENS = {
        "clear", "conformance", "simulate", "card", "read", "demo", "--help", "-h", "--version", "-V", "--verbose",
        "--format", "--on-malformed", "--progress", "--port", "--keys-dir", "--his-public-key", "--admdvs", "--reader",
        "--timeout", "--list", "--show-personal-data", "--", "-", "--format=json", "--port=0", "--port=-1",
        "table", "csv", "json", "xml", "stop", "skip", "0", "65535", "65536", "99999", "-1", "eighty", "PT10S", "P1D",
        "10s", "430100", "--nope", "-x", "", " ", "two\nlines.csv", "nul\u0000.csv", "--format=\n", "$0", "$1", "$2", "$3", "$4", "$5", "$6"
    };

    static String[] generate(SplittableRandom r) {
        List<String> args = new ArrayList<>(Arrays.asList(Mutate.pick(r, VALID)));
        int n = r.nextInt(4);
        for (int k = 0; k < n; k++) {
            int at = args.isEmpty() ? 0 : r.nextInt(args.size() + 1);
            switch (r.nextInt(6)) {
                case 0 -> args.add(at, Mutate.pick(r, TOKENS));
                case 1 -> {
                    if (!args.isEmpty()) {
                        args.remove(r.nextInt(args.size()));
                    }
                }
                case 2 -> {
                    if (!args.isEmpty()) {
                        int i = r.nextInt(args.size());
                        args.set(i, Mutate.string(r, args.get(i)));
                    }
                }
                case 3 -> {
                    if (args.size() > 1) {
                        int i = r.nextInt(args.size());
                        int j = r.nextInt(args.size());
                        String t = args.get(i);
                        args.set(i, args.get(j));
                        args.set(j, t);
                    }
                }
                case 4 -> {
                    if (!args.isEmpty()) {
                        args.add(at, args.get(r.nextInt(args.size())));
                    }
                }
                default -> args.add(at, Mutate.string(r, Mutate.pick(r, TOKENS)));
            }
        }
        return args.stream().map(a -> a.length() == 2 && a.charAt(0) == '$' && a.charAt(1) >= '0' && a.charAt(1) <= '7'
                ? paths[a.charAt(1) - '0'] : a).filter(a -> !a.startsWith("@")).toArray(String[]::new);
    }

    /** Runs clear and conformance for real (inside the sandbox); parses the rest without running them. */
    private static CommandLine sandboxed(CommandLine cli) {
        return cli.setExecutionStrategy(parsed -> {
            Integer help = CommandLine.executeHelpRequest(parsed);
            if (help != null) {
                return help;
            }
            List<CommandLine> chain = parsed.asCommandLineList();
            CommandLine leaf = chain.get(chain.size() - 1);
            String name = leaf.getCommandName();
            if (name.equals("simulate") || name.equals("read") || name.equals("card") || name.equals("demo")
                    || name.equals("serve")) {
                return 0;
            }
            if (name.equals("conformance")) {
                for (String dir : leaf.getParseResult().originalArgs()) {
                    if (!dir.startsWith("-") && !Path.of(dir).toAbsolutePath().normalize().startsWith(sandbox)) {
                        return 0;
                    }
                }
            }
            return new CommandLine.RunLast().execute(parsed);
        });
    }

    @Test
    @DisplayName("CLI fuzz: every argument vector exits 0, 1 or 2 with at most one error line and one hint, no class names")
    void arguments() {
        Map<String, Integer> exits = new ConcurrentSkipListMap<>();
        try (CliRun.Session session = new CliRun.Session(CliFuzzTest::sandboxed)) {
            arguments(session, exits);
        }
        System.out.println("fuzz CLI arguments exits: " + exits);
    }

    private static void arguments(CliRun.Session session, Map<String, Integer> exits) {
        Fuzz.run("CLI arguments", Fuzz.tries(0.5), CliFuzzTest::generate, session::run,
                (args, r) -> {
                    exits.merge("exit " + r.code(), 1, Integer::sum);
                    assertTrue(r.code() >= 0 && r.code() <= 2, "exit code " + r.code());
                    boolean verbose = Arrays.asList(args).contains("--verbose");
                    List<String> errors = r.errLines().stream().filter(l -> l.startsWith("error: ")).toList();
                    if (r.code() == 2) {
                        assertEquals(1, errors.size(), "one error line: " + r.err());
                        assertFalse(r.err().contains("Usage:"), "no usage dump: " + r.err());
                        if (!verbose) {
                            List<String> lines = r.errLines();
                            int at = lines.indexOf(errors.get(0));
                            assertTrue(lines.size() - at <= 2, "at most one hint after the error: " + r.err());
                            assertTrue(lines.size() - at == 1 || lines.get(at + 1).startsWith("try '"), r.err());
                        }
                    }
                    if (!verbose) {
                        assertFalse(WcsettleCliTest.CLASS_NAME.matcher(r.err()).find(), "a Java class name: " + r.err());
                    }
                }, args -> Fuzz.render(String.join(" ␣ ", args)));
    }

}
