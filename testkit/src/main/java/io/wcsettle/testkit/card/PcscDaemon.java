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
 *
 * <p>For hot-plug tests, {@link #startOwned(Path, Duration)} runs a pcscd of its own on a reader
 * configuration directory the test controls ({@code pcscd -c DIR}): {@link #stop()} /
 * {@link #start()} restart it, and starting it on a directory without the vpcd entry
 * ({@link #writeVpcdReader(Path)}) is the last reader unplugged (pcscd reads serial reader
 * configurations only at start, and vpcd readers exist as long as their configuration does).
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

    /** The vpcd reader configuration Debian's vsmartcard-vpcd installs. */
    private static final String VPCD_CONF = "FRIENDLYNAME \"Virtual PCD\"\nDEVICENAME   /dev/null:0x8C7B\n"
            + "LIBPATH      " + VPCD_DRIVER + "\nCHANNELID    0x8C7B\n";

    private volatile Process started;
    private final Path configDir;
    private final Duration timeout;

    private PcscDaemon(Process started) {
        this(started, null, null);
    }

    private PcscDaemon(Process started, Path configDir, Duration timeout) {
        this.started = started;
        this.configDir = configDir;
        this.timeout = timeout;
    }

    /** Writes the vpcd reader entry into {@code configDir} (a reader configuration directory). */
    public static void writeVpcdReader(Path configDir) throws IOException {
        Files.createDirectories(configDir);
        Files.writeString(configDir.resolve("vpcd"), VPCD_CONF);
    }

    /** Removes the vpcd reader entry from {@code configDir}. */
    public static void removeVpcdReader(Path configDir) throws IOException {
        Files.deleteIfExists(configDir.resolve("vpcd"));
    }

    /**
     * Starts a pcscd of its own, {@code pcscd -f -c configDir}, and waits until it runs (and, when
     * {@code configDir} has the vpcd entry, until vpcd listens).
     *
     * @throws IOException when another pcscd runs (this one could not be restarted at will) or it
     *                     does not come up within {@code timeout}
     */
    public static PcscDaemon startOwned(Path configDir, Duration timeout) throws IOException {
        if (running()) {
            throw new IOException("a pcscd this process did not start is running");
        }
        PcscDaemon d = new PcscDaemon(null, configDir, timeout);
        d.start();
        return d;
    }

    /** (Re)starts an owned daemon on its configuration directory. */
    public synchronized void start() throws IOException {
        if (configDir == null) {
            throw new IllegalStateException("not an owned daemon");
        }
        if (started != null && started.isAlive()) {
            return;
        }
        Process p = new ProcessBuilder(PCSCD.toString(), "-f", "-c", configDir.toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        started = p;
        boolean vpcd = Files.exists(configDir.resolve("vpcd"));
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!(running() && (!vpcd || listening(VpcdCard.DEFAULT_PORT)))) {
            if (System.nanoTime() > deadline || !p.isAlive()) {
                p.destroy();
                throw new IOException("owned pcscd did not come up within " + timeout);
            }
            sleep(20);
        }
    }

    /** Stops an owned (or started) daemon and waits until its socket is gone. */
    public synchronized void stop() {
        Process p = started;
        if (p == null) {
            return;
        }
        p.destroy();
        try {
            p.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (running() && System.nanoTime() < deadline) {
            sleep(20);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
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
        stop();
    }
}
