package io.wcsettle.testdb;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.junit.jupiter.api.Assumptions;

/**
 * A real MariaDB server for the tests of his-adapter and agency: {@code mariadb-install-db}
 * into a temporary data directory, {@code mariadbd} on a free loopback port as the current user, with
 * the server's compiled-in defaults ({@code --no-defaults}: latin1, case-insensitive collation, so the
 * schema has to say utf8mb4_bin itself), started once per test JVM and shut down, its directory
 * deleted, at JVM exit. No system service, no root password.
 *
 * <p>Needs Debian's {@code mariadb-server} package; {@code .ci/run} installs it. Where {@code mariadbd}
 * is missing the tests FAIL, unless {@code -Dwcsettle.mariadb.skip=true} says to skip them.
 */
public final class MariaDbServer {

    public static final String SKIP_PROPERTY = "wcsettle.mariadb.skip";

    private static MariaDbServer server;
    private static final AtomicInteger DATABASES = new AtomicInteger();

    private final Path dir;
    private final int port;
    private final Process process;

    private MariaDbServer(Path dir, int port, Process process) {
        this.dir = dir;
        this.port = port;
        this.process = process;
    }

    /** The server, started on first use. */
    public static synchronized MariaDbServer server() {
        if (server == null) {
            Optional<Path> mariadbd = find("mariadbd");
            Optional<Path> installDb = find("mariadb-install-db");
            if (mariadbd.isEmpty() || installDb.isEmpty()) {
                String why = "mariadbd / mariadb-install-db not found (apt-get install mariadb-server)";
                if (Boolean.getBoolean(SKIP_PROPERTY)) {
                    Assumptions.abort(why + "; skipped as -D" + SKIP_PROPERTY + "=true asks");
                }
                throw new IllegalStateException(why + "; run with -D" + SKIP_PROPERTY + "=true to skip the MariaDB tests");
            }
            try {
                server = start(mariadbd.get(), installDb.get());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            MariaDbServer s = server;
            Runtime.getRuntime().addShutdownHook(new Thread(s::stop));
        }
        return server;
    }

    private static MariaDbServer start(Path mariadbd, Path installDb) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("wcsettle-mariadb");
        Path data = dir.resolve("data");
        boolean root = "root".equals(System.getProperty("user.name"));
        List<String> install = new ArrayList<>(List.of(installDb.toString(), "--no-defaults", "--datadir=" + data,
                "--auth-root-authentication-method=normal", "--skip-test-db"));
        if (root) {
            install.add("--user=root");
        }
        Process i = new ProcessBuilder(install).redirectErrorStream(true)
                .redirectOutput(dir.resolve("install.log").toFile()).start();
        if (!i.waitFor(120, TimeUnit.SECONDS) || i.exitValue() != 0) {
            throw new IllegalStateException("mariadb-install-db failed: " + Files.readString(dir.resolve("install.log")));
        }
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        List<String> run = new ArrayList<>(List.of(mariadbd.toString(), "--no-defaults", "--datadir=" + data,
                "--port=" + port, "--bind-address=127.0.0.1", "--socket=" + dir.resolve("mysqld.sock"),
                "--pid-file=" + dir.resolve("mysqld.pid"), "--log-error=" + dir.resolve("error.log"),
                "--skip-log-bin", "--innodb-buffer-pool-size=64M", "--max-connections=200"));
        if (root) {
            run.add("--user=root");
        }
        Process p = new ProcessBuilder(run).redirectErrorStream(true).redirectOutput(dir.resolve("out.log").toFile()).start();
        MariaDbServer m = new MariaDbServer(dir, port, p);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            try (Connection c = DriverManager.getConnection(m.url(""))) {
                return m;
            } catch (SQLException e) {
                if (!p.isAlive() || System.nanoTime() > deadline) {
                    m.stop();
                    throw new IllegalStateException("mariadbd did not start: " + e.getMessage(), e);
                }
                Thread.sleep(100);
            }
        }
    }

    private static Optional<Path> find(String program) {
        List<String> dirs = new ArrayList<>(List.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)));
        dirs.addAll(List.of("/usr/sbin", "/usr/local/sbin", "/usr/bin"));
        return dirs.stream().filter(d -> !d.isBlank()).map(d -> Path.of(d, program)).filter(Files::isExecutable).findFirst();
    }

    /** The JDBC URL of {@code database} (empty: none). */
    public String url(String database) {
        return "jdbc:mariadb://127.0.0.1:" + port + "/" + database + "?user=root";
    }

    /** A new, empty database on the server, as a {@link DataSource}. */
    public DataSource freshDatabase() {
        org.mariadb.jdbc.MariaDbDataSource ds = new org.mariadb.jdbc.MariaDbDataSource();
        try {
            ds.setUrl(freshDatabaseUrl());
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return ds;
    }

    /** A new, empty database on the server, as a JDBC URL (for a child process). */
    public String freshDatabaseUrl() {
        String name = "wcs" + DATABASES.incrementAndGet();
        try (Connection c = DriverManager.getConnection(url("")); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return url(name);
    }

    /** A process crash as the server sees it: every connection to {@code ds}'s database is killed. */
    public void killConnections(DataSource ds) {
        String database;
        try (Connection c = ds.getConnection()) {
            database = c.getCatalog();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        try (Connection c = DriverManager.getConnection(url("")); Statement s = c.createStatement()) {
            List<Long> ids = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT id FROM information_schema.processlist WHERE db = '" + database
                    + "' AND id <> CONNECTION_ID()")) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
            for (long id : ids) {
                try {
                    s.execute("KILL CONNECTION " + id);
                } catch (SQLException gone) {
                    // it ended by itself
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void stop() {
        process.destroy(); // SIGTERM: mariadbd shuts down cleanly
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException ignored) {
            // best effort
        }
    }
}
