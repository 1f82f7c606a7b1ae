package io.wcsettle.testkit.card;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * pcscd for an end-to-end test on Linux: tells why the real PC/SC path is unavailable
 * ({@link #unavailableReason()}), and starts {@code pcscd -f} as a child process when no daemon
 * runs (containers have no systemd). {@link #close()} stops only a daemon it started.
 */
public final class PcscDaemon implements AutoCloseable {

    /** The daemon binary (Debian package {@code pcscd}). */
    public static final Path PCSCD = Path.of("/usr/sbin/pcscd");
    /** The vpcd reader driver (Debian package {@code vsmartcard-vpcd}). */
    public static final Path VPCD_DRIVER = Path.of("/usr/lib/pcsc/drivers/serial/libifdvpcd.so");
    /** The client library the JDK loads. */
    public static final Path LIBPCSCLITE = Path.of("/usr/lib/x86_64-linux-gnu/libpcsclite.so.1");

    private static final Path SOCKET = Path.of("/run/pcscd/pcscd.comm");
    private static final Path PID_FILE = Path.of("/run/pcscd/pcscd.pid");

    private final Process started;

    private PcscDaemon(Process started) {
        this.started = started;
    }

    /** Why pcscd + vpcd cannot be used here, or empty when they can. */
    public static Optional<String> unavailableReason() {
        if (!System.getProperty("os.name", "").toLowerCase().contains("linux")) {
            return Optional.of("pcscd + vpcd end-to-end path is set up for Linux only");
        }
        for (Path p : List.of(PCSCD, VPCD_DRIVER, LIBPCSCLITE)) {
            if (!Files.exists(p)) {
                return Optional.of(p + " is missing: apt-get install -y pcscd vsmartcard-vpcd");
            }
        }
        return Optional.empty();
    }

    /** Whether a pcscd is running (its socket exists and its pid is alive). */
    public static boolean running() {
        if (!Files.exists(SOCKET) || !Files.exists(PID_FILE)) {
            return false;
        }
        try {
            String pid = Files.readString(PID_FILE).trim();
            return !pid.isEmpty() && Files.exists(Path.of("/proc", pid));
        } catch (IOException e) {
            return false;
        }
    }

    /** Whether something listens on TCP {@code port} (read from {@code /proc/net/tcp*}, no connection made). */
    public static boolean listening(int port) {
        String hexPort = String.format(":%04X", port);
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            try {
                for (String line : Files.readAllLines(Path.of(table))) {
                    String[] f = line.trim().split("\\s+");
                    if (f.length > 3 && f[1].endsWith(hexPort) && f[3].equals("0A")) {
                        return true;
                    }
                }
            } catch (IOException e) {
                // table absent: try the next one
            }
        }
        return false;
    }

    /**
     * Uses the running pcscd, or starts {@code pcscd -f} and waits up to {@code timeout} until the
     * vpcd driver listens on {@link VpcdCard#DEFAULT_PORT}.
     *
     * @throws IOException when the daemon cannot be started or vpcd does not listen in time
     */
    public static PcscDaemon ensureRunning(Duration timeout) throws IOException {
        Process process = null;
        if (!running()) {
            process = new ProcessBuilder(PCSCD.toString(), "-f")
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!(running() && listening(VpcdCard.DEFAULT_PORT))) {
            if (System.nanoTime() > deadline || (process != null && !process.isAlive())) {
                if (process != null) {
                    process.destroy();
                }
                throw new IOException("pcscd with the vpcd driver did not come up within " + timeout);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
        }
        return new PcscDaemon(process);
    }

    /** Whether this handle started the daemon. */
    public boolean startedHere() {
        return started != null;
    }

    /** Stops the daemon if this handle started it. */
    @Override
    public void close() {
        if (started != null) {
            started.destroy();
            try {
                started.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
