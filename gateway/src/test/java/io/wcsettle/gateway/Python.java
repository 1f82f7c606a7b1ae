package io.wcsettle.gateway;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the Python client of {@code gateway/clients/python} with {@code python3} (standard library only). */
final class Python {

    /** The client's directory, from the module's base directory (surefire runs there). */
    static final Path CLIENTS = Path.of("clients", "python").toAbsolutePath();

    private Python() {
    }

    static void assumePresent() {
        boolean present;
        try {
            Process p = new ProcessBuilder("python3", "--version").redirectErrorStream(true).start();
            present = p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            present = false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            present = false;
        }
        assumeTrue(present, "python3 is not installed (.ci/run installs it): the non-Java client cannot run");
    }

    /** Starts {@code discharge.py} with {@code args}; its stderr goes to {@code log}. */
    static Process start(Path log, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of("python3", "-u", CLIENTS.resolve("discharge.py").toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(CLIENTS.toFile())
                .redirectError(log.toFile()).redirectOutput(ProcessBuilder.Redirect.PIPE);
        pb.environment().put("PYTHONIOENCODING", "utf-8");
        pb.environment().put("PYTHONDONTWRITEBYTECODE", "1");
        return pb.start();
    }

    /** Waits for {@code p} and returns its stdout; fails with its stderr when it does not exit 0. */
    static String finish(Process p, Path log, long seconds) throws IOException, InterruptedException {
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("python client did not finish:\n" + Files.readString(log));
        }
        if (p.exitValue() != 0) {
            throw new AssertionError("python client failed (exit " + p.exitValue() + "):\n" + Files.readString(log)
                    + "\n" + new String(out, StandardCharsets.UTF_8));
        }
        return new String(out, StandardCharsets.UTF_8);
    }

    static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static String classPath() {
        return System.getProperty("java.class.path") + File.pathSeparator;
    }
}
