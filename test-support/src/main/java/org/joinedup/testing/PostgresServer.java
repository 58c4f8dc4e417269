package org.joinedup.testing;

import java.io.IOException;
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
import java.util.stream.Stream;

/**
 * A real PostgreSQL server from the machine's own binaries, in a fresh data folder, on a free
 * loopback port. PostgreSQL refuses to run as root: when we are root it runs as the postgres user.
 */
public final class PostgresServer {
    private final Path binDir;
    private final Path dataDir;
    private final Path runDir;
    private final int port;

    PostgresServer(Path binDir, Path dataDir, Path runDir, int port) {
        this.binDir = binDir;
        this.dataDir = dataDir;
        this.runDir = runDir;
        this.port = port;
    }

    /** Initialises a new cluster in a new temporary folder and starts it. */
    public static PostgresServer start() {
        try {
            Path base = Files.createTempDirectory("joinedup-pg-");
            Path data = base.resolve("data");
            Path run = base.resolve("run");
            Files.createDirectories(run);
            if (Processes.runningAsRoot()) {
                Processes.run(List.of("chown", "-R", "postgres:postgres", base.toString()), null, 30);
                Processes.run(List.of("chmod", "755", base.toString()), null, 30);
            }
            PostgresServer server = new PostgresServer(binDir(), data, run, Processes.freePort());
            server.initdb();
            server.startServer();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException("cannot create the PostgreSQL folder", e);
        }
    }

    static PostgresServer attach(String binDir, String dataDir, String runDir, int port) {
        return new PostgresServer(Path.of(binDir), Path.of(dataDir), Path.of(runDir), port);
    }

    private void initdb() {
        Processes.run(Processes.asPostgresUser(List.of(binDir.resolve("initdb").toString(), "-D", dataDir.toString(),
                "-U", "postgres", "-E", "UTF8", "--locale=C", "--auth=trust")), null, 120);
    }

    private void startServer() {
        Processes.run(Processes.asPostgresUser(List.of(binDir.resolve("pg_ctl").toString(), "-D", dataDir.toString(),
                "-w", "-t", "60", "-l", dataDir.getParent().resolve("postgres.log").toString(), "start", "-o",
                "-c listen_addresses=127.0.0.1 -c port=" + port + " -c unix_socket_directories=" + runDir
                        + " -c max_connections=300")), null, 90);
    }

    public void stop() {
        try {
            Processes.run(Processes.asPostgresUser(List.of(binDir.resolve("pg_ctl").toString(), "-D",
                    dataDir.toString(), "-m", "fast", "-w", "stop")), null, 60);
        } finally {
            deleteQuietly(dataDir.getParent());
        }
    }

    /**
     * Kills the postmaster (SIGKILL), as a crash of the machine's database would: its backends notice
     * and exit, nothing is shut down cleanly, and the next start recovers from the write-ahead log.
     */
    public void kill() {
        try {
            Path pidFile = dataDir.resolve("postmaster.pid");
            if (!Files.exists(pidFile)) {
                return;
            }
            long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
            ProcessHandle.of(pid).ifPresent(h -> {
                h.destroyForcibly();
                try {
                    h.onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
                } catch (Exception ignored) {
                    // gone or going
                }
            });
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("cannot kill PostgreSQL", e);
        }
    }

    /**
     * Starts the server again on the same port and data after {@link #kill()}: until the killed
     * server's last backends have exited, its shared memory is still in use and a start is refused,
     * so it is tried again for up to a minute.
     */
    public void startAgain() {
        RuntimeException last = null;
        for (int attempt = 0; attempt < 30; attempt++) {
            try {
                startServer();
                return;
            } catch (RuntimeException e) {
                last = e;
                try {
                    Thread.sleep(2_000);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
        throw last;
    }

    public int port() {
        return port;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /** Creates the database if it does not exist yet. */
    public void createDatabase(String name) {
        if (!name.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("database name " + name);
        }
        try (Connection c = DriverManager.getConnection(jdbcUrl("postgres"), "postgres", "");
             Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("select 1 from pg_database where datname = '" + name + "'")) {
                if (rs.next()) {
                    return;
                }
            }
            st.execute("create database " + name);
        } catch (SQLException e) {
            if (!"42P04".equals(e.getSQLState())) {
                throw new IllegalStateException("cannot create database " + name, e);
            }
        }
    }

    String binDirPath() {
        return binDir.toString();
    }

    String dataDirPath() {
        return dataDir.toString();
    }

    String runDirPath() {
        return runDir.toString();
    }

    static Path binDir() {
        String configured = System.getenv("PG_BINDIR");
        if (configured != null && Files.exists(Path.of(configured, "initdb"))) {
            return Path.of(configured);
        }
        try {
            String out = Processes.run(List.of("pg_config", "--bindir"), null, 10).trim();
            String last = out.lines().reduce((a, b) -> b).orElse("");
            if (Files.exists(Path.of(last, "initdb"))) {
                return Path.of(last);
            }
        } catch (RuntimeException ignored) {
            // fall through to the Debian layout
        }
        try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            List<Path> bins = new ArrayList<>(versions.map(v -> v.resolve("bin"))
                    .filter(b -> Files.exists(b.resolve("initdb"))).toList());
            bins.sort(Comparator.comparing(Path::toString));
            if (!bins.isEmpty()) {
                return bins.get(bins.size() - 1);
            }
        } catch (IOException ignored) {
            // reported below
        }
        throw new IllegalStateException("no PostgreSQL server binaries found: install postgresql "
                + "(Debian: apt-get install postgresql) or set PG_BINDIR");
    }

    static void deleteQuietly(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // best effort: it lives under the temporary folder
        }
    }
}
